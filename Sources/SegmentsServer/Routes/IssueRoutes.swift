import SegmentsAPI

extension Routes {
    /// Routes 31–34.
    static var issues: [Route] {
        [
            Route(.get, "/datasets/{owner}/{name}/issues/", "getIssues") { request in
                try .json(await request.service().getIssues(request.dataset))
            },
            Route(.post, "/samples/{uuid}/issues/", "addIssue") { request in
                let issue = try request.decode(NewIssue.self)
                try requireKnown(issue.status, field: "status")
                return try .json(
                    await request.service().addIssue(sampleUUID: request.uuid("uuid"), issue), status: 201)
            },
            Route(.patch, "/issues/{uuid}/", "updateIssue") { request in
                let update = try request.decode(IssueUpdate.self)
                try requireKnown(update.status, field: "status")
                return try .json(await request.service().updateIssue(request.uuid("uuid"), update))
            },
            // Not an SDK call: the browser's `c` on an issue.
            Route(.post, "/issues/{uuid}/comments/", "addIssueComment") { request in
                let comment = try request.decode(NewIssueComment.self)
                return try .json(await request.service().addIssueComment(request.uuid("uuid"), text: comment.text), status: 201)
            },
            Route(.delete, "/issues/{uuid}/", "deleteIssue") { request in
                try await request.service().deleteIssue(request.uuid("uuid"))
                return .noContent
            },
        ]
    }
}
