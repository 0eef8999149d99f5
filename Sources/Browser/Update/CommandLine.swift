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
            guard !argument.isEmpty else { return fail("Usage: :sample <name, uuid or uuid prefix>", &state) }
            return findSample(argument, state: &state)
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

    /// `:sample` takes a full uuid, a uuid prefix or a name: loaded rows answer at once,
    /// a full uuid is looked up anywhere, a name is searched in the open dataset.
    private static func findSample(_ argument: String, state: inout AppState) -> [Effect] {
        let loaded = state.dataset?.samples.pages.keys.sorted().flatMap { state.dataset?.samples.pages[$0] ?? [] } ?? []
        let lowered = argument.lowercased()
        var matches = loaded.filter { $0.name == argument }
        if matches.isEmpty, lowered.count >= 4 { matches = loaded.filter { $0.uuid.hasPrefix(lowered) } }
        switch pick(matches, named: argument) {
        case .one(let sample):
            if let row = state.dataset?.samples.row(of: sample.uuid) {
                let rows = state.layout.samplesTableRows
                let count = state.dataset?.samples.rowCount ?? row + 1
                state.dataset?.samples.table = ScrollStateHelpers.select(row, count: count, rows: rows)
                state.focus = .content
                return state.openDetail(uuid: sample.uuid, source: .samples, sample: sample)
            }
            return state.openDetail(uuid: sample.uuid, source: .lookup, sample: sample)
        case .several(let count, let names):
            return fail("\(argument) matches \(count) loaded samples (\(names)); type more.", &state)
        case .none:
            break
        }
        if isUUID(argument) {
            state.showInfo("Looking up sample \(argument)…")
            return [state.start(.sampleLookup, ServiceCalls.sampleLookup(uuid: argument), then: { $0.openLookedUp($1) })]
        }
        guard let current = state.dataset else {
            return fail("Open a dataset to find a sample by name, or give its full uuid.", &state)
        }
        state.showInfo("Looking for \(argument) in \(current.fullName)…")
        let name = argument
        return [state.start(.sampleLookup, ServiceCalls.findSamples(dataset: current.fullName, name: name), then: { $0.landSampleMatches(name, $1) })]
    }

    /// The 8-4-4-4-12 hex shape of a uuid.
    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    enum Pick {
        case none
        case one(Sample)
        /// How many, and the first few names.
        case several(Int, String)
    }

    /// One sample for a name: the only candidate, or the one named exactly.
    static func pick(_ candidates: [Sample], named name: String) -> Pick {
        if candidates.count == 1, let only = candidates.first { return .one(only) }
        let exact = candidates.filter { $0.name == name }
        if exact.count == 1, let only = exact.first { return .one(only) }
        guard !candidates.isEmpty else { return .none }
        let names = candidates.prefix(3).map(\.name).joined(separator: ", ") + (candidates.count > 3 ? ", …" : "")
        return .several(candidates.count, names)
    }

    private static func fail(_ text: String, _ state: inout AppState) -> [Effect] {
        state.showError(text)
        return []
    }
}
