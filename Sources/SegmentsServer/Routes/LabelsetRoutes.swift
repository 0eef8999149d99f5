import SegmentsAPI

extension Routes {
    /// Routes 27–30.
    static var labelsets: [Route] {
        [
            Route(.get, "/datasets/{owner}/{name}/labelsets/", "getLabelsets") { request in
                try .json(await request.service().getLabelsets(request.dataset))
            },
            Route(.post, "/datasets/{owner}/{name}/labelsets/", "addLabelset") { request in
                // The SDK also sends `"attributes": "{}"` (a string); it carries nothing and is ignored.
                let body = try request.decode(NewLabelset.self)
                return try .json(
                    await request.service().addLabelset(
                        request.dataset, name: body.name, description: body.description),
                    status: 201)
            },
            Route(.get, "/datasets/{owner}/{name}/labelsets/{labelset}/", "getLabelset") { request in
                try .json(await request.service().getLabelset(request.dataset, name: request.parameter("labelset")))
            },
            Route(.delete, "/datasets/{owner}/{name}/labelsets/{labelset}/", "deleteLabelset") { request in
                try await request.service().deleteLabelset(request.dataset, name: request.parameter("labelset"))
                return .noContent
            },
        ]
    }
}
