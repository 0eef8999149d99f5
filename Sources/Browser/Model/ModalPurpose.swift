import SegmentsAPI
import TerminalUI

/// A dialog over the browser and what its answer is for. Dialogs that ask two things
/// (a name, then a description or a role) chain: the first answer opens the second.
public enum ModalPurpose: Hashable, Sendable {
    case newIssue(sampleUUID: String, sampleName: String)
    case editIssue(Issue)
    case commentIssue(Issue)
    case deleteIssue(Issue)
    /// Reject the label and open an issue saying why, in one step (triage `X`).
    case rejectWithIssue(sampleUUID: String, sampleName: String)
    case newReleaseName
    case newReleaseDescription(name: String)
    case deleteRelease(Release)
    case newCollaboratorName
    case removeCollaborator(Collaborator)
    case newLabelsetName
    case newLabelsetDescription(name: String)
    case deleteLabelset(Labelset)
    /// Quitting while writes are still being saved.
    case quit
    /// Esc or Ctrl-C in a dialog holding text: "Keep editing" puts the dialog back as it was.
    indirect case discardDraft(editor: Modal, purpose: ModalPurpose)
}
