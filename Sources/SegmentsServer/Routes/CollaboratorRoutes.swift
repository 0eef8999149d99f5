import SegmentsAPI

extension Routes {
    /// Routes 12–15. The single-collaborator paths have no trailing slash in the SDK.
    static var collaborators: [Route] {
        [
            Route(.get, "/datasets/{owner}/{name}/collaborators/{username}", "getDatasetCollaborator") { request in
                try .json(
                    await request.service().getDatasetCollaborator(
                        request.dataset, username: request.parameter("username")))
            },
            Route(.post, "/datasets/{owner}/{name}/collaborators/", "addDatasetCollaborator") { request in
                let body = try request.decode(NewCollaborator.self)
                try requireKnown(body.role, field: "role")
                return try .json(
                    await request.service().addDatasetCollaborator(request.dataset, username: body.user, role: body.role),
                    status: 201)
            },
            Route(.patch, "/datasets/{owner}/{name}/collaborators/{username}", "updateDatasetCollaborator") {
                request in
                let body = try request.decode(CollaboratorUpdate.self)
                try requireKnown(body.role, field: "role")
                return try .json(
                    await request.service().updateDatasetCollaborator(
                        request.dataset, username: request.parameter("username"), role: body.role))
            },
            Route(.delete, "/datasets/{owner}/{name}/collaborators/{username}", "deleteDatasetCollaborator") {
                request in
                try await request.service().deleteDatasetCollaborator(
                    request.dataset, username: request.parameter("username"))
                return .noContent
            },
        ]
    }
}
