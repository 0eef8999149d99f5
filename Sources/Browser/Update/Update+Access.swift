import SegmentsAPI

/// The signed-in user's level on the open dataset: known at once for the owner (and an
/// organisation's admins), otherwise asked for as the user's collaborator role.
extension AppState {
    mutating func learnAccess() -> [Effect] {
        guard let current = dataset, let me = user?.username else { return [] }
        let organizationLevel = AccessLevel.known(user: user, datasetOwner: current.dataset.owner.username)
        if organizationLevel == .owner {
            dataset?.access = .owner
            return readListsAhead()
        }
        // Not knowing the role is no error to show: every action stays offered.
        return [start(.access, ServiceCalls.access(dataset: current.fullName, username: me), then: { $0.applyAccess($1) }, otherwise: { _, _ in [] })]
    }

    /// The highest of the organisation role and the collaborator role (none: read-only).
    @discardableResult
    mutating func applyAccess(_ role: Role?) -> [Effect] {
        guard let current = dataset else { return [] }
        let access = AccessLevel.onVisibleDataset(
            user: user, datasetOwner: current.dataset.owner.username, collaboratorRole: role)
        dataset?.access = access
        if access < Self.workunitsRole, dataset?.workunits.error != nil || current.tab == .workunits {
            dataset?.workunits.error = Self.workunitsRefusal(access)
        }
        return readListsAhead()
    }

    /// Workunits are seen from the manager role up (docs/permissions.md).
    static let workunitsRole = DatasetAction.viewWorkunits.requiredLevel

    static func workunitsRefusal(_ access: AccessLevel) -> SegmentsError {
        .authorization("Workunits needs the \(workunitsRole) role; you are \(access)")
    }
}
