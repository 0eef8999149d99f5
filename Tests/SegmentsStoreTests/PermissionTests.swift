import Foundation
import SegmentsAPI
import Testing
@testable import SegmentsStore

/// The permission table of docs/permissions.md, checked through real operations:
/// every role × every kind of action.
@Suite("Permissions")
struct PermissionTests {
    /// Who acts: a collaborator role, a stranger on a public or a private dataset, or the owner.
    enum Actor: String, CaseIterable, CustomStringConvertible {
        case owner, admin, manager, reviewer, labeler, publicStranger, privateStranger
        var description: String { rawValue }
    }

    enum Outcome: Equatable { case allowed, denied, notFound }

    static func expected(_ actor: Actor, _ action: DatasetAction) -> Outcome {
        let level: AccessLevel = switch actor {
        case .owner: .owner
        case .admin: .admin
        case .manager: .manager
        case .reviewer: .reviewer
        case .labeler: .labeler
        case .publicStranger: .publicReader
        case .privateStranger: .none
        }
        if level == .none { return .notFound }
        return level >= action.requiredLevel ? .allowed : .denied
    }

    @Test("each role may do exactly what the table says", arguments: Actor.allCases)
    func table(actor: Actor) async throws {
        for action in DatasetAction.allCases {
            let fixture = try await Fixture()
            try await fixture.dataset(isPublic: actor == .publicStranger)
            let sample = try #require(await fixture.samples(["a", "b"]).first)
            _ = try await fixture.jane.addLabel(sampleUUID: sample.uuid, labelset: "ground-truth", attributes: boxes())
            let issue = try await fixture.jane.addIssue(sampleUUID: sample.uuid, description: "look")
            _ = try await fixture.jane.addLabelset("jane/cars", name: "old")
            _ = try await fixture.jane.addDatasetCollaborator("jane/cars", username: "erin", role: .labeler)
            let username: String
            switch actor {
            case .owner: username = "jane"
            case .admin, .manager, .reviewer, .labeler:
                username = "bob"
                _ = try await fixture.jane.addDatasetCollaborator(
                    "jane/cars", username: "bob", role: Role(rawValue: actor.rawValue))
            case .publicStranger, .privateStranger: username = "mallory"
            }
            let store = fixture.store(username)
            let outcome: Outcome
            do {
                try await Self.perform(action, store: store, sample: sample, issue: issue)
                outcome = .allowed
            } catch SegmentsError.authorization {
                outcome = .denied
            } catch SegmentsError.notFound {
                outcome = .notFound
            }
            #expect(outcome == Self.expected(actor, action), "\(actor) \(action)")
        }
    }

    static func perform(_ action: DatasetAction, store: SegmentsStore, sample: Sample, issue: SegmentsAPI.Issue) async throws {
        switch action {
        case .read: _ = try await store.getSamples("jane/cars", labelset: "ground-truth")
        case .label:
            _ = try await store.updateLabel(sampleUUID: sample.uuid, labelset: "ground-truth", labelStatus: .labeled)
        case .review:
            _ = try await store.updateLabel(sampleUUID: sample.uuid, labelset: "ground-truth", labelStatus: .reviewed)
        case .raiseIssue: _ = try await store.addIssue(sampleUUID: sample.uuid, description: "wrong box")
        case .deleteIssue: try await store.deleteIssue(issue.uuid)
        case .manageSamples: _ = try await store.addSample("jane/cars", NewSample(name: "new", attributes: image("n")))
        case .manageLabelsets: try await store.deleteLabelset("jane/cars", name: "old")
        case .manageReleases: _ = try await store.addRelease("jane/cars", name: "v1")
        case .viewWorkunits: _ = try await store.getWorkunits("jane/cars")
        case .manageCollaborators:
            _ = try await store.updateDatasetCollaborator("jane/cars", username: "erin", role: .reviewer)
        case .manageAdmins:
            _ = try await store.updateDatasetCollaborator("jane/cars", username: "erin", role: .admin)
        case .updateSettings: _ = try await store.updateDataset("jane/cars", DatasetUpdate(description: "new"))
        case .deleteDataset: try await store.deleteDataset("jane/cars")
        }
    }

    @Test("a refused action changes nothing")
    func refusedActionChangesNothing() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        _ = try await fixture.jane.addDatasetCollaborator("jane/cars", username: "bob", role: .labeler)
        _ = await error { try await fixture.store("bob").addSample("jane/cars", NewSample(name: "x", attributes: image("x"))) }
        _ = await error { try await fixture.store("bob").updateDataset("jane/cars", DatasetUpdate(description: "x")) }
        let dataset = try await fixture.jane.getDataset("jane/cars")
        #expect(dataset.sampleCount == 0 && dataset.description == "")
        #expect(try await fixture.store("bob").getDataset("jane/cars").role == "labeler")
    }

    @Test("admins grant up to manager; only the owner grants or takes admin; anyone may leave")
    func granting() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        _ = try await fixture.jane.addDatasetCollaborator("jane/cars", username: "erin", role: .admin)
        let erin = fixture.store("erin")
        #expect(try await erin.addDatasetCollaborator("jane/cars", username: "bob", role: .manager).role == .manager)
        #expect(await error { try await erin.addDatasetCollaborator("jane/cars", username: "carol", role: .admin) }
            == .authorization("You do not have permission to perform this action."))
        #expect(await error { try await erin.updateDatasetCollaborator("jane/cars", username: "bob", role: .admin) }
            == .authorization("You do not have permission to perform this action."))
        #expect(await error { try await erin.addDatasetCollaborator("jane/cars", username: "bob", role: .labeler) }
            == .collaborator("User is already a collaborator."))
        #expect(await error { try await erin.addDatasetCollaborator("jane/cars", username: "jane", role: .labeler) }
            == .collaborator("User cannot be added as collaborator."))
        #expect(await error { try await erin.addDatasetCollaborator("jane/cars", username: "ghost", role: .labeler) }
            == .notFound("Not found."))
        #expect(await error {
            try await erin.addDatasetCollaborator("jane/cars", username: "carol", role: .unknown("boss"))
        }?.kind == "ValidationError")
        try await fixture.store("bob").deleteDatasetCollaborator("jane/cars", username: "bob")
        #expect(await error { try await erin.getDatasetCollaborator("jane/cars", username: "bob") } == .notFound("Not found."))
        #expect(try await fixture.jane.updateDatasetCollaborator("jane/cars", username: "erin", role: .reviewer).role
            == .reviewer)
        #expect(try await fixture.jane.getDatasetCollaborators("jane/cars").map(\.user.username) == ["erin"])
    }

    @Test("private datasets are not found for strangers, public ones are read-only")
    func visibility() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset("private")
        try await fixture.dataset("public", isPublic: true)
        let mallory = fixture.store("mallory")
        #expect(await error { try await mallory.getDataset("jane/private") } == .notFound("Not found."))
        #expect(try await mallory.getDataset("jane/public").role == nil)
        #expect(await error { try await mallory.addLabelset("jane/public", name: "x") }
            == .authorization("You do not have permission to perform this action."))
    }

    @Test("a user that does not exist, or a revoked key, cannot authenticate")
    func authentication() async throws {
        let fixture = try await Fixture()
        #expect(await error { try await fixture.store("ghost").getUser() }?.kind == "AuthenticationError")
        let key = try #require(fixture.keys["bob"])
        #expect(try await fixture.workspace.authenticate(apiKey: key) == "bob")
        #expect(try await fixture.workspace.authenticate(apiKey: "wrong") == nil)
        let rotated = try await fixture.workspace.rotateAPIKey(username: "bob")
        #expect(try await fixture.workspace.authenticate(apiKey: key) == nil)
        #expect(try await fixture.workspace.authenticate(apiKey: rotated) == "bob")
        try await fixture.workspace.revokeAPIKeys(username: "bob")
        #expect(try await fixture.workspace.authenticate(apiKey: rotated) == nil)
        #expect(try await fixture.workspace.ownerUsername() == "jane")
        #expect(await error { try await fixture.jane.getUser("nobody") } == .notFound("Not found."))
        #expect(try await fixture.jane.getUser("bob").email == nil)
        #expect(try await fixture.jane.getUser().email == "jane@example.com")
    }
}
