import SegmentsAPI
import TerminalUI

/// What is drawn over the panes and takes the keys first.
public enum Overlay: Sendable {
    case help(scroll: Int)
    /// The message log (`:messages`), newest last.
    case messages(scroll: Int)
    case prompt(PromptState)
    case choice(ChoiceState)
    case statusPicker(StatusPickerState)
    /// A confirmation or a text input (TerminalUI's `Modal`) for a write.
    case modal(Modal, ModalPurpose)
}

/// A one-line prompt in the status row.
public struct PromptState: Sendable {
    public enum Kind: Hashable, Sendable {
        /// `:` commands.
        case command
        /// `/`: filters the focused list as you type.
        case filter
        /// Metadata filters `key:value[, key:value]`.
        case metadata
    }

    public var kind: Kind
    public var field: TextField
    /// Candidates shown above the prompt for `:`; Tab takes the first.
    public var completions: [String] = []
    /// The text before the prompt opened, restored on Esc.
    public var original: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        // The metadata filters open selected: typing replaces them, a cursor key edits them.
        field = TextField(text, selectingAll: kind == .metadata)
        original = text
    }

    public var symbol: String {
        switch kind {
        case .command: ":"
        case .filter: "/"
        case .metadata: "metadata> "
        }
    }
}

/// Picking one option: a sort, a labelset, a workunit range.
public struct ChoiceState: Sendable {
    public enum Purpose: Hashable, Sendable {
        case sort, labelset, workunitRange, removeMetadataFilter
        /// The triage queue's assignee filter; the options after "everyone", in order.
        case queueAssignee([AssigneeFilter])
        /// A role for `username`: a new collaborator when `existing` is nil.
        case collaboratorRole(username: String, existing: Role?)
    }
    public var purpose: Purpose
    public var title: String
    public var options: [String]
    public var selected: Int
}

/// Ticking several label statuses for the samples filter.
public struct StatusPickerState: Sendable {
    public var chosen: Set<String>
    public var cursor = 0

    public static let statuses: [LabelStatus] = LabelStatus.knownCases
}
