import Foundation
import SegmentsAPI

extension SegmentsClient {
    public func getIssues(_ datasetIdentifier: String) async throws -> [Issue] {
        try await call(Endpoint(.get, PathBuilder.dataset(datasetIdentifier) + "/issues/"))
    }

    /// Issues are created under their sample: `POST /samples/{uuid}/issues/`.
    public func addIssue(sampleUUID: String, _ issue: NewIssue) async throws -> Issue {
        try await call(Endpoint(.post, PathBuilder.path("/samples", sampleUUID, "issues") + "/", body: try Self.json(issue)))
    }

    public func updateIssue(_ uuid: String, _ update: IssueUpdate) async throws -> Issue {
        try await call(Endpoint(.patch, PathBuilder.path("/issues", uuid) + "/", body: try Self.json(update)))
    }

    public func addIssueComment(_ issueUUID: String, text: String) async throws -> Issue {
        try await call(
            Endpoint(.post, PathBuilder.path("/issues", issueUUID, "comments") + "/", body: try Self.json(NewIssueComment(text: text))))
    }

    public func deleteIssue(_ uuid: String) async throws {
        try await callIgnoringBody(Endpoint(.delete, PathBuilder.path("/issues", uuid) + "/"))
    }
}
