import SegmentsAPI

/// One request to the service that knows the type of its answer: only a handler for a
/// `Response` can take what `perform` gives, so a result lands where it was asked for.
public struct ServiceCall<Response: Sendable>: Sendable {
    /// What is asked, as a value: for tests, the log and the retry of a failed load.
    public let request: ServiceRequest
    let perform: @Sendable (any SegmentsService) async throws -> Response

    init(_ request: ServiceRequest, perform: @escaping @Sendable (any SegmentsService) async throws -> Response) {
        self.request = request
        self.perform = perform
    }
}

/// The user and every dataset they can see (their own and their organisations').
public struct DatasetListing: Sendable {
    public var user: User
    public var datasets: [Dataset]

    public init(user: User, datasets: [Dataset]) {
        self.user = user
        self.datasets = datasets
    }
}

/// A sample with its label in one labelset (nil when it has none).
public struct SampleWithLabel: Hashable, Sendable {
    public var sample: Sample
    /// The label in `labelset`; nil when the sample has none there.
    public var label: Label?
    public var labelset: String
}

/// Every call the browser makes. Each is one or a few `SegmentsService` calls; the
/// runner does not know which, it only runs `perform`.
enum ServiceCalls {
    static let datasets = ServiceCall(.datasets) { service in
        let user = try await service.getUser(nil)
        var datasets = try await collect(service.allDatasets(user: nil))
        for organization in user.organizations ?? [] {
            try Task.checkCancellation()
            let theirs = try await collect(service.allDatasets(user: organization.username))
            datasets += theirs.filter { candidate in !datasets.contains { $0.fullName == candidate.fullName } }
        }
        return DatasetListing(user: user, datasets: datasets)
    }

    static func samples(dataset: String, query: SampleQuery) -> ServiceCall<[Sample]> {
        ServiceCall(.samples(dataset: dataset, query: query)) { try await $0.getSamples(dataset, query: query) }
    }

    static func issues(dataset: String) -> ServiceCall<[Issue]> {
        ServiceCall(.issues(dataset: dataset)) { try await $0.getIssues(dataset) }
    }

    static func collaborators(dataset: String, candidates: [String]) -> ServiceCall<[Collaborator]> {
        ServiceCall(.collaborators(dataset: dataset, candidates: candidates)) {
            try await CollaboratorProbe.collaborators(of: dataset, candidates: candidates, service: $0)
        }
    }

    static func releases(dataset: String) -> ServiceCall<[Release]> {
        ServiceCall(.releases(dataset: dataset)) { try await $0.getReleases(dataset) }
    }

    static func labelsets(dataset: String) -> ServiceCall<[Labelset]> {
        ServiceCall(.labelsets(dataset: dataset)) { try await $0.getLabelsets(dataset) }
    }

    static func workunits(dataset: String, query: WorkunitQuery) -> ServiceCall<[Workunit]> {
        ServiceCall(.workunits(dataset: dataset, query: query)) { try await collect($0.allWorkunits(dataset, query: query)) }
    }

    static func dataset(_ name: String) -> ServiceCall<Dataset> {
        ServiceCall(.dataset(name)) { try await $0.getDataset(name) }
    }

    /// The dataset's ground-truth label counts per status (they come with the dataset).
    static func labelStatusCounts(dataset: String) -> ServiceCall<[LabelStatusCount]> {
        ServiceCall(.dataset(dataset)) { service in
            let fresh = try await service.getDataset(dataset)
            return LabelStatusCount.rows(fresh.labelStats, samples: fresh.sampleCount)
        }
    }

    static func sampleDetail(uuid: String, labelset: String) -> ServiceCall<SampleWithLabel> {
        ServiceCall(.sampleDetail(uuid: uuid, labelset: labelset)) { service in
            let sample = try await service.getSample(uuid, labelset: labelset, includeSignedURL: false)
            do {
                return SampleWithLabel(
                    sample: sample, label: try await service.getLabel(sampleUUID: uuid, labelset: labelset), labelset: labelset)
            } catch SegmentsError.notFound {
                return SampleWithLabel(sample: sample, label: nil, labelset: labelset)
            }
        }
    }

    static func sampleLookup(uuid: String) -> ServiceCall<Sample> {
        ServiceCall(.sampleLookup(uuid: uuid)) { try await $0.getSample(uuid, labelset: nil, includeSignedURL: false) }
    }

    static func findSamples(dataset: String, name: String) -> ServiceCall<[Sample]> {
        ServiceCall(.findSamples(dataset: dataset, name: name)) {
            try await $0.getSamples(dataset, query: SampleQuery(name: name, perPage: 20))
        }
    }

    static func setLabelStatus(sampleUUID: String, labelset: String, status: LabelStatus) -> ServiceCall<Label> {
        ServiceCall(.setLabelStatus(sampleUUID: sampleUUID, labelset: labelset, status: status)) {
            try await $0.updateLabel(sampleUUID: sampleUUID, labelset: labelset, LabelUpdate(labelStatus: status))
        }
    }

    static func setIssueStatus(uuid: String, status: IssueStatus) -> ServiceCall<Issue> {
        ServiceCall(.setIssueStatus(uuid: uuid, status: status)) { try await $0.updateIssue(uuid, IssueUpdate(status: status)) }
    }

    static func addIssue(sampleUUID: String, description: String) -> ServiceCall<Issue> {
        ServiceCall(.addIssue(sampleUUID: sampleUUID, description: description)) {
            try await $0.addIssue(sampleUUID: sampleUUID, NewIssue(description: description))
        }
    }

    static func deleteIssue(uuid: String) -> ServiceCall<Void> {
        ServiceCall(.deleteIssue(uuid: uuid)) { try await $0.deleteIssue(uuid) }
    }

    static func setIssueDescription(uuid: String, description: String) -> ServiceCall<Issue> {
        ServiceCall(.setIssueDescription(uuid: uuid, description: description)) {
            try await $0.updateIssue(uuid, IssueUpdate(description: description))
        }
    }

    static func addIssueComment(uuid: String, text: String) -> ServiceCall<Issue> {
        ServiceCall(.addIssueComment(uuid: uuid, text: text)) { try await $0.addIssueComment(uuid, text: text) }
    }

    static func addRelease(dataset: String, name: String, description: String) -> ServiceCall<Release> {
        ServiceCall(.addRelease(dataset: dataset, name: name, description: description)) {
            try await $0.addRelease(dataset, name: name, description: description)
        }
    }

    static func deleteRelease(dataset: String, name: String) -> ServiceCall<Void> {
        ServiceCall(.deleteRelease(dataset: dataset, name: name)) { try await $0.deleteRelease(dataset, name: name) }
    }

    /// The user's collaborator role on the dataset; nil when they are not a collaborator.
    static func access(dataset: String, username: String) -> ServiceCall<Role?> {
        ServiceCall(.access(dataset: dataset, username: username)) { service in
            do {
                return try await service.getDatasetCollaborator(dataset, username: username).role
            } catch SegmentsError.notFound {
                return nil
            }
        }
    }

    static func addCollaborator(dataset: String, username: String, role: Role) -> ServiceCall<Collaborator> {
        ServiceCall(.addCollaborator(dataset: dataset, username: username, role: role)) { service in
            do {
                return try await service.addDatasetCollaborator(dataset, username: username, role: role)
            } catch SegmentsError.notFound(let message) {
                // The API answers a bare "not found" for an unknown user: say which thing is missing.
                guard await !CollaboratorProbe.userExists(username, on: service) else { throw SegmentsError.notFound(message) }
                throw SegmentsError.notFound("There is no user \(username) (usernames are case-sensitive).")
            }
        }
    }

    static func setCollaboratorRole(dataset: String, username: String, role: Role) -> ServiceCall<Collaborator> {
        ServiceCall(.setCollaboratorRole(dataset: dataset, username: username, role: role)) {
            try await $0.updateDatasetCollaborator(dataset, username: username, role: role)
        }
    }

    static func collaborator(dataset: String, username: String) -> ServiceCall<Collaborator> {
        ServiceCall(.collaborator(dataset: dataset, username: username)) {
            try await $0.getDatasetCollaborator(dataset, username: username)
        }
    }

    static func removeCollaborator(dataset: String, username: String) -> ServiceCall<Void> {
        ServiceCall(.removeCollaborator(dataset: dataset, username: username)) {
            try await $0.deleteDatasetCollaborator(dataset, username: username)
        }
    }

    static func addLabelset(dataset: String, name: String, description: String) -> ServiceCall<Labelset> {
        ServiceCall(.addLabelset(dataset: dataset, name: name, description: description)) {
            try await $0.addLabelset(dataset, name: name, description: description)
        }
    }

    static func deleteLabelset(dataset: String, name: String) -> ServiceCall<Void> {
        ServiceCall(.deleteLabelset(dataset: dataset, name: name)) { try await $0.deleteLabelset(dataset, name: name) }
    }

    /// Waits, then asks for the release's status.
    static func pollRelease(dataset: String, name: String, afterSeconds seconds: Int) -> ServiceCall<Release> {
        ServiceCall(.pollRelease(dataset: dataset, name: name, afterSeconds: seconds)) { service in
            try await Task.sleep(for: .seconds(seconds))
            return try await service.getRelease(dataset, name: name)
        }
    }

    static func collect<Element>(_ pages: AllPages<Element>) async throws -> [Element] {
        var items: [Element] = []
        for try await item in pages { items.append(item) }
        return items
    }
}
