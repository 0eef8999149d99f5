import SegmentsAPI

extension Routes {
    /// Routes 4–11.
    static var datasets: [Route] {
        [
            Route(.get, "/user/datasets/", "getDatasets") { request in
                let (perPage, page) = try pageParameters(request.query)
                return try .json(await request.service().getDatasets(user: nil, perPage: perPage, page: page))
            },
            Route(.get, "/users/{username}/datasets/", "getUserDatasets") { request in
                let (perPage, page) = try pageParameters(request.query)
                let user = try request.parameter("username")
                return try .json(await request.service().getDatasets(user: user, perPage: perPage, page: page))
            },
            Route(.post, "/user/datasets/", "addDataset") { request in
                try await addDataset(request, organization: nil)
            },
            Route(.post, "/organizations/{organization}/datasets/", "addOrganizationDataset") { request in
                try await addDataset(request, organization: request.parameter("organization"))
            },
            Route(.get, "/datasets/{owner}/{name}/", "getDataset") { request in
                try .json(await request.service().getDataset(request.dataset))
            },
            Route(.patch, "/datasets/{owner}/{name}/", "updateDataset") { request in
                let update = try request.decode(DatasetUpdate.self)
                try requireKnown(update.taskType, field: "task_type")
                try requireKnown(update.category, field: "category")
                return try .json(await request.service().updateDataset(request.dataset, update))
            },
            Route(.delete, "/datasets/{owner}/{name}/", "deleteDataset") { request in
                try await request.service().deleteDataset(request.dataset)
                return .noContent
            },
            Route(.post, "/datasets/{owner}/{name}/clone/", "cloneDataset") { request in
                let body = try request.decode(CloneDatasetRequest.self)
                try requireKnown(body.taskType, field: "task_type")
                let clone = try await request.service().cloneDataset(
                    request.dataset, newName: body.name, newTaskType: body.taskType, newPublic: body.isPublic,
                    organization: body.owner, cloneLabels: body.cloneLabels)
                return try .json(clone, status: 201)
            },
        ]
    }

    private static func addDataset(_ request: RouteRequest, organization: String?) async throws -> APIResponse {
        var dataset = try request.decode(NewDataset.self)
        try requireKnown(dataset.taskType, field: "task_type")
        try requireKnown(dataset.category, field: "category")
        dataset.organization = organization
        return try .json(await request.service().addDataset(dataset), status: 201)
    }
}
