import SegmentsAPI

/// The `:` command line: `dataset <owner/name>`, `sample <uuid>`, `labelset <name>`,
/// `tab <name>`, `help`, `q`. Every command and argument completes with Tab.
public enum CommandLine {
    public static let commands = ["dataset", "sample", "labelset", "tab", "messages", "help", "quit", "q"]

    /// Candidates for what is typed so far, each the whole command line.
    public static func completions(for text: String, state: AppState) -> [String] {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            return commands.filter { $0.hasPrefix(parts.first ?? "") && $0 != "q" }.map { $0 + " " }
        }
        let argument = parts[1].lowercased()
        let candidates: [String]
        switch parts[0] {
        case "dataset", "d": candidates = (state.datasets.items ?? []).map(\.fullName)
        case "labelset", "l": candidates = state.dataset?.labelsetNames ?? []
        case "tab", "t": candidates = DatasetTab.allCases.map(\.rawValue)
        case "sample", "s":
            let current = state.dataset?.samples
            candidates = (current?.pages.values.flatMap { $0 } ?? []).map(\.uuid)
        default: candidates = []
        }
        return candidates.filter { $0.lowercased().hasPrefix(argument) || (argument.count > 1 && $0.lowercased().contains(argument)) }
            .prefix(8).map { parts[0] + " " + $0 }
    }

    /// Runs a command line; unknown commands and bad arguments say so in the status bar.
    static func run(_ text: String, state: inout AppState) -> [Effect] {
        let parts = text.trimmingSpaces.split(separator: " ", maxSplits: 1).map(String.init)
        guard let command = parts.first else { return [] }
        let argument = parts.count > 1 ? parts[1].trimmingSpaces : ""
        switch command {
        case "q", "quit", "q!":
            return state.perform(.quit)
        case "help", "h":
            return state.perform(.help)
        case "messages", "mes", "m":
            return state.perform(.messages)
        case "dataset", "d":
            guard !argument.isEmpty else { return fail("Usage: :dataset owner/name", &state) }
            let names = (state.datasets.items ?? []).map(\.fullName)
            guard let name = names.first(where: { $0 == argument }) ?? names.first(where: { $0.hasSuffix("/" + argument) })
            else { return fail("No dataset \(argument) among yours.", &state) }
            let effects = state.selectDataset(named: name)
            state.focus = .content
            return effects
        case "sample", "s":
            guard !argument.isEmpty else { return fail("Usage: :sample <uuid>", &state) }
            state.showInfo("Looking up sample \(argument)…")
            return [state.start(.sampleLookup, .sampleLookup(uuid: argument))]
        case "labelset", "l":
            guard let current = state.dataset else { return fail("Open a dataset first.", &state) }
            guard current.labelsetNames.contains(argument) else {
                return fail("No labelset \(argument) in \(current.fullName).", &state)
            }
            return state.switchLabelset(to: argument)
        case "tab", "t":
            guard let tab = DatasetTab.matching(argument), !argument.isEmpty else {
                return fail("No tab \(argument).", &state)
            }
            return state.show(tab)
        default:
            return fail("Unknown command :\(command) (try :dataset, :sample, :labelset, :tab, :messages, :q)", &state)
        }
    }

    private static func fail(_ text: String, _ state: inout AppState) -> [Effect] {
        state.showError(text)
        return []
    }
}
