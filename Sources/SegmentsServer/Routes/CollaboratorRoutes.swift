import SegmentsAPI

extension Routes {
    /// Routes 12–15. The single-collaborator paths have no trailing slash in the SDK.
    static var collaborators: [Route] {
        [
            Route(API.getDatasetCollaborator) { request in
                try await request.service().getDatasetCollaborator(request.dataset, username: request.parameter("username"))
            },
            Route(API.addDatasetCollaborator) { request, body in
                try requireKnown(body.role, field: "role")
                return try await request.service().addDatasetCollaborator(request.dataset, username: body.user, role: body.role)
            },
            Route(API.updateDatasetCollaborator) { request, body in
                try requireKnown(body.role, field: "role")
                return try await request.service().updateDatasetCollaborator(
                    request.dataset, username: request.parameter("username"), role: body.role)
            },
            Route(API.deleteDatasetCollaborator) { request in
                try await request.service().deleteDatasetCollaborator(request.dataset, username: request.parameter("username"))
            },
        ]
    }
}
