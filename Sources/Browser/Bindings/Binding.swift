import SegmentsAPI
import TerminalUI

/// One row of the key table: the keys, what they do, where, and when they cannot.
/// The help overlay, the footer hints and docs/keys.md are all generated from the table.
public struct Binding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var description: String
    /// The footer's word for it; nil keeps it out of the footer.
    public var short: String?
    public var context: BindingContext
    /// Deletes data on the server: asks for confirmation first.
    public var isDestructive = false
    /// Changes data on the server: refused in read-only mode with the reason "read-only mode".
    public var writes = false
    /// What the key does on the dataset, in the permission table's terms (docs/permissions.md).
    /// Below the level it needs the footer leaves the binding out and pressing it says which role it needs.
    public var requires: DatasetAction?
    /// Why the command cannot run now, or nil when it can.
    public var disabledReason: @Sendable (AppState) -> String? = { _ in nil }

    public var keyLabel: String { keys.map(\.description).joined(separator: " ") }
}

/// The key table.
public enum Bindings {
    public static let all: [Binding] = [
        // Everywhere
        Binding(keys: [.character("?")], command: .help, description: "Show this help", short: "help", context: .global),
        Binding(keys: [.character(":")], command: .commandLine, description: "Command line (:dataset, :sample, :labelset, :tab, :q)", short: "cmd", context: .global),
        Binding(keys: [.character("/")], command: .filter, description: "Filter the focused list as you type", short: "filter", context: .global),
        Binding(keys: [.character("r"), .ctrl("r")], command: .refresh, description: "Refresh (retries after an error)", short: "refresh", context: .global),
        Binding(keys: [.tab], command: .switchPane, description: "Switch between the datasets pane and the dataset", context: .global),
        Binding(keys: [.character("z")], command: .zoom, description: "Zoom the focused pane", context: .global),
        Binding(keys: [.character("]"), .right, .character("l")], command: .nextTab, description: "Next tab (→/l also open from the datasets pane)", context: .global),
        Binding(keys: [.character("["), .left, .character("h")], command: .previousTab, description: "Previous tab (←/h from the first tab goes back to the datasets)", context: .global),
        Binding(keys: [.character("y")], command: .copy, description: "Copy the selected uuid or URL (OSC 52)", short: "copy", context: .global),
        Binding(keys: [.escape], command: .back, description: "Back, close or cancel (never quits)", context: .global),
        Binding(keys: [.character("q")], command: .backOrQuit, description: "Back; quit from the datasets pane", short: "back", context: .global),
        Binding(keys: [.ctrl("c")], command: .quit, description: "Quit (in a dialog: cancel it; asks while writes are saving)", context: .global),
        // Lists
        Binding(keys: [.up, .character("k")], command: .navigate(.up), description: "Up", context: .lists),
        Binding(keys: [.down, .character("j")], command: .navigate(.down), description: "Down", context: .lists),
        Binding(keys: [.pageUp, .ctrl("b")], command: .navigate(.pageUp), description: "Page up", context: .lists),
        Binding(keys: [.pageDown, .ctrl("f")], command: .navigate(.pageDown), description: "Page down", context: .lists),
        Binding(keys: [.ctrl("u")], command: .navigate(.halfPageUp), description: "Half a page up", context: .lists),
        Binding(keys: [.ctrl("d")], command: .navigate(.halfPageDown), description: "Half a page down", context: .lists),
        Binding(keys: [.home, .character("g")], command: .navigate(.top), description: "First row", context: .lists),
        Binding(keys: [.end, .character("G")], command: .navigate(.bottom), description: "Last row", context: .lists),
        Binding(
            keys: [.enter], command: .open, description: "Open the selected item (a sample; on Labelsets: browse that labelset)",
            short: "open", context: .lists, disabledReason: { state in state.openReason }),
        // Samples
        Binding(keys: [.character("s")], command: .chooseStatuses, description: "Filter by label status (several)", short: "status", context: .samples),
        Binding(keys: [.character("m")], command: .metadataFilter, description: "Edit the metadata filters (key:value, comma-separated)", short: "meta", context: .samples),
        Binding(
            keys: [.character("M")], command: .removeMetadataFilter, description: "Remove one metadata filter (a chip)",
            context: .samples, disabledReason: { state in state.dataset?.samples.filter.metadata.isEmpty != false ? "no metadata filter is set" : nil }),
        Binding(keys: [.character("o")], command: .chooseSort, description: "Choose the sort", short: "sort", context: .samples),
        Binding(keys: [.character("O")], command: .toggleDirection, description: "Toggle the sort direction", context: .samples),
        Binding(keys: [.character("L")], command: .chooseLabelset, description: "Choose the labelset", short: "labelset", context: .samples),
        Binding(keys: [.character("c")], command: .clearFilters, description: "Clear name, status and metadata filters", context: .samples),
        Binding(
            keys: [.character("T")], command: .startTriage,
            description: "Triage queue over the filter (default: LABELED, by priority)", short: "triage",
            context: .samples, requires: .review),
        // Triage queue
        Binding(
            keys: [.character("s")], command: .skipSample, description: "Skip this sample (no decision) and go to the next",
            short: "skip", context: .triage),
        Binding(
            keys: [.character("X")], command: .rejectWithIssue, description: "Reject the label and open an issue saying why",
            short: "reject+issue", context: .triage, writes: true, requires: .review,
            disabledReason: { state in state.triageReason }),
        Binding(
            keys: [.character("A")], command: .chooseAssignee, description: "Only the samples assigned to one labeler or reviewer (or everyone)",
            short: "assignee", context: .triage),
        Binding(keys: [.character("q"), .escape], command: .back, description: "Leave the queue (its progress is kept in the message)", short: "leave", context: .triage),
        // Sample detail
        Binding(
            keys: [.character("a")], command: .acceptLabel, description: "Accept the label (REVIEWED) and go to the next sample",
            short: "accept", context: .sampleDetail, writes: true, requires: .review, disabledReason: { state in state.triageReason }),
        Binding(
            keys: [.character("x")], command: .rejectLabel, description: "Reject the label (REJECTED) and go to the next sample",
            short: "reject", context: .sampleDetail, writes: true, requires: .review, disabledReason: { state in state.triageReason }),
        Binding(
            keys: [.character("u")], command: .undoDecision, description: "Undo the last accept or reject of this session",
            short: "undo", context: .sampleDetail, writes: true, requires: .review, disabledReason: { state in state.undoReason }),
        Binding(
            keys: [.character("n")], command: .nextSample, description: "Next sample in the current order", short: "next",
            context: .sampleDetail, disabledReason: { state in state.neighbourReason }),
        Binding(
            keys: [.character("p")], command: .previousSample, description: "Previous sample in the current order",
            short: "prev", context: .sampleDetail, disabledReason: { state in state.neighbourReason }),
        Binding(keys: [.up, .character("k")], command: .navigate(.up), description: "Scroll up", context: .sampleDetail),
        Binding(keys: [.down, .character("j")], command: .navigate(.down), description: "Scroll down", context: .sampleDetail),
        Binding(keys: [.pageUp], command: .navigate(.pageUp), description: "Scroll a page up", context: .sampleDetail),
        Binding(keys: [.pageDown, .character(" ")], command: .navigate(.pageDown), description: "Scroll a page down", context: .sampleDetail),
        Binding(keys: [.home, .character("g")], command: .navigate(.top), description: "Scroll to the top", context: .sampleDetail),
        Binding(keys: [.end, .character("G")], command: .navigate(.bottom), description: "Scroll to the end (the issue threads)", context: .sampleDetail),
        Binding(keys: [.character("L")], command: .chooseLabelset, description: "Choose the labelset", short: "labelset", context: .sampleDetail),
        Binding(
            keys: [.character("N")], command: .newIssue, description: "New issue on this sample",
            short: "issue", context: .sampleDetail, writes: true, requires: .raiseIssue, disabledReason: { state in state.newIssueReason }),
        Binding(
            keys: [.character("i")], command: .togglePicture, description: "Show the picture, or only the outline of the label (more room for the text)",
            short: "picture", context: .sampleDetail),
        Binding(
            keys: [.character(".")], command: .nextFrame, description: "Next frame of an image sequence",
            short: "frame", context: .sampleDetail, disabledReason: { state in state.frameReason }),
        Binding(
            keys: [.character(",")], command: .previousFrame, description: "Previous frame of an image sequence",
            context: .sampleDetail, disabledReason: { state in state.frameReason }),
        Binding(
            keys: [.character("+"), .character("=")], command: .zoomPicture(inward: true),
            description: "Zoom into the picture (2×, 4×, 8×; the arrows then pan)", short: "zoom", context: .sampleDetail,
            disabledReason: { state in state.zoomReason }),
        Binding(
            keys: [.character("-")], command: .zoomPicture(inward: false), description: "Zoom out of the picture",
            context: .sampleDetail, disabledReason: { state in state.zoomReason }),
        // Zoomed picture: the arrows pan it; j/k still scroll the text.
        Binding(keys: [.left], command: .panPicture(dx: -1, dy: 0), description: "Pan the picture left (↑ ↓ → the other ways)", short: "pan", context: .zoomedPicture),
        Binding(keys: [.right], command: .panPicture(dx: 1, dy: 0), description: "Pan the picture right", context: .zoomedPicture),
        Binding(keys: [.up], command: .panPicture(dx: 0, dy: -1), description: "Pan the picture up", context: .zoomedPicture),
        Binding(keys: [.down], command: .panPicture(dx: 0, dy: 1), description: "Pan the picture down", context: .zoomedPicture),
        Binding(keys: [.character("0")], command: .fitPicture, description: "Show the whole picture again", short: "fit", context: .zoomedPicture),
        Binding(
            keys: [.character("I")], command: .nextIssueOfSample, description: "Select the sample's next issue (for o, e, D)",
            context: .sampleDetail, disabledReason: { state in state.issueActionReason }),
        Binding(
            keys: [.character("o")], command: .toggleIssue, description: "Close the selected issue of this sample, or reopen it",
            context: .sampleDetail, writes: true, requires: .raiseIssue, disabledReason: { state in state.issueActionReason }),
        Binding(
            keys: [.character("e")], command: .editIssue, description: "Edit the description of the selected issue",
            context: .sampleDetail, writes: true, requires: .raiseIssue, disabledReason: { state in state.issueActionReason }),
        Binding(
            keys: [.character("c")], command: .commentIssue, description: "Comment on the selected issue of this sample",
            context: .sampleDetail, writes: true, requires: .raiseIssue, disabledReason: { state in state.issueActionReason }),
        Binding(
            keys: [.character("D")], command: .deleteIssue, description: "Delete the selected issue of this sample (asks first)",
            context: .sampleDetail, isDestructive: true, disabledReason: { state in state.issueDeleteReason }),
        // Issues
        Binding(keys: [.character("s")], command: .cycleIssueStatus, description: "Show open / closed / all issues", short: "open/closed", context: .issues),
        Binding(
            keys: [.character("o")], command: .toggleIssue, description: "Close the selected issue, or reopen a closed one",
            short: "close/reopen", context: .issues, writes: true, requires: .raiseIssue, disabledReason: { state in state.issueActionReason }),
        Binding(
            keys: [.character("N")], command: .newIssue, description: "New issue on the selected issue's sample",
            short: "new", context: .issues, writes: true, requires: .raiseIssue, disabledReason: { state in state.newIssueReason }),
        Binding(
            keys: [.character("e")], command: .editIssue, description: "Edit the selected issue's description",
            short: "edit", context: .issues, writes: true, requires: .raiseIssue, disabledReason: { state in state.issueActionReason }),
        Binding(
            keys: [.character("c")], command: .commentIssue, description: "Comment on the selected issue",
            short: "comment", context: .issues, writes: true, requires: .raiseIssue, disabledReason: { state in state.issueActionReason }),
        Binding(
            keys: [.character("D")], command: .deleteIssue, description: "Delete the selected issue (asks first)",
            short: "delete", context: .issues, isDestructive: true, disabledReason: { state in state.issueDeleteReason }),
        // Collaborators
        Binding(
            keys: [.character("N")], command: .addCollaborator, description: "Add a collaborator by username, with a role",
            short: "add", context: .collaborators, writes: true, requires: .manageCollaborators),
        Binding(
            keys: [.character("e")], command: .changeRole, description: "Change the selected collaborator's role",
            short: "role", context: .collaborators, writes: true, requires: .manageCollaborators,
            disabledReason: { state in state.collaboratorReason }),
        Binding(
            keys: [.character("D")], command: .removeCollaborator, description: "Remove the selected collaborator (asks first)",
            short: "remove", context: .collaborators, isDestructive: true, requires: .manageCollaborators,
            disabledReason: { state in state.collaboratorReason }),
        // Releases
        Binding(
            keys: [.character("N")], command: .newRelease, description: "Create a release and watch it until it finishes",
            short: "new", context: .releases, writes: true, requires: .manageReleases),
        Binding(
            keys: [.character("D")], command: .deleteRelease, description: "Delete the selected release (asks first)",
            short: "delete", context: .releases, isDestructive: true, requires: .manageReleases,
            disabledReason: { state in state.dataset.flatMap(ReleasesTab.selected) == nil ? "no release is selected" : nil }),
        // Labelsets
        Binding(
            keys: [.character("N")], command: .newLabelset, description: "Add a labelset (name, description)",
            short: "new", context: .labelsets, writes: true, requires: .manageLabelsets),
        Binding(
            keys: [.character("D")], command: .deleteLabelset, description: "Delete the selected labelset (asks first; never ground-truth)",
            short: "delete", context: .labelsets, isDestructive: true, requires: .manageLabelsets,
            disabledReason: { state in state.labelsetDeleteReason }),
        // Workunits
        Binding(keys: [.character("d")], command: .chooseWorkunitRange, description: "Choose the date range", short: "range", context: .workunits),
    ]

    /// The bindings the footer offers: read-only mode drops writes (help still lists them,
    /// marked "read-only mode", and pressing one says so: see `AppState.reason`).
    public static func active(readOnly: Bool) -> [Binding] {
        readOnly ? all.filter { !$0.writes && !$0.isDestructive } : all
    }

    /// The reason every write gives in read-only mode.
    public static let readOnlyReason = "read-only mode"

    /// The binding for `key` in the first of `contexts` that has one.
    /// Writes are found in read-only mode too, so that they can say why they do nothing.
    public static func lookup(_ key: Key, in contexts: [BindingContext], readOnly: Bool) -> Binding? {
        let table = all
        for context in contexts {
            if let binding = table.first(where: { $0.context == context && $0.keys.contains(key) }) { return binding }
        }
        return nil
    }

    /// The key table as Markdown (docs/keys.md).
    public static func markdown() -> String {
        var lines = ["# Key bindings", "", "Generated from the binding table (`Sources/Browser/Bindings/Binding.swift`).", ""]
        for context in BindingContext.allCases {
            let rows = all.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            lines += ["## \(context.rawValue)", "", "| Keys | Action |", "|---|---|"]
            for binding in rows {
                let keys = binding.keys.map { "`\($0.description == "|" ? "\\|" : $0.description)`" }.joined(separator: " ")
                let note = binding.isDestructive ? " *(deletes, asks first; not in `--read-only`)*"
                    : binding.writes ? " *(writes; not in `--read-only`)*" : ""
                lines.append("| \(keys) | \(binding.description)\(note) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

extension AppState {
    /// The contexts that apply now, most specific first.
    public var bindingContexts: [BindingContext] {
        guard focus == .content, let dataset else { return [.datasets, .lists, .global] }
        if let detail = dataset.detail {
            let zoomed: [BindingContext] = detail.pictureView.isZoomed ? [.zoomedPicture] : []
            return zoomed + (dataset.queue != nil ? [.triage, .sampleDetail, .global] : [.sampleDetail, .global])
        }
        return dataset.tab.behaviour.bindingContexts + [.global]
    }

    /// Why the binding cannot run now (read-only first, then the role), or nil.
    public func reason(_ binding: Binding) -> String? {
        if (binding.writes || binding.isDestructive) && session.readOnly { return Bindings.readOnlyReason }
        if let reason = permissionReason(binding) { return reason }
        return binding.disabledReason(self)
    }

    /// Why the user's role on the dataset is too low for the binding, or nil (also when the
    /// role is not known yet: then the server decides).
    public func permissionReason(_ binding: Binding) -> String? {
        guard let needed = binding.requires?.requiredLevel, let access = dataset?.access, access < needed else { return nil }
        return "needs the \(needed) role; you are \(access)"
    }

    /// Why `a`/`x` cannot decide on the open sample, or nil.
    var triageReason: String? {
        guard let current = dataset, let detail = current.detail, !detail.uuid.isEmpty else { return "no sample is open" }
        guard detail.sample != nil, detail.isLoaded else { return "the sample is still loading" }
        guard detail.label != nil else { return "this sample has no label in \(current.labelset)" }
        return nil
    }

    /// Why Enter opens nothing here, or nil.
    var openReason: String? {
        guard focus == .content, let current = dataset else { return dataset == nil && selectedDataset == nil ? "no dataset is selected" : nil }
        return current.tab.behaviour.openReason(current)
    }

    /// Why `u` has nothing to undo, or nil.
    var undoReason: String? {
        triage.decisions.isEmpty ? "nothing to undo in this session" : nil
    }

    /// Why `+` and `-` cannot zoom, or nil.
    var zoomReason: String? {
        guard let detail = dataset?.detail else { return "no sample is open" }
        guard SampleFrames.imageURL(detail.sample, frame: detail.frame) != nil else { return "this sample has no picture" }
        return picturesShown ? nil : "only the outline is shown (i shows the picture)"
    }

    /// Why `,` and `.` cannot step frames, or nil.
    var frameReason: String? {
        guard let detail = dataset?.detail else { return "no sample is open" }
        guard detail.sample != nil else { return "the sample is still loading" }
        guard let frames = SampleFrames.count(detail.sample) else { return "this sample is a single picture, not a sequence" }
        return frames > 1 ? nil : "this sequence has one frame"
    }

    /// Why `n`/`p` cannot move, or nil.
    var neighbourReason: String? {
        guard let detail = dataset?.detail else { return "no sample is open" }
        return detail.source == .lookup ? "this sample was opened by uuid, outside any list" : nil
    }
}
