/// The tabs of a dataset, in the order they are shown.
public enum DatasetTab: String, CaseIterable, Hashable, Sendable {
    case samples, issues, collaborators, releases, labelsets, workunits, stats, info

    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// `:tab iss` and completion accept any unambiguous prefix.
    public static func matching(_ text: String) -> DatasetTab? {
        let lowered = text.lowercased()
        return allCases.first { $0.rawValue.hasPrefix(lowered) }
    }
}

/// Which of the two panes has the keyboard.
public enum Pane: Hashable, Sendable {
    case datasets
    case content
}
