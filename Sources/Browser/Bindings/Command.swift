import TerminalUI

/// Everything a key can ask for. Keys map to commands only through the binding table.
public enum Command: Hashable, Sendable {
    /// Ctrl-C, `:q`: quits (asking first while writes are still saving).
    case quit
    /// Esc: closes, cancels, goes back; never quits.
    case back
    /// `q`: back, and quit from the top level.
    case backOrQuit
    /// `:messages`: the log of this session's messages.
    case messages
    case help
    case commandLine
    case filter
    case refresh
    case switchPane
    case zoom
    case nextTab
    case previousTab
    case navigate(NavigationCommand)
    case open
    case copy
    case nextSample
    case chooseAssignee
    case togglePicture
    case nextFrame
    case previousFrame
    case zoomPicture(inward: Bool)
    case fitPicture
    case panPicture(dx: Int, dy: Int)
    case previousSample
    case chooseSort
    case toggleDirection
    case chooseStatuses
    case metadataFilter
    case removeMetadataFilter
    case chooseLabelset
    case clearFilters
    case cycleIssueStatus
    case chooseWorkunitRange
    case acceptLabel
    case rejectLabel
    case undoDecision
    case toggleIssue
    case newIssue
    case deleteIssue
    case newRelease
    case deleteRelease
    case editIssue
    case commentIssue
    case nextIssueOfSample
    case startTriage
    case skipSample
    case rejectWithIssue
    case addCollaborator
    case changeRole
    case removeCollaborator
    case newLabelset
    case deleteLabelset
}

/// Where a binding applies. The most specific context that has a binding for a key wins.
public enum BindingContext: String, CaseIterable, Hashable, Sendable {
    case global = "Everywhere"
    case lists = "Lists and tables"
    case datasets = "Datasets pane"
    case samples = "Samples tab"
    case sampleDetail = "Sample detail"
    case zoomedPicture = "Zoomed picture"
    case triage = "Triage queue"
    case issues = "Issues tab"
    case collaborators = "Collaborators tab"
    case releases = "Releases tab"
    case labelsets = "Labelsets tab"
    case workunits = "Workunits tab"
    case stats = "Stats tab"
}
