import Foundation
import SegmentsAPI

extension SegmentsClient {
    public func getDatasetCollaborator(_ datasetIdentifier: String, username: String) async throws -> Collaborator {
        try await call(API.getDatasetCollaborator, dataset: datasetIdentifier, username)
    }

    public func addDatasetCollaborator(_ datasetIdentifier: String, username: String, role: Role) async throws
        -> Collaborator
    {
        try await call(
            API.addDatasetCollaborator, dataset: datasetIdentifier, body: NewCollaborator(user: username, role: role))
    }

    public func updateDatasetCollaborator(_ datasetIdentifier: String, username: String, role: Role) async throws
        -> Collaborator
    {
        try await call(
            API.updateDatasetCollaborator, dataset: datasetIdentifier, username, body: CollaboratorUpdate(role: role))
    }

    public func deleteDatasetCollaborator(_ datasetIdentifier: String, username: String) async throws {
        try await call(API.deleteDatasetCollaborator, dataset: datasetIdentifier, username)
    }
}
