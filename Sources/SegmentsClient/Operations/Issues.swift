import Foundation
import SegmentsAPI

extension SegmentsClient {
    public func getIssues(_ datasetIdentifier: String) async throws -> [Issue] {
        try await call(API.getIssues, dataset: datasetIdentifier)
    }

    /// Issues are created under their sample: `POST /samples/{uuid}/issues/`.
    public func addIssue(sampleUUID: String, _ issue: NewIssue) async throws -> Issue {
        try await call(API.addIssue, sampleUUID, body: issue)
    }

    public func updateIssue(_ uuid: String, _ update: IssueUpdate) async throws -> Issue {
        try await call(API.updateIssue, uuid, body: update)
    }

    public func addIssueComment(_ issueUUID: String, text: String) async throws -> Issue {
        try await call(API.addIssueComment, issueUUID, body: NewIssueComment(text: text))
    }

    public func deleteIssue(_ uuid: String) async throws {
        try await call(API.deleteIssue, uuid)
    }
}
