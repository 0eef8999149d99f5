import SegmentsAPI
import TerminalUI

/// The Collaborators tab: `N` adds a user with a role, `e` changes a role, `D` removes
/// (after a confirmation naming the user). The list changes only when the server agrees;
/// a refusal is shown and nothing on screen changes.
extension AppState {
    static let assignableRoles: [Role] = [.labeler, .reviewer, .manager, .admin]

    var collaboratorReason: String? {
        dataset.flatMap(CollaboratorsTab.selected) == nil ? "no collaborator is selected" : nil
    }

    mutating func askForNewCollaborator() {
        overlay = .modal(.textInput(title: "Add a collaborator", prompt: "Username:"), .newCollaboratorName)
    }

    mutating func askForNewCollaboratorRole(username text: String) -> [Effect] {
        let username = text.trimmingSpaces
        guard !username.isEmpty else {
            showError("A collaborator needs a username; nobody was added.")
            return []
        }
        if let existing = dataset?.collaborators.items?.first(where: { $0.user.username == username }) {
            showError("\(username) is a collaborator already (\(existing.role.rawValue)); e changes the role.")
            return []
        }
        overlay = .choice(roleChoice(title: "Role for \(username)", username: username, existing: nil))
        return []
    }

    mutating func askForRoleChange() {
        guard let collaborator = dataset.flatMap(CollaboratorsTab.selected) else { return }
        let username = collaborator.user.username
        overlay = .choice(
            roleChoice(title: "Role of \(username) (now \(collaborator.role.rawValue))", username: username, existing: collaborator.role))
    }

    private func roleChoice(title: String, username: String, existing: Role?) -> ChoiceState {
        let roles = Self.assignableRoles
        return ChoiceState(
            purpose: .collaboratorRole(username: username, existing: existing), title: title, options: roles.map(\.rawValue),
            selected: roles.firstIndex(of: existing ?? .labeler) ?? 0)
    }

    mutating func setCollaboratorRole(username: String, existing: Role?, roleIndex: Int) -> [Effect] {
        guard let current = dataset, let role = Self.assignableRoles[safe: roleIndex] else { return [] }
        guard let existing else {
            showInfo("adding \(username) as \(role.rawValue)…")
            let call = ServiceCalls.addCollaborator(dataset: current.fullName, username: username, role: role)
            return write(.collaboratorWrite, "add \(username) as \(role.rawValue)", call, landed: { $0.applyCollaborator($1, was: nil) })
        }
        guard role != existing else {
            showInfo("\(username) is \(role.rawValue) already.")
            return []
        }
        showInfo("making \(username) \(role.rawValue)…")
        let setRole: @Sendable (inout AppState, Role) -> Void = { state, role in
            guard var collaborator = state.dataset?.collaborators.items?.first(where: { $0.user.username == username }) else { return }
            collaborator.role = role
            state.upsert(CollaboratorsTab.self, collaborator, selecting: false)
        }
        setRole(&self, role)
        return write(
            .collaboratorWrite, "make \(username) \(role.rawValue)",
            ServiceCalls.setCollaboratorRole(dataset: current.fullName, username: username, role: role),
            undone: "still \(existing.rawValue)", rollback: { setRole(&$0, existing) },
            landed: { $0.applyCollaborator($1, was: existing) })
    }

    mutating func confirmRemoveCollaborator() {
        guard let collaborator = dataset.flatMap(CollaboratorsTab.selected), let current = dataset else { return }
        let message = "Remove \(collaborator.user.username) (\(collaborator.role.rawValue)) from \(current.fullName)?\nThey lose access unless the dataset is public."
        askToConfirm("Remove collaborator", message, confirm: "Remove", for: .removeCollaborator(collaborator))
    }

    mutating func removeCollaborator(_ collaborator: Collaborator) -> [Effect] {
        guard let current = dataset else { return [] }
        showInfo("removing \(collaborator.user.username)…")
        let username = collaborator.user.username
        return removeAndWrite(
            CollaboratorsTab.self, collaborator, in: .collaboratorWrite, "remove \(username)",
            ServiceCalls.removeCollaborator(dataset: current.fullName, username: username), undone: "still a collaborator",
            landed: { state, _ in state.applyCollaboratorRemoved(username) })
    }

    /// The server agreed: the row is added or changed, and selected.
    mutating func applyCollaborator(_ collaborator: Collaborator, was before: Role?) -> [Effect] {
        let username = collaborator.user.username
        let shown = dataset?.collaborators.items?.contains { $0.user.username == username } == true
        if shown && laterWritesPending(in: .collaboratorWrite) {
            // A later change, already shown, will say how it ends.
        } else if upsert(CollaboratorsTab.self, collaborator) != nil, let before {
            showInfo("\(username) is now \(collaborator.role.rawValue) (was \(before.rawValue))")
        } else {
            showInfo("added \(username) as \(collaborator.role.rawValue)")
        }
        if username == user?.username {
            let level = max(dataset?.access ?? .publicReader, AccessLevel(role: collaborator.role) ?? .publicReader)
            dataset?.access = level
        }
        return []
    }

    mutating func applyCollaboratorRemoved(_ username: String) -> [Effect] {
        remove(CollaboratorsTab.self, identity: username)
        if username == user?.username { applyAccess(nil) }
        showInfo("removed \(username) from \(dataset?.fullName ?? "the dataset")")
        return []
    }

    /// `/name` then Enter on the Collaborators tab, when no row matches: the API cannot
    /// list collaborators, so the browser asks about that username.
    mutating func filterSubmitted(_ text: String) -> [Effect] {
        let username = text.trimmingSpaces
        guard let current = dataset, current.detail == nil, current.tab == .collaborators, focus == .content,
            !username.isEmpty, !username.contains(" "), CollaboratorsTab.visible(in: current).isEmpty
        else { return [] }
        showInfo("asking whether \(username) is a collaborator…")
        let call = ServiceCalls.collaborator(dataset: current.fullName, username: username)
        return [start(.collaboratorLookup, call, then: { $0.applyLookedUpCollaborator($1) }, otherwise: { $0.failCollaboratorLookup($1) })]
    }

    mutating func applyLookedUpCollaborator(_ collaborator: Collaborator) -> [Effect] {
        var items = dataset?.collaborators.items ?? []
        if !items.contains(where: { $0.user.username == collaborator.user.username }) { items.append(collaborator) }
        dataset?.collaborators.items = items
        showInfo("\(collaborator.user.username) is \(collaborator.role.rawValue)")
        return []
    }

    mutating func failCollaboratorLookup(_ failure: SegmentsError) -> [Effect] {
        guard case .notFound = failure else {
            showError(failure.text)
            return []
        }
        let filter = dataset?.collaborators.filter ?? ""
        showInfo("\(filter) is not a collaborator of \(dataset?.fullName ?? "this dataset") (N adds one)")
        return []
    }
}
