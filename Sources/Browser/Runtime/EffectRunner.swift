import Logging
import SegmentsAPI

/// Runs requests off the UI loop, one Task per slot: a new request for a slot cancels the
/// task before it (latest wins). Results come back to `post` on the main actor.
@MainActor
final class EffectRunner {
    private let service: any SegmentsService
    private let post: @MainActor (Event) -> Void
    private let logger: Logger
    private var tasks: [Slot: Task<Void, Never>] = [:]

    init(service: any SegmentsService, logger: Logger, post: @escaping @MainActor (Event) -> Void) {
        self.service = service
        self.logger = logger
        self.post = post
    }

    func run(_ slot: Slot, _ id: RequestID, _ request: ServiceRequest) {
        tasks[slot]?.cancel()
        let service = service
        let logger = logger
        tasks[slot] = Task { [weak self] in
            logger.debug("request \(id) \(String(describing: request).prefix(160))")
            let result: Result<ServiceResponse, RequestFailure>
            do {
                result = .success(try await Self.perform(request, on: service))
            } catch {
                logger.info("request \(id) failed: \(error)")
                result = .failure(RequestFailure(error))
            }
            guard !Task.isCancelled else { return }
            self?.tasks[slot] = nil
            self?.post(.loaded(slot, id, result))
        }
    }

    func cancel(_ slot: Slot) {
        tasks.removeValue(forKey: slot)?.cancel()
    }

    nonisolated private static func userExists(_ username: String, on service: any SegmentsService) async -> Bool {
        do {
            _ = try await service.getUser(username)
            return true
        } catch {
            return false
        }
    }

    func cancelAll() {
        tasks.values.forEach { $0.cancel() }
        tasks = [:]
    }

    /// The service calls behind each request. `nonisolated`: they run on the cooperative pool.
    nonisolated static func perform(_ request: ServiceRequest, on service: any SegmentsService) async throws -> ServiceResponse {
        switch request {
        case .datasets:
            let user = try await service.getUser(nil)
            var datasets = try await collect(service.allDatasets(user: nil))
            for organization in user.organizations ?? [] {
                try Task.checkCancellation()
                let theirs = try await collect(service.allDatasets(user: organization.username))
                datasets += theirs.filter { candidate in !datasets.contains { $0.fullName == candidate.fullName } }
            }
            return .datasets(user: user, datasets: datasets)
        case .samples(let dataset, let query):
            return .samples(try await service.getSamples(dataset, query: query))
        case .issues(let dataset):
            return .issues(try await service.getIssues(dataset))
        case .collaborators(let dataset, let candidates):
            return .collaborators(try await collaborators(of: dataset, candidates: candidates, service: service))
        case .releases(let dataset):
            return .releases(try await service.getReleases(dataset))
        case .labelsets(let dataset):
            return .labelsets(try await service.getLabelsets(dataset))
        case .workunits(let dataset, let query):
            return .workunits(try await collect(service.allWorkunits(dataset, query: query)))
        case .dataset(let name):
            return .dataset(try await service.getDataset(name))
        case .sampleDetail(let uuid, let labelset):
            let sample = try await service.getSample(uuid, labelset: labelset, includeSignedURL: false)
            let label: Label?
            do {
                label = try await service.getLabel(sampleUUID: uuid, labelset: labelset)
            } catch SegmentsError.notFound {
                label = nil
            }
            return .sampleDetail(sample, label)
        case .sampleLookup(let uuid):
            return .sampleLookup(try await service.getSample(uuid, labelset: nil, includeSignedURL: false))
        case .findSamples(let dataset, let name):
            return .sampleMatches(name: name, try await service.getSamples(dataset, query: SampleQuery(name: name, perPage: 20)))
        case .setLabelStatus(let uuid, let labelset, let status):
            return .label(try await service.updateLabel(sampleUUID: uuid, labelset: labelset, LabelUpdate(labelStatus: status)))
        case .setIssueStatus(let uuid, let status):
            return .issue(try await service.updateIssue(uuid, IssueUpdate(status: status)))
        case .addIssue(let uuid, let description):
            return .issue(try await service.addIssue(sampleUUID: uuid, NewIssue(description: description)))
        case .deleteIssue(let uuid):
            try await service.deleteIssue(uuid)
            return .issueDeleted(uuid: uuid)
        case .addIssueComment(let uuid, let text):
            return .issue(try await service.addIssueComment(uuid, text: text))
        case .setIssueDescription(let uuid, let description):
            return .issue(try await service.updateIssue(uuid, IssueUpdate(description: description)))
        case .addRelease(let dataset, let name, let description):
            return .release(try await service.addRelease(dataset, name: name, description: description))
        case .deleteRelease(let dataset, let name):
            try await service.deleteRelease(dataset, name: name)
            return .releaseDeleted(name: name)
        case .access(let dataset, let username):
            do {
                return .access(try await service.getDatasetCollaborator(dataset, username: username).role)
            } catch SegmentsError.notFound {
                return .access(nil)
            }
        case .addCollaborator(let dataset, let username, let role):
            do {
                return .collaborator(try await service.addDatasetCollaborator(dataset, username: username, role: role))
            } catch SegmentsError.notFound(let message) {
                // The API answers a bare "not found" for an unknown user: say which thing is missing.
                guard await !userExists(username, on: service) else { throw SegmentsError.notFound(message) }
                throw SegmentsError.notFound("There is no user \(username) (usernames are case-sensitive).")
            }
        case .setCollaboratorRole(let dataset, let username, let role):
            return .collaborator(try await service.updateDatasetCollaborator(dataset, username: username, role: role))
        case .collaborator(let dataset, let username):
            return .collaborator(try await service.getDatasetCollaborator(dataset, username: username))
        case .removeCollaborator(let dataset, let username):
            try await service.deleteDatasetCollaborator(dataset, username: username)
            return .collaboratorRemoved(username: username)
        case .addLabelset(let dataset, let name, let description):
            return .labelset(try await service.addLabelset(dataset, name: name, description: description))
        case .deleteLabelset(let dataset, let name):
            try await service.deleteLabelset(dataset, name: name)
            return .labelsetDeleted(name: name)
        case .pollRelease(let dataset, let name, let seconds):
            try await Task.sleep(for: .seconds(seconds))
            return .release(try await service.getRelease(dataset, name: name))
        }
    }

    nonisolated static func collect<Element>(_ pages: AllPages<Element>) async throws -> [Element] {
        var items: [Element] = []
        for try await item in pages { items.append(item) }
        return items
    }

    /// The API cannot list collaborators, so each candidate (plus the members of the
    /// user's organisations) is asked about; "not a collaborator" answers are skipped.
    nonisolated static func collaborators(of dataset: String, candidates: [String], service: any SegmentsService) async throws -> [Collaborator] {
        var names = candidates
        let owner = dataset.split(separator: "/").first.map(String.init) ?? ""
        if let organization = try? await service.getUser(owner), organization.isOrganization {
            for member in organization.members ?? [] where !names.contains(member.username) { names.append(member.username) }
        }
        return try await withThrowingTaskGroup(of: Collaborator?.self) { group in
            for name in names {
                group.addTask {
                    do {
                        return try await service.getDatasetCollaborator(dataset, username: name)
                    } catch SegmentsError.notFound {
                        return nil
                    }
                }
            }
            var found: [Collaborator] = []
            for try await collaborator in group { if let collaborator { found.append(collaborator) } }
            let rank: [String: Int] = ["admin": 0, "manager": 1, "reviewer": 2, "labeler": 3]
            return found.sorted { (rank[$0.role.rawValue] ?? 9, $0.user.username) < (rank[$1.role.rawValue] ?? 9, $1.user.username) }
        }
    }
}
