import SegmentsAPI

extension Routes {
    /// Routes 27–30.
    static var labelsets: [Route] {
        [
            Route(API.getLabelsets) { request in try await request.service().getLabelsets(request.dataset) },
            // The SDK also sends `"attributes": "{}"` (a string); it carries nothing and is ignored.
            Route(API.addLabelset) { request, body in
                try await request.service().addLabelset(request.dataset, name: body.name, description: body.description)
            },
            Route(API.getLabelset) { request in
                try await request.service().getLabelset(request.dataset, name: request.parameter("labelset"))
            },
            Route(API.deleteLabelset) { request in
                try await request.service().deleteLabelset(request.dataset, name: request.parameter("labelset"))
            },
        ]
    }
}
