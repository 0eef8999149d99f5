/// What a user may do on one dataset, from least to most (docs/permissions.md).
/// The store and `segments-tui serve` enforce it; the browser offers a key only
/// at the level its action needs, and the server still decides.
public enum AccessLevel: Int, Comparable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Cannot see the dataset at all: it answers "Not found." as if it did not exist.
    case none
    /// No role, but the dataset is public: read only.
    case publicReader
    case labeler
    case reviewer
    case manager
    case admin
    /// The dataset's owner, or an admin of the organisation that owns it.
    case owner

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The level a collaborator or organisation role gives; nil for a role this version
    /// does not know (assume the least: the server decides anyway).
    public init?(role: Role) {
        switch role {
        case .labeler: self = .labeler
        case .reviewer: self = .reviewer
        case .manager: self = .manager
        case .admin: self = .admin
        case .unknown: return nil
        }
    }

    /// How the browser names it ("needs the reviewer role; you are labeler").
    public var description: String {
        switch self {
        case .none: "no access"
        case .publicReader: "no role"
        case .labeler: "labeler"
        case .reviewer: "reviewer"
        case .manager: "manager"
        case .admin: "admin"
        case .owner: "owner"
        }
    }

    /// The `role` a Dataset response reports: owners are admins to the API.
    public var roleName: String? {
        switch self {
        case .none, .publicReader: nil
        case .labeler: "labeler"
        case .reviewer: "reviewer"
        case .manager: "manager"
        case .admin, .owner: "admin"
        }
    }

    /// The level known from the user alone: the owner, or an organisation member's role on
    /// the organisation's datasets (its admins own them). nil: only the user's collaborator
    /// role can tell.
    public static func known(user: User?, datasetOwner: String) -> AccessLevel? {
        guard let user else { return nil }
        if user.username == datasetOwner { return .owner }
        guard let organization = user.organizations?.first(where: { $0.username == datasetOwner }),
            let role = organization.organizationRole
        else { return nil }
        return role == .admin ? .owner : AccessLevel(role: role)
    }

    /// The level of a user on a dataset they can see: the highest of what the user alone
    /// tells and their collaborator role; at least read-only.
    public static func onVisibleDataset(user: User?, datasetOwner: String, collaboratorRole: Role?) -> AccessLevel {
        let known = known(user: user, datasetOwner: datasetOwner) ?? .publicReader
        let collaborator = collaboratorRole.flatMap(AccessLevel.init(role:)) ?? .publicReader
        return max(known, collaborator)
    }
}
