import SegmentsAPI
import TerminalUI

/// What a dialog's answer starts. Cancelling (Esc, or "No") never writes anything.
extension AppState {
    mutating func answer(_ outcome: Modal.Outcome, for purpose: ModalPurpose) -> [Effect] {
        switch (purpose, outcome) {
        case (.discardDraft(let editor, let purpose), .cancelled):
            overlay = .modal(editor, purpose)
            return []
        case (.quit, .confirmed):
            return quitNow()
        case (_, .pending), (_, .cancelled):
            return []
        case (.newIssue(let uuid, let name), .submitted(let text)):
            return openIssue(on: uuid, sampleName: name, description: text)
        case (.editIssue(let issue), .submitted(let text)):
            return editIssue(issue, description: text)
        case (.commentIssue(let issue), .submitted(let text)):
            return comment(on: issue, text: text)
        case (.deleteIssue(let issue), .confirmed):
            return deleteIssue(issue)
        case (.rejectWithIssue(let uuid, let name), .submitted(let text)):
            return rejectWithIssue(sampleUUID: uuid, sampleName: name, description: text)
        case (.newReleaseName, .submitted(let name)):
            return askForReleaseDescription(name: name)
        case (.newReleaseDescription(let name), .submitted(let description)):
            return createRelease(named: name, description: description)
        case (.deleteRelease(let release), .confirmed):
            return deleteRelease(release)
        case (.newCollaboratorName, .submitted(let name)):
            return askForNewCollaboratorRole(username: name)
        case (.removeCollaborator(let collaborator), .confirmed):
            return removeCollaborator(collaborator)
        case (.newLabelsetName, .submitted(let name)):
            return askForLabelsetDescription(name: name)
        case (.newLabelsetDescription(let name), .submitted(let description)):
            return addLabelset(named: name, description: description)
        case (.deleteLabelset(let labelset), .confirmed):
            return deleteLabelset(labelset)
        default:
            return []
        }
    }
}
