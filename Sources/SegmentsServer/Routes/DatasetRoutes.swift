import SegmentsAPI

extension Routes {
    /// Routes 4–11.
    static var datasets: [Route] {
        [
            Route(API.getDatasets) { request in
                let (perPage, page) = try pageParameters(request.query)
                return try await request.service().getDatasets(user: nil, perPage: perPage, page: page)
            },
            Route(API.getUserDatasets) { request in
                let (perPage, page) = try pageParameters(request.query)
                let user = try request.parameter("username")
                return try await request.service().getDatasets(user: user, perPage: perPage, page: page)
            },
            Route(API.addDataset) { request, dataset in try await addDataset(request, dataset, organization: nil) },
            Route(API.addOrganizationDataset) { request, dataset in
                try await addDataset(request, dataset, organization: request.parameter("organization"))
            },
            Route(API.getDataset) { request in try await request.service().getDataset(request.dataset) },
            Route(API.updateDataset) { request, update in
                try requireKnown(update.taskType, field: "task_type")
                try requireKnown(update.category, field: "category")
                return try await request.service().updateDataset(request.dataset, update)
            },
            Route(API.deleteDataset) { request in try await request.service().deleteDataset(request.dataset) },
            Route(API.cloneDataset) { request, body in
                try requireKnown(body.taskType, field: "task_type")
                return try await request.service().cloneDataset(
                    request.dataset, newName: body.name, newTaskType: body.taskType, newPublic: body.isPublic,
                    organization: body.owner, cloneLabels: body.cloneLabels)
            },
        ]
    }

    private static func addDataset(_ request: RouteRequest, _ dataset: NewDataset, organization: String?) async throws
        -> Dataset
    {
        var dataset = dataset
        try requireKnown(dataset.taskType, field: "task_type")
        try requireKnown(dataset.category, field: "category")
        dataset.organization = organization
        return try await request.service().addDataset(dataset)
    }
}
