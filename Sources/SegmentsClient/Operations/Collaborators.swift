import Foundation
import SegmentsAPI

/// Collaborator paths with a username have no trailing slash (reference 2, routes 12–15).
extension SegmentsClient {
    private func collaboratorPath(_ datasetIdentifier: String, _ username: String) -> String {
        PathBuilder.dataset(datasetIdentifier) + "/collaborators/" + PathBuilder.segment(username)
    }

    public func getDatasetCollaborator(_ datasetIdentifier: String, username: String) async throws -> Collaborator {
        try await call(Endpoint(.get, collaboratorPath(datasetIdentifier, username)))
    }

    public func addDatasetCollaborator(_ datasetIdentifier: String, username: String, role: Role) async throws
        -> Collaborator
    {
        try await call(
            Endpoint(
                .post, PathBuilder.dataset(datasetIdentifier) + "/collaborators/",
                body: try Self.json(NewCollaborator(user: username, role: role))))
    }

    public func updateDatasetCollaborator(_ datasetIdentifier: String, username: String, role: Role) async throws
        -> Collaborator
    {
        try await call(
            Endpoint(
                .patch, collaboratorPath(datasetIdentifier, username),
                body: try Self.json(CollaboratorUpdate(role: role))))
    }

    public func deleteDatasetCollaborator(_ datasetIdentifier: String, username: String) async throws {
        try await callIgnoringBody(Endpoint(.delete, collaboratorPath(datasetIdentifier, username)))
    }
}
