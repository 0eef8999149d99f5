import Foundation
import SegmentsAPI
import SegmentsClient
import Testing

/// Samples: creation, bulk, listing with every filter and sort, pagination edges, updates, deletes.
@Suite("Conformance: samples")
struct SampleConformanceTests {
    static let ds = "jane/cars"

    /// A bboxes dataset with samples a.png (London, priority 5), b.png (Paris, 1), c.png (London, 3).
    static func seeded(_ fx: BackendFixture) async throws -> [String: Sample] {
        _ = try await fx.jane.addDataset(NewDataset(name: "cars", taskType: .bboxes, taskAttributes: bboxTaskAttributes))
        var samples: [String: Sample] = [:]
        for (name, city, priority) in [("b.png", "Paris", 1.0), ("a.png", "London", 5.0), ("c.png", "London", 3.0)] {
            samples[name] = try await fx.jane.addSample(
                ds, NewSample(name: name, attributes: imageAttributes(name), metadata: ["city": .string(city)], priority: priority))
        }
        return samples
    }

    @Test("a sample is created with its fields; the same name again is AlreadyExists", arguments: Backend.allCases)
    func addSample(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let samples = try await Self.seeded(fx)
            let a = try #require(samples["a.png"])
            #expect(a.name == "a.png")
            #expect(a.priority == 5)
            #expect(a.metadata == ["city": "London"])
            #expect(a.createdBy == "jane")
            #expect(a.attributes == imageAttributes("a.png"))
            #expect(a.uuid == a.uuid.lowercased() && a.uuid.count == 36)
            let duplicate = NewSample(name: "a.png", attributes: imageAttributes("a.png"))
            #expect(await errorKind { _ = try await fx.jane.addSample(Self.ds, duplicate) } == "AlreadyExistsError")
            #expect(await errorKind { _ = try await fx.jane.addSample("jane/missing", duplicate) } == "NotFoundError")
        }
    }

    @Test("bulk add returns one sample per input in order, existing names unchanged", arguments: Backend.allCases)
    func addSamples(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let existing = try #require(try await Self.seeded(fx)["a.png"])
            let result = try await fx.jane.addSamples(
                Self.ds,
                [
                    NewSample(name: "d.png", attributes: imageAttributes("d.png"), metadata: ["city": "Rome"]),
                    NewSample(name: "a.png", attributes: imageAttributes("other.png"), priority: 99),
                ])
            #expect(result.map(\.name) == ["d.png", "a.png"])
            #expect(result[1].uuid == existing.uuid)
            #expect(result[1].priority == 5, "the existing sample is returned unchanged")
            #expect(try await fx.jane.getSamples(Self.ds).count == 4)
        }
    }

    @Test("samples are sorted by name by default, and by every offered field in both directions", arguments: Backend.allCases)
    func sorting(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            _ = try await Self.seeded(fx)
            let names = { (sort: SampleSort, direction: SortDirection) in
                try await fx.jane.getSamples(Self.ds, sort: sort, direction: direction).map(\.name)
            }
            #expect(try await fx.jane.getSamples(Self.ds).map(\.name) == ["a.png", "b.png", "c.png"])
            #expect(try await names(.name, .descending) == ["c.png", "b.png", "a.png"])
            #expect(try await names(.priority, .ascending) == ["b.png", "c.png", "a.png"])
            #expect(try await names(.priority, .descending) == ["a.png", "c.png", "b.png"])
            // Created in the order b, a, c.
            #expect(try await names(.createdAt, .ascending) == ["b.png", "a.png", "c.png"])
            #expect(try await names(.createdAt, .descending) == ["c.png", "a.png", "b.png"])
            for sort in [SampleSort.updatedAt, .groundTruthLabelUpdatedAt] {
                #expect(try await Set(names(sort, .ascending)) == ["a.png", "b.png", "c.png"])
            }
        }
    }

    @Test("filters: name substring, metadata key:value (all must match), label status within a labelset", arguments: Backend.allCases)
    func filters(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let samples = try await Self.seeded(fx)
            #expect(try await fx.jane.getSamples(Self.ds, name: "b").map(\.name) == ["b.png"])
            #expect(try await fx.jane.getSamples(Self.ds, name: ".png").count == 3)
            #expect(try await fx.jane.getSamples(Self.ds, name: "zzz").isEmpty)
            let london = [MetadataFilter(key: "city", value: "London")]
            #expect(try await fx.jane.getSamples(Self.ds, metadata: london).map(\.name) == ["a.png", "c.png"])
            let none = london + [MetadataFilter(key: "city", value: "Paris")]
            #expect(try await fx.jane.getSamples(Self.ds, metadata: none).isEmpty)

            let a = try #require(samples["a.png"]).uuid
            let c = try #require(samples["c.png"]).uuid
            _ = try await fx.jane.addLabel(sampleUUID: a, labelset: "ground-truth", attributes: bboxAttributes, labelStatus: .labeled)
            _ = try await fx.jane.addLabel(sampleUUID: c, labelset: "ground-truth", attributes: bboxAttributes, labelStatus: .reviewed)
            let labeled = try await fx.jane.getSamples(Self.ds, labelset: "ground-truth", labelStatus: [.labeled])
            #expect(labeled.map(\.name) == ["a.png"])
            #expect(labeled.first?.label?.labelStatus == .labeled)
            let either = try await fx.jane.getSamples(Self.ds, labelset: "ground-truth", labelStatus: [.labeled, .reviewed])
            #expect(either.map(\.name) == ["a.png", "c.png"])
            let unlabeled = try await fx.jane.getSamples(Self.ds, labelset: "ground-truth", labelStatus: [.unlabeled])
            #expect(unlabeled.map(\.name) == ["b.png"], "a missing label counts as UNLABELED")
            #expect(unlabeled.first?.label == nil)
            let combined = try await fx.jane.getSamples(
                Self.ds, labelset: "ground-truth", name: "c", labelStatus: [.reviewed], metadata: london)
            #expect(combined.map(\.name) == ["c.png"])
        }
    }

    @Test("with a labelset each sample carries a label summary, or the full label when asked", arguments: Backend.allCases)
    func labelsInListing(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let a = try #require(try await Self.seeded(fx)["a.png"]).uuid
            _ = try await fx.jane.addLabel(sampleUUID: a, labelset: "ground-truth", attributes: bboxAttributes, labelStatus: .labeled, score: 0.5)
            let summaries = try await fx.jane.getSamples(Self.ds, labelset: "ground-truth", name: "a")
            #expect(summaries.first?.label?.labelStatus == .labeled)
            #expect(summaries.first?.label?.score == 0.5)
            let full = try await fx.jane.getSamples(Self.ds, labelset: "ground-truth", name: "a", includeFullLabel: true)
            let label = try #require(full.first?.label?.fullLabel)
            #expect(sameJSON(label.attributes?.json, bboxAttributes.json))
            #expect(label.sampleUUID == a)
            #expect(await errorKind { _ = try await fx.jane.getSamples(Self.ds, includeFullLabel: true) } == "ValidationError")
        }
    }

    @Test("pagination: exact pages, a short last page, page 1 of nothing is empty, past the end is NotFound", arguments: Backend.allCases)
    func pagination(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            _ = try await fx.jane.addDataset(NewDataset(name: "cars"))
            #expect(try await fx.jane.getSamples(Self.ds).isEmpty)
            #expect(await errorKind { _ = try await fx.jane.getSamples(Self.ds, perPage: 2, page: 2) } == "NotFoundError")
            let names = (0..<10).map { String(format: "s%02d.png", $0) }
            _ = try await fx.jane.addSamples(Self.ds, names.map { NewSample(name: $0, attributes: imageAttributes($0)) })
            var pages: [[String]] = []
            for page in 1...4 { pages.append(try await fx.jane.getSamples(Self.ds, perPage: 3, page: page).map(\.name)) }
            #expect(pages.flatMap { $0 } == names)
            #expect(pages.map(\.count) == [3, 3, 3, 1])
            #expect(await errorKind { _ = try await fx.jane.getSamples(Self.ds, perPage: 3, page: 5) } == "NotFoundError")
            #expect(await errorKind { _ = try await fx.jane.getSamples(Self.ds, perPage: 5, page: 3) } == "NotFoundError")
            #expect(await errorKind { _ = try await fx.jane.getSamples(Self.ds, perPage: 5, page: 0) } == "NotFoundError")
        }
    }

    @Test("the page walker yields every sample once, in order, for short and exact last pages", arguments: Backend.allCases)
    func allPages(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            _ = try await fx.jane.addDataset(NewDataset(name: "cars"))
            var none = 0
            for try await _ in fx.jane.allSamples(Self.ds) { none += 1 }
            #expect(none == 0)
            let names = (0..<20).map { String(format: "s%02d.png", $0) }
            _ = try await fx.jane.addSamples(Self.ds, names.map { NewSample(name: $0, attributes: imageAttributes($0)) })
            for perPage in [7, 5, 20, 1000] {
                var seen: [String] = []
                for try await sample in fx.jane.allSamples(Self.ds, query: SampleQuery(perPage: perPage)) { seen.append(sample.name) }
                #expect(seen == names, "per_page \(perPage)")
            }
            var descending: [String] = []
            for try await sample in fx.jane.allSamples(Self.ds, query: SampleQuery(direction: .descending, perPage: 6)) {
                descending.append(sample.name)
            }
            #expect(descending == names.reversed())
        }
    }

    @Test("get a sample by uuid (with its dataset and optionally its label); malformed or unknown uuids are NotFound", arguments: Backend.allCases)
    func getSample(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let a = try #require(try await Self.seeded(fx)["a.png"])
            let fetched = try await fx.jane.getSample(a.uuid)
            #expect(fetched.name == "a.png")
            #expect(fetched.datasetFullName == Self.ds)
            #expect(try await fx.jane.getSample(a.uuid, labelset: "ground-truth").label == nil)
            _ = try await fx.jane.addLabel(sampleUUID: a.uuid, labelset: "ground-truth", attributes: bboxAttributes)
            let labeled = try await fx.jane.getSample(a.uuid, labelset: "ground-truth", includeSignedURL: true)
            #expect(labeled.label?.fullLabel?.labelStatus == .prelabeled)
            for uuid in ["12345", "00000000-0000-0000-0000-000000000000"] {
                #expect(await errorKind { _ = try await fx.jane.getSample(uuid) } == "NotFoundError")
            }
        }
    }

    @Test("update changes only the given fields, and null unassigns", arguments: Backend.allCases)
    func updateSample(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let a = try #require(try await Self.seeded(fx)["a.png"])
            _ = try await fx.jane.addDatasetCollaborator(Self.ds, username: "bob")
            let updated = try await fx.jane.updateSample(
                a.uuid, SampleUpdate(metadata: ["city": "Paris"], priority: 9, assignedLabeler: .value("bob")))
            #expect(updated.metadata == ["city": "Paris"])
            #expect(updated.priority == 9)
            #expect(updated.assignedLabeler == "bob")
            #expect(updated.name == "a.png")
            let cleared = try await fx.jane.updateSample(a.uuid, SampleUpdate(assignedLabeler: .null))
            #expect(cleared.assignedLabeler == nil)
            #expect(cleared.priority == 9)
            let renamed = try await fx.jane.updateSample(a.uuid, SampleUpdate(name: "z.png"))
            #expect(try await fx.jane.getSample(a.uuid).name == renamed.name)
            #expect(await errorKind { _ = try await fx.jane.updateSample("12345", SampleUpdate(priority: 1)) } == "NotFoundError")
        }
    }

    @Test("delete one sample, or many by uuid (unknown ones skipped, count returned)", arguments: Backend.allCases)
    func deleteSamples(_ backend: Backend) async throws {
        try await withBackend(backend) { fx in
            let samples = try await Self.seeded(fx)
            let a = try #require(samples["a.png"]).uuid
            let b = try #require(samples["b.png"]).uuid
            try await fx.jane.deleteSample(a)
            #expect(await errorKind { _ = try await fx.jane.getSample(a) } == "NotFoundError")
            #expect(await errorKind { try await fx.jane.deleteSample(a) } == "NotFoundError")
            let count = try await fx.jane.deleteSamples(Self.ds, uuids: [b, "00000000-0000-0000-0000-000000000000"])
            #expect(count == 1)
            #expect(try await fx.jane.getSamples(Self.ds).map(\.name) == ["c.png"])
            #expect(await errorKind { _ = try await fx.jane.deleteSamples(Self.ds, uuids: []) } == "ValidationError")
        }
    }
}
