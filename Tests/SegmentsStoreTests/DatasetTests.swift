import Foundation
import SegmentsAPI
import Testing
@testable import SegmentsStore

@Suite("Datasets")
struct DatasetTests {
    @Test("a new dataset has every required field, a ground-truth labelset and zero counts")
    func addAndGet() async throws {
        let fixture = try await Fixture()
        let created = try await fixture.dataset()
        #expect(created.fullName == "jane/cars")
        #expect(created.owner.username == "jane")
        #expect(created.metadata == [:])
        #expect(created.role == "admin")
        #expect(created.sampleCount == 0)
        #expect(created.labelStats.total == 0 && created.labelStats.unlabeled == 0)
        #expect(created.labelsets?.map(\.name) == ["ground-truth"])
        #expect(created.labelsets?.first?.isGroundtruth == true)
        let fetched = try await fixture.jane.getDataset("jane/cars")
        #expect(fetched == created)
    }

    @Test("a second dataset with the same name for the same owner already exists")
    func duplicateName() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let failure = await error { try await fixture.dataset() }
        #expect(failure == .alreadyExists("A dataset with this name already exists."))
        // Another owner may use the name.
        _ = try await fixture.store("bob").addDataset(NewDataset(name: "cars"))
    }

    @Test("invalid names and unknown enum values are refused and nothing is created")
    func badInput() async throws {
        let fixture = try await Fixture()
        for name in ["", "a/b", "has space", "..", String(repeating: "x", count: 101)] {
            let failure = await error { try await fixture.jane.addDataset(NewDataset(name: name)) }
            #expect(failure?.kind == "ValidationError", "\(name)")
        }
        let badType = await error {
            try await fixture.jane.addDataset(NewDataset(name: "x", taskType: .unknown("boxes")))
        }
        #expect(badType?.kind == "ValidationError")
        let badCategory = await error {
            try await fixture.jane.addDataset(NewDataset(name: "x", category: .unknown("cats")))
        }
        #expect(badCategory?.kind == "ValidationError")
        #expect(try await fixture.jane.getDatasets().isEmpty)
    }

    @Test("dataset identifiers that are not owner/name, or unknown, are not found")
    func notFound() async throws {
        let fixture = try await Fixture()
        for identifier in ["abcde", "jane/", "jane/cars/x", "jane/none", "nobody/cars"] {
            #expect(await error { try await fixture.jane.getDataset(identifier) } == .notFound("Not found."))
        }
    }

    @Test("lists are ordered by name and paginated; a page past the end is an invalid page")
    func listAndPaginate() async throws {
        let fixture = try await Fixture()
        for name in ["charlie", "alpha", "bravo"] { try await fixture.dataset(name) }
        #expect(try await fixture.jane.getDatasets().map(\.name) == ["alpha", "bravo", "charlie"])
        #expect(try await fixture.jane.getDatasets(perPage: 2, page: 2).map(\.name) == ["charlie"])
        #expect(await error { try await fixture.jane.getDatasets(perPage: 2, page: 3) } == .notFound("Invalid page."))
        #expect(await error { try await fixture.jane.getDatasets(perPage: 1, page: 0) } == .notFound("Invalid page."))
        #expect(await error { try await fixture.jane.getDatasets(perPage: 0, page: 1) } == .notFound("Invalid page."))
        // Page 1 of nothing is an empty list, not an error.
        #expect(try await fixture.store("bob").getDatasets().isEmpty)
    }

    @Test("another user's list shows only what the caller may see")
    func otherUsersDatasets() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset("secret")
        try await fixture.dataset("open", isPublic: true)
        #expect(try await fixture.store("bob").getDatasets(user: "jane").map(\.name) == ["open"])
        #expect(try await fixture.jane.getDatasets(user: "jane").map(\.name) == ["open", "secret"])
        #expect(await error { try await fixture.jane.getDatasets(user: "nobody") } == .notFound("Not found."))
    }

    @Test("update changes only the given fields")
    func update() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        var update = DatasetUpdate(description: "d2", metadata: ["k": "v"])
        update.enableConfirmOnSubmit = true
        let updated = try await fixture.jane.updateDataset("jane/cars", update)
        #expect(updated.description == "d2")
        #expect(updated.metadata == ["k": "v"])
        #expect(updated.enableConfirmOnSubmit == true)
        #expect(updated.taskType == .bboxes)
        #expect(updated.enableSkipLabeling == true)
    }

    @Test("the task type cannot change once the dataset has labels")
    func taskTypeLockedByLabels() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try #require(try await fixture.samples(["a.jpg"]).first)
        _ = try await fixture.jane.addLabel(sampleUUID: sample.uuid, labelset: "ground-truth", attributes: boxes())
        let failure = await error {
            try await fixture.jane.updateDataset("jane/cars", DatasetUpdate(taskType: .vector))
        }
        #expect(failure?.kind == "ValidationError")
        #expect(try await fixture.jane.getDataset("jane/cars").taskType == .bboxes)
    }

    @Test("delete removes the dataset with everything in it")
    func delete() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try #require(try await fixture.samples(["a.jpg"]).first)
        try await fixture.jane.deleteDataset("jane/cars")
        #expect(await error { try await fixture.jane.getDataset("jane/cars") } == .notFound("Not found."))
        #expect(await error { try await fixture.jane.getSample(sample.uuid) } == .notFound("Not found."))
    }

    @Test("clone copies samples with new uuids, labels only when asked, and refuses an existing name")
    func clone() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let samples = try await fixture.samples(["a.jpg", "b.jpg"])
        _ = try await fixture.jane.addLabel(
            sampleUUID: samples[0].uuid, labelset: "ground-truth", attributes: boxes(), labelStatus: .labeled)
        _ = try await fixture.jane.addLabelset("jane/cars", name: "preds")

        let plain = try await fixture.jane.cloneDataset("jane/cars")
        #expect(plain.fullName == "jane/cars-clone")
        #expect(plain.clonedFrom == "jane/cars")
        #expect(plain.sampleCount == 2 && plain.labelStats.unlabeled == 2)
        #expect(plain.labelsets?.map(\.name).sorted() == ["ground-truth", "preds"])

        let withLabels = try await fixture.jane.cloneDataset("jane/cars", newName: "copy", cloneLabels: true)
        #expect(withLabels.labelStats.labeled == 1)
        let copies = try await fixture.jane.getSamples("jane/copy", labelset: "ground-truth")
        #expect(Set(copies.map(\.uuid)).isDisjoint(with: samples.map(\.uuid)))
        #expect(copies.first { $0.name == "a.jpg" }?.label?.labelStatus == .labeled)

        #expect(await error { try await fixture.jane.cloneDataset("jane/cars") }
            == .alreadyExists("A dataset with this name already exists."))
    }

    @Test("organisation members with manager or admin role create datasets owned by the organisation")
    func organizationDatasets() async throws {
        let fixture = try await Fixture()
        _ = try await fixture.workspace.createOrganization(name: "acme", owner: "jane")
        try await fixture.workspace.addOrganizationMember(organization: "acme", username: "bob", role: .manager)
        try await fixture.workspace.addOrganizationMember(organization: "acme", username: "carol", role: .labeler)
        let created = try await fixture.store("bob").addDataset(NewDataset(name: "shared", organization: "acme"))
        #expect(created.owner.username == "acme")
        #expect(created.role == "manager")
        #expect(await error {
            try await fixture.store("carol").addDataset(NewDataset(name: "mine", organization: "acme"))
        } == .authorization("You do not have permission to perform this action."))
        #expect(await error {
            try await fixture.store("dave").addDataset(NewDataset(name: "mine", organization: "acme"))
        } == .notFound("Not found."))
        #expect(await error {
            try await fixture.jane.addDataset(NewDataset(name: "x", organization: "nope"))
        } == .notFound("Not found."))
        // The organisation's admin owns its datasets.
        #expect(try await fixture.jane.getDataset("acme/shared").role == "admin")
        // Membership alone opens only the organisation's public datasets (below).
        #expect(try await fixture.store("carol").getDatasets().isEmpty)
        try await fixture.jane.deleteDataset("acme/shared")
    }

    @Test("a private organisation dataset is for its creator, its collaborators and the organisation's admins")
    func organizationPrivateDatasets() async throws {
        let fixture = try await Fixture()
        _ = try await fixture.workspace.createOrganization(name: "acme", owner: "jane")
        try await fixture.workspace.addOrganizationMember(organization: "acme", username: "bob", role: .manager)
        try await fixture.workspace.addOrganizationMember(organization: "acme", username: "carol", role: .manager)
        try await fixture.workspace.addOrganizationMember(organization: "acme", username: "dave", role: .admin)
        _ = try await fixture.store("bob").addDataset(NewDataset(name: "secret", organization: "acme"))
        _ = try await fixture.store("bob").addDataset(NewDataset(name: "open", isPublic: true, organization: "acme"))
        // carol may create datasets in acme, yet bob's private one answers 404 and is not listed.
        #expect(await error { try await fixture.store("carol").getDataset("acme/secret") } == .notFound("Not found."))
        #expect(try await fixture.store("carol").getDatasets().map(\.fullName) == ["acme/open"])
        #expect(try await fixture.store("carol").getDataset("acme/open").role == "manager")
        #expect(try await fixture.store("carol").getDatasets(user: "acme").map(\.fullName) == ["acme/open"])
        // Its creator, the organisation's admins and owner see it.
        #expect(try await fixture.store("bob").getDataset("acme/secret").role == "manager")
        #expect(try await fixture.store("dave").getDataset("acme/secret").role == "admin")
        #expect(try await fixture.jane.getDatasets(user: "acme").map(\.fullName) == ["acme/open", "acme/secret"])
        // A collaborator role opens it.
        _ = try await fixture.store("dave").addDatasetCollaborator("acme/secret", username: "carol", role: .reviewer)
        #expect(try await fixture.store("carol").getDataset("acme/secret").role == "reviewer")
    }
}
