import SegmentsAPI

/// The API cannot list a dataset's collaborators: the browser asks about each candidate.
enum CollaboratorProbe {
    /// Each candidate (plus the members of the owning organisation) is asked about;
    /// "not a collaborator" answers are skipped. Sorted by role, highest first, then name.
    static func collaborators(of dataset: String, candidates: [String], service: any SegmentsService) async throws -> [Collaborator] {
        var names = candidates
        let owner = dataset.split(separator: "/").first.map(String.init) ?? ""
        if let organization = try? await service.getUser(owner), organization.isOrganization {
            for member in organization.members ?? [] where !names.contains(member.username) { names.append(member.username) }
        }
        return try await withThrowingTaskGroup(of: Collaborator?.self) { group in
            for name in names {
                group.addTask {
                    do {
                        return try await service.getDatasetCollaborator(dataset, username: name)
                    } catch SegmentsError.notFound {
                        return nil
                    }
                }
            }
            var found: [Collaborator] = []
            for try await collaborator in group { if let collaborator { found.append(collaborator) } }
            return found.sorted { (rank($0.role), $0.user.username) < (rank($1.role), $1.user.username) }
        }
    }

    /// Higher roles first; a role this version does not know goes last.
    private static func rank(_ role: Role) -> Int {
        guard let level = AccessLevel(role: role) else { return Int.max }
        return -level.rawValue
    }

    static func userExists(_ username: String, on service: any SegmentsService) async -> Bool {
        do {
            _ = try await service.getUser(username)
            return true
        } catch {
            return false
        }
    }
}
