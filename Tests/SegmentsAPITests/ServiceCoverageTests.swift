import Foundation
import Testing

@testable import SegmentsAPI

/// Each operation of the SDK reference, with a call of the protocol method that
/// stands for it. The calls are only compiled, never run: the compiler checks
/// each method exists with the SDK's parameters, and the test checks the table
/// against the operations listed in the seed document itself.
private let operations: [String: @Sendable (any SegmentsService) async throws -> Void] = [
    "get_user": { _ = try await $0.getUser() },
    "get_datasets": { _ = try await $0.getDatasets(user: nil, perPage: 1000, page: 1) },
    "get_dataset": { _ = try await $0.getDataset("jane/flowers") },
    "add_dataset": { _ = try await $0.addDataset(NewDataset(name: "flowers", organization: "acme")) },
    "update_dataset": { _ = try await $0.updateDataset("jane/flowers", DatasetUpdate(description: "d")) },
    "delete_dataset": { try await $0.deleteDataset("jane/flowers") },
    "clone_dataset": { _ = try await $0.cloneDataset("jane/flowers", newName: "copy", cloneLabels: true) },
    "get_dataset_collaborator": { _ = try await $0.getDatasetCollaborator("jane/flowers", username: "bob") },
    "add_dataset_collaborator": { _ = try await $0.addDatasetCollaborator("jane/flowers", username: "bob", role: .reviewer) },
    "update_dataset_collaborator": {
        _ = try await $0.updateDatasetCollaborator("jane/flowers", username: "bob", role: .admin)
    },
    "delete_dataset_collaborator": { try await $0.deleteDatasetCollaborator("jane/flowers", username: "bob") },
    "get_samples": { _ = try await $0.getSamples("jane/flowers", labelset: "ground-truth", labelStatus: [.labeled]) },
    "get_sample": { _ = try await $0.getSample("uuid", labelset: "ground-truth", includeSignedURL: false) },
    "add_sample": {
        _ = try await $0.addSample("jane/flowers", NewSample(name: "a", attributes: SampleAttributes(json: [:])))
    },
    "add_samples": { _ = try await $0.addSamples("jane/flowers", []) },
    "update_sample": { _ = try await $0.updateSample("uuid", SampleUpdate(assignedLabeler: .null)) },
    "delete_sample": { try await $0.deleteSample("uuid") },
    "delete_samples": { _ = try await $0.deleteSamples("jane/flowers", uuids: ["uuid"]) },
    "get_label": { _ = try await $0.getLabel(sampleUUID: "uuid") },
    "add_label": {
        _ = try await $0.addLabel(sampleUUID: "uuid", labelset: "ground-truth", attributes: LabelAttributes(json: [:]))
    },
    "update_label": { _ = try await $0.updateLabel(sampleUUID: "uuid", labelset: "ground-truth", labelStatus: .reviewed) },
    "delete_label": { try await $0.deleteLabel(sampleUUID: "uuid", labelset: "ground-truth") },
    "get_labelsets": { _ = try await $0.getLabelsets("jane/flowers") },
    "get_labelset": { _ = try await $0.getLabelset("jane/flowers", name: "preds") },
    "add_labelset": { _ = try await $0.addLabelset("jane/flowers", name: "preds") },
    "delete_labelset": { try await $0.deleteLabelset("jane/flowers", name: "preds") },
    "get_issues": { _ = try await $0.getIssues("jane/flowers") },
    "add_issue": { _ = try await $0.addIssue(sampleUUID: "uuid", description: "fix") },
    "update_issue": { _ = try await $0.updateIssue("uuid", status: .closed) },
    "delete_issue": { try await $0.deleteIssue("uuid") },
    "get_releases": { _ = try await $0.getReleases("jane/flowers") },
    "get_release": { _ = try await $0.getRelease("jane/flowers", name: "v1") },
    "add_release": { _ = try await $0.addRelease("jane/flowers", name: "v1") },
    "delete_release": { try await $0.deleteRelease("jane/flowers", name: "v1") },
    "get_workunits": { _ = try await $0.getWorkunits("jane/flowers", start: "2000-01-01T00:00:00") },
    "upload_asset": { _ = try await $0.uploadAsset(Data(), filename: "label.png") },
]

@Suite("The service protocol covers the SDK")
struct ServiceCoverageTests {
    /// The seed sits in the shared folder beside the checkout (as in CI).
    static func seedOperations() throws -> Set<String> {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let seedFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seed")
        let files = try FileManager.default.contentsOfDirectory(at: seedFolder, includingPropertiesForKeys: nil)
        var names = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"^SegmentsClient\.([a-z_]+)\("#, options: .anchorsMatchLines)
        for file in files where file.pathExtension == "txt" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                if let name = Range(match.range(at: 1), in: text) { names.insert(String(text[name])) }
            }
        }
        return names
    }

    @Test("every operation of the SDK reference has a method, and no row is made up")
    func everySeedOperationHasAMethod() throws {
        let seed = try Self.seedOperations()
        #expect(seed.count >= 35, "the seed lists the SDK's operations")
        #expect(seed.subtracting(operations.keys).isEmpty, "missing: \(seed.subtracting(operations.keys).sorted())")
        // Bulk delete is in SDK 1.33.0 (the HTTP reference, route 19) but not in the seed's pages.
        let referenceOnly: Set<String> = ["delete_samples"]
        #expect(seed.isDisjoint(with: referenceOnly))
        #expect(Set(operations.keys) == seed.union(referenceOnly))
    }
}

@Suite("Walking all pages")
struct AllPagesTests {
    @Test("pages are fetched until a short page, and only as far as the consumer reads")
    func walksUntilShortPage() async throws {
        let requested = RequestLog()
        let pages = AllPages<Int>(perPage: 3) { page, perPage in
            await requested.append(page)
            let all = Array(1...7)
            let start = (page - 1) * perPage
            return Array(all[min(start, all.count)..<min(start + perPage, all.count)])
        }
        var seen: [Int] = []
        for try await item in pages { seen.append(item) }
        #expect(seen == Array(1...7))
        #expect(await requested.pages == [1, 2, 3])

        let lazy = RequestLog()
        let lazyPages = AllPages<Int>(perPage: 2) { page, _ in
            await lazy.append(page)
            return [page * 10, page * 10 + 1]
        }
        var iterator = lazyPages.makeAsyncIterator()
        _ = try await iterator.next()
        _ = try await iterator.next()
        #expect(await lazy.pages == [1])
    }

    @Test("an exact multiple ends at the API's invalid-page answer")
    func endsAtInvalidPage() async throws {
        let pages = AllPages<Int>(perPage: 2) { page, _ in
            guard page <= 2 else { throw SegmentsError.notFound("Invalid page.") }
            return [page, page]
        }
        var count = 0
        for try await _ in pages { count += 1 }
        #expect(count == 4)
    }

    actor RequestLog {
        var pages: [Int] = []
        func append(_ page: Int) { pages.append(page) }
    }
}
