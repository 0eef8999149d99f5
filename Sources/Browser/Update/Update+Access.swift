import SegmentsAPI

/// The signed-in user's level on the open dataset: known at once for the owner (and an
/// organisation's admins), otherwise asked for as the user's collaborator role.
extension AppState {
    mutating func learnAccess() -> [Effect] {
        guard let current = dataset, let me = user?.username else { return [] }
        let organizationLevel = AccessLevel.known(user: user, datasetOwner: current.dataset.owner.username)
        if organizationLevel == .owner {
            dataset?.access = .owner
            return []
        }
        return [start(.access, .access(dataset: current.fullName, username: me))]
    }

    /// The highest of the organisation role and the collaborator role (none: read-only).
    mutating func applyAccess(_ role: Role?) {
        guard let current = dataset else { return }
        let organizationLevel = AccessLevel.known(user: user, datasetOwner: current.dataset.owner.username) ?? .none
        dataset?.access = max(organizationLevel, role.map(AccessLevel.init(role:)) ?? .none)
    }
}
