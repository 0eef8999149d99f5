import SegmentsAPI

extension Routes {
    /// Routes 31–34, and the browser's comments.
    static var issues: [Route] {
        [
            Route(API.getIssues) { request in try await request.service().getIssues(request.dataset) },
            Route(API.addIssue) { request, issue in
                try requireKnown(issue.status, field: "status")
                return try await request.service().addIssue(sampleUUID: request.uuid("uuid"), issue)
            },
            Route(API.updateIssue) { request, update in
                try requireKnown(update.status, field: "status")
                return try await request.service().updateIssue(request.uuid("uuid"), update)
            },
            Route(API.addIssueComment) { request, comment in
                try await request.service().addIssueComment(request.uuid("uuid"), text: comment.text)
            },
            Route(API.deleteIssue) { request in try await request.service().deleteIssue(request.uuid("uuid")) },
        ]
    }
}
