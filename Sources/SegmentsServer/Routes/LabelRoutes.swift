import SegmentsAPI

extension Routes {
    /// Routes 23–26. PUT is `add_label` (create or replace), so it stays idempotent for the SDK's retries.
    static var labels: [Route] {
        [
            Route(.get, "/labels/{uuid}/{labelset}/", "getLabel") { request in
                try .json(
                    await request.service().getLabel(
                        sampleUUID: request.uuid("uuid"), labelset: request.parameter("labelset")))
            },
            Route(.put, "/labels/{uuid}/{labelset}/", "addLabel") { request in
                let body = try request.decode(LabelWrite.self)
                try requireKnown(body.labelStatus, field: "label_status")
                return try .json(
                    await request.service().addLabel(
                        sampleUUID: request.uuid("uuid"), labelset: request.parameter("labelset"),
                        attributes: body.attributes, labelStatus: body.labelStatus, score: body.score))
            },
            Route(.patch, "/labels/{uuid}/{labelset}/", "updateLabel") { request in
                let update = try request.decode(LabelUpdate.self)
                try requireKnown(update.labelStatus, field: "label_status")
                return try .json(
                    await request.service().updateLabel(
                        sampleUUID: request.uuid("uuid"), labelset: request.parameter("labelset"), update))
            },
            Route(.delete, "/labels/{uuid}/{labelset}/", "deleteLabel") { request in
                try await request.service().deleteLabel(
                    sampleUUID: request.uuid("uuid"), labelset: request.parameter("labelset"))
                return .noContent
            },
        ]
    }
}
