import Foundation
import Testing

@testable import SegmentsAPI

/// Each operation of the SDK, with a call of the protocol method that stands
/// for it. The calls are only compiled, never run: the compiler checks each
/// method exists with the SDK's parameters, and the test checks this table
/// against the SDK's operations (Tests/sdk-reference/operations.tsv).
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

/// The SDK's operations and their parameters: a fact list kept in the repository
/// (Tests/sdk-reference/operations.tsv), so a plain clone tests on its own.
struct SDKOperationTable {
    /// Operation name → parameter names, in the SDK's order.
    let parameters: [String: [String]]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sdk-reference")

    /// Data lines of a tab-separated table: comments (`#`) and blank lines skipped.
    static func rows(of file: String) throws -> [[String]] {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    init() throws {
        var parameters: [String: [String]] = [:]
        for row in try Self.rows(of: "operations.tsv") {
            guard row.count == 2 else { throw TableError.malformed(row.joined(separator: "\t")) }
            // `role=Role.LABELER` → `role`; defaults hold no commas, so a comma split is exact.
            parameters[row[0]] = row[1].split(separator: ",").map {
                String($0.split(separator: "=")[0]).trimmingCharacters(in: .whitespaces)
            }
        }
        self.parameters = parameters
    }

    enum TableError: Error { case malformed(String) }
}

@Suite("The service protocol covers the SDK")
struct ServiceCoverageTests {
    @Test("every operation of the SDK has a method, and no row is made up")
    func everySDKOperationHasAMethod() throws {
        let table = try SDKOperationTable()
        let documented = Set(table.parameters.keys)
        #expect(documented.count >= 36, "the table lists the SDK's operations")
        #expect(documented.subtracting(operations.keys).isEmpty, "missing: \(documented.subtracting(operations.keys).sorted())")
        #expect(Set(operations.keys).subtracting(documented).isEmpty, "made up: \(Set(operations.keys).subtracting(documented).sorted())")
    }

    @Test("the table names each operation's parameters once, as Python identifiers")
    func tableIsWellFormed() throws {
        let table = try SDKOperationTable()
        for (operation, parameters) in table.parameters {
            #expect(Set(parameters).count == parameters.count, "\(operation) repeats a parameter")
            #expect(parameters.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } }, "\(operation): \(parameters)")
        }
        #expect(table.parameters["get_samples"]?.contains("sort") == true)
        #expect(table.parameters["add_dataset"]?.first == "name")
        #expect(table.parameters["get_label"] == ["sample_uuid", "labelset"])
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
