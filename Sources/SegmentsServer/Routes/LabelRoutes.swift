import SegmentsAPI

extension Routes {
    /// Routes 23–26.
    static var labels: [Route] {
        [
            Route(API.getLabel) { request in
                try await request.service().getLabel(sampleUUID: request.uuid("uuid"), labelset: request.parameter("labelset"))
            },
            Route(API.addLabel) { request, body in
                try requireKnown(body.labelStatus, field: "label_status")
                return try await request.service().addLabel(
                    sampleUUID: request.uuid("uuid"), labelset: request.parameter("labelset"),
                    attributes: body.attributes, labelStatus: body.labelStatus, score: body.score)
            },
            Route(API.updateLabel) { request, update in
                try requireKnown(update.labelStatus, field: "label_status")
                return try await request.service().updateLabel(
                    sampleUUID: request.uuid("uuid"), labelset: request.parameter("labelset"), update)
            },
            Route(API.deleteLabel) { request in
                try await request.service().deleteLabel(sampleUUID: request.uuid("uuid"), labelset: request.parameter("labelset"))
            },
        ]
    }
}
