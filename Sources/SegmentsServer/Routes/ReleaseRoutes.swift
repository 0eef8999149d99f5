import SegmentsAPI

extension Routes {
    /// Routes 35–38. The export file itself is served by `GET /releases/{file}` (AssetRoutes).
    static var releases: [Route] {
        [
            Route(.get, "/datasets/{owner}/{name}/releases/", "getReleases") { request in
                try .json(await request.service().getReleases(request.dataset))
            },
            Route(.post, "/datasets/{owner}/{name}/releases/", "addRelease") { request in
                let body = try request.decode(NewRelease.self)
                return try .json(
                    await request.service().addRelease(request.dataset, name: body.name, description: body.description),
                    status: 201)
            },
            Route(.get, "/datasets/{owner}/{name}/releases/{release}/", "getRelease") { request in
                try .json(await request.service().getRelease(request.dataset, name: request.parameter("release")))
            },
            Route(.delete, "/datasets/{owner}/{name}/releases/{release}/", "deleteRelease") { request in
                try await request.service().deleteRelease(request.dataset, name: request.parameter("release"))
                return .noContent
            },
        ]
    }
}
