import SegmentsAPI

/// What the signed-in user may do on the open dataset, as docs/permissions.md ranks it.
/// The browser offers an action only at the level it needs; the server still decides,
/// and its refusal is shown when the browser's knowledge was stale.
public enum AccessLevel: Int, Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Reads a public dataset, nothing more.
    case none
    case labeler
    case reviewer
    case manager
    case admin
    case owner

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(role: Role) {
        switch role {
        case .labeler: self = .labeler
        case .reviewer: self = .reviewer
        case .manager: self = .manager
        case .admin: self = .admin
        // A role this version does not know: assume the least, the server decides anyway.
        case .unknown: self = .none
        }
    }

    public var description: String {
        switch self {
        case .none: "no role"
        case .labeler: "labeler"
        case .reviewer: "reviewer"
        case .manager: "manager"
        case .admin: "admin"
        case .owner: "owner"
        }
    }

    /// The level known without asking the server: the owner, or an organisation member's
    /// role on the organisation's datasets (its admins own them). nil: ask for the
    /// user's collaborator role.
    static func known(user: User?, datasetOwner: String) -> AccessLevel? {
        guard let user else { return nil }
        if user.username == datasetOwner { return .owner }
        guard let organization = user.organizations?.first(where: { $0.username == datasetOwner }),
            let role = organization.organizationRole
        else { return nil }
        return role == .admin ? .owner : AccessLevel(role: role)
    }
}
