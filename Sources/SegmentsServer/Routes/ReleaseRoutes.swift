import SegmentsAPI

extension Routes {
    /// Routes 35–38. The export file itself is served by `getReleaseFile` (AssetRoutes).
    static var releases: [Route] {
        [
            Route(API.getReleases) { request in try await request.service().getReleases(request.dataset) },
            Route(API.addRelease) { request, body in
                try await request.service().addRelease(request.dataset, name: body.name, description: body.description)
            },
            Route(API.getRelease) { request in
                try await request.service().getRelease(request.dataset, name: request.parameter("release"))
            },
            Route(API.deleteRelease) { request in
                try await request.service().deleteRelease(request.dataset, name: request.parameter("release"))
            },
        ]
    }
}
