import Foundation
import SegmentsAPI
import SegmentsClient
import Testing

/// Users, datasets, cloning and collaborators: the same behaviour from the store and over HTTP.
@Suite("Conformance: users, datasets, collaborators")
struct DatasetConformanceTests {
    @Test("the status check passes and users are found by name, unknown ones are NotFound", arguments: Backend.allCases)
    func users(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            try await fx.jane.checkAPIStatus()
            let me = try await fx.jane.getUser()
            #expect(me.username == "jane")
            #expect(me.isOrganization == false)
            #expect(try await fx.jane.getUser("bob").username == "bob")
            #expect(try await fx.jane.getUser("acme").isOrganization == true)
            #expect(await errorKind { _ = try await fx.jane.getUser("nobody-xyz") } == "NotFoundError")
        }
    }

    @Test("a dataset is created with the SDK's defaults; the same name again is AlreadyExists", arguments: Backend.allCases)
    func addDataset(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let dataset = try await fx.jane.addDataset(
                NewDataset(name: "cars", taskType: .bboxes, taskAttributes: bboxTaskAttributes, metadata: ["k": "v"]))
            #expect(dataset.fullName == "jane/cars")
            #expect(dataset.owner.username == "jane")
            #expect(dataset.taskType == .bboxes)
            #expect(dataset.metadata == ["k": "v"])
            #expect(dataset.category == .other)
            #expect(dataset.isPublic == false)
            #expect(dataset.enableSkipLabeling == true)
            #expect(dataset.enableInterpolation == true)
            #expect(dataset.taskAttributes?.categories?.map(\.name) == ["car"])
            let defaults = try await fx.jane.addDataset(NewDataset(name: "plain"))
            #expect(defaults.taskType == .segmentationBitmap)
            #expect(defaults.taskAttributes?.categories?.map(\.name) == ["object"])
            #expect(await errorKind { _ = try await fx.jane.addDataset(NewDataset(name: "cars")) } == "AlreadyExistsError")
            let labelsets = try await fx.jane.getLabelsets("jane/cars")
            #expect(labelsets.map(\.name).contains("ground-truth"))
        }
    }

    @Test("an organisation dataset is owned by the organisation", arguments: Backend.allCases)
    func organisationDataset(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let dataset = try await fx.jane.addDataset(NewDataset(name: "shared", organization: "acme"))
            #expect(dataset.fullName == "acme/shared")
            #expect(dataset.owner.username == "acme")
            #expect(try await fx.jane.getDataset("acme/shared").name == "shared")
            #expect(await errorKind { _ = try await fx.jane.addDataset(NewDataset(name: "x", organization: "no-such-org")) } == "NotFoundError")
            try await fx.jane.deleteDataset("acme/shared")
        }
    }

    @Test("datasets are listed page by page; past the last page is NotFound", arguments: Backend.allCases)
    func listDatasets(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            #expect(try await fx.jane.getDatasets().isEmpty)
            for name in ["c", "a", "b"] { _ = try await fx.jane.addDataset(NewDataset(name: name)) }
            let all = try await fx.jane.getDatasets()
            #expect(Set(all.map(\.fullName)) == ["jane/a", "jane/b", "jane/c"])
            let first = try await fx.jane.getDatasets(perPage: 1, page: 1)
            #expect(first.count == 1)
            let pages = [try await fx.jane.getDatasets(perPage: 2, page: 1), try await fx.jane.getDatasets(perPage: 2, page: 2)]
            #expect(pages.map(\.count) == [2, 1])
            #expect(Set(pages.flatMap { $0 }.map(\.fullName)) == Set(all.map(\.fullName)))
            #expect(await errorKind { _ = try await fx.jane.getDatasets(perPage: 1, page: 999_999) } == "NotFoundError")
            var walked: [String] = []
            for try await dataset in fx.jane.allDatasets(perPage: 1) { walked.append(dataset.fullName) }
            #expect(walked.sorted() == ["jane/a", "jane/b", "jane/c"])
            // Another user's listing shows only what the caller may see.
            #expect(try await fx.bob.getDatasets(user: "jane").isEmpty)
        }
    }

    @Test("get, update and delete a dataset; unknown or malformed identifiers are NotFound", arguments: Backend.allCases)
    func getUpdateDelete(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            _ = try await fx.jane.addDataset(NewDataset(name: "cars", taskType: .bboxes))
            #expect(try await fx.jane.getDataset("jane/cars").taskType == .bboxes)
            for identifier in ["abcde", "jane/nope", "nobody/cars", "jane/cars/extra"] {
                #expect(await errorKind { _ = try await fx.jane.getDataset(identifier) } == "NotFoundError", "\(identifier)")
            }
            var update = DatasetUpdate(description: "d2", readme: "# readme", metadata: ["a": 1])
            update.enableConfirmOnSubmit = true
            update.useTimestampsForInterpolation = true
            let updated = try await fx.jane.updateDataset("jane/cars", update)
            #expect(updated.description == "d2")
            #expect(updated.readme == "# readme")
            #expect(updated.metadata == ["a": 1])
            #expect(updated.enableConfirmOnSubmit == true)
            #expect(updated.useTimestampsForInterpolation == true)
            #expect(updated.taskType == .bboxes, "fields not in the PATCH stay as they were")
            let unchanged = try await fx.jane.updateDataset("jane/cars", DatasetUpdate())
            #expect(unchanged.description == "d2")
            try await fx.jane.deleteDataset("jane/cars")
            #expect(await errorKind { _ = try await fx.jane.getDataset("jane/cars") } == "NotFoundError")
            #expect(await errorKind { try await fx.jane.deleteDataset("jane/cars") } == "NotFoundError")
        }
    }

    @Test("a clone takes the SDK's default name, copies samples, and a second clone of that name is AlreadyExists", arguments: Backend.allCases)
    func cloneDataset(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            _ = try await fx.jane.addDataset(NewDataset(name: "cars", taskType: .bboxes, taskAttributes: bboxTaskAttributes))
            let sample = try await fx.jane.addSample("jane/cars", NewSample(name: "a.png", attributes: imageAttributes("a.png")))
            _ = try await fx.jane.addLabel(sampleUUID: sample.uuid, labelset: "ground-truth", attributes: bboxAttributes)

            let clone = try await fx.jane.cloneDataset("jane/cars")
            #expect(clone.fullName == "jane/cars-clone")
            #expect(clone.taskType == .bboxes)
            #expect(try await fx.jane.getSamples("jane/cars-clone").map(\.name) == ["a.png"])
            #expect(await errorKind { _ = try await fx.jane.cloneDataset("jane/cars") } == "AlreadyExistsError")

            let copy = try await fx.jane.cloneDataset("jane/cars", newName: "copy", newPublic: true, cloneLabels: true)
            #expect(copy.fullName == "jane/copy")
            #expect(copy.isPublic == true)
            let copied = try await fx.jane.getSamples("jane/copy", labelset: "ground-truth")
            #expect(copied.first?.label?.labelStatus == .prelabeled)
            let unlabeled = try await fx.jane.getSamples("jane/cars-clone", labelset: "ground-truth")
            #expect(unlabeled.first?.label == nil, "labels are copied only with clone_labels")

            let orgCopy = try await fx.jane.cloneDataset("jane/cars", newName: "org-copy", organization: "acme")
            #expect(orgCopy.fullName == "acme/org-copy")
            #expect(await errorKind { _ = try await fx.jane.cloneDataset("jane/missing") } == "NotFoundError")
        }
    }

    @Test("collaborators are added, read, changed and removed; duplicates are CollaboratorError", arguments: Backend.allCases)
    func collaborators(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let ds = "jane/cars"
            _ = try await fx.jane.addDataset(NewDataset(name: "cars"))
            let added = try await fx.jane.addDatasetCollaborator(ds, username: "bob", role: .reviewer)
            #expect(added.user.username == "bob")
            #expect(added.role == .reviewer)
            #expect(try await fx.jane.getDatasetCollaborator(ds, username: "bob").role == .reviewer)
            #expect(try await fx.jane.addDatasetCollaborator(ds, username: "carol").role == .labeler, "default role")
            #expect(await errorKind { _ = try await fx.jane.addDatasetCollaborator(ds, username: "bob") } == "CollaboratorError")
            #expect(await errorKind { _ = try await fx.jane.addDatasetCollaborator(ds, username: "nobody-xyz") } == "NotFoundError")
            #expect(try await fx.jane.updateDatasetCollaborator(ds, username: "bob", role: .admin).role == .admin)
            try await fx.jane.deleteDatasetCollaborator(ds, username: "bob")
            #expect(await errorKind { _ = try await fx.jane.getDatasetCollaborator(ds, username: "bob") } == "NotFoundError")
            #expect(await errorKind { try await fx.jane.deleteDatasetCollaborator(ds, username: "bob") } == "NotFoundError")
            #expect(await errorKind { _ = try await fx.jane.updateDatasetCollaborator(ds, username: "bob", role: .admin) } == "NotFoundError")
        }
    }

    @Test("permissions: a stranger cannot see a private dataset, a labeler cannot delete it or manage collaborators", arguments: Backend.allCases)
    func permissions(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let ds = "jane/cars"
            _ = try await fx.jane.addDataset(NewDataset(name: "cars"))
            let strangerKind = await errorKind { _ = try await fx.bob.getDataset(ds) }
            #expect(strangerKind == "NotFoundError" || strangerKind == "AuthorizationError", "\(strangerKind)")
            _ = try await fx.jane.addDatasetCollaborator(ds, username: "bob", role: .labeler)
            #expect(try await fx.bob.getDataset(ds).fullName == ds)
            #expect(await errorKind { try await fx.bob.deleteDataset(ds) } == "AuthorizationError")
            #expect(await errorKind { _ = try await fx.bob.addDatasetCollaborator(ds, username: "carol") } == "AuthorizationError")
            #expect(await errorKind { _ = try await fx.bob.updateDataset(ds, DatasetUpdate(description: "x")) } == "AuthorizationError")
            #expect(try await fx.jane.getDataset(ds).description == "", "a refused write changes nothing")
        }
    }
}
