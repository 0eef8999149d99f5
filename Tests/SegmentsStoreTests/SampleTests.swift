import Foundation
import SegmentsAPI
import Testing
@testable import SegmentsStore

@Suite("Samples")
struct SampleTests {
    @Test("add returns the sample with dataset_full_name; a second sample with that name already exists")
    func addSample() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let sample = try await fixture.jane.addSample(
            "jane/cars", NewSample(name: "東京 🚗.jpg", attributes: image("a"), metadata: ["city": "London"], priority: 5))
        #expect(sample.datasetFullName == "jane/cars")
        #expect(sample.priority == 5 && sample.metadata == ["city": "London"] && sample.createdBy == "jane")
        #expect(sample.uuid == sample.uuid.lowercased())
        #expect(sample.createdAt.hasSuffix("Z") && sample.createdAt.count == 27)
        let again = await error {
            try await fixture.jane.addSample("jane/cars", NewSample(name: "東京 🚗.jpg", attributes: image("a")))
        }
        #expect(again == .alreadyExists("A sample with this name already exists."))
        #expect(try await fixture.jane.getSample(sample.uuid).name == "東京 🚗.jpg")
    }

    @Test("bulk add returns existing samples unchanged, in input order")
    func bulkAdd() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let first = try await fixture.jane.addSample(
            "jane/cars", NewSample(name: "a.jpg", attributes: image("a"), metadata: ["v": 1]))
        let result = try await fixture.jane.addSamples("jane/cars", [
            NewSample(name: "c.jpg", attributes: image("c")),
            NewSample(name: "a.jpg", attributes: image("other"), metadata: ["v": 2]),
        ])
        #expect(result.map(\.name) == ["c.jpg", "a.jpg"])
        #expect(result[1].uuid == first.uuid && result[1].metadata == ["v": 1])
        #expect(try await fixture.jane.getDataset("jane/cars").sampleCount == 2)
    }

    @Test("a bulk add with one bad element adds nothing")
    func bulkAddIsAtomic() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let pointcloud = SampleAttributes(json: ["pcd": ["url": "x", "type": "pcd"]])
        let failure = await error {
            try await fixture.jane.addSamples("jane/cars", [
                NewSample(name: "ok.jpg", attributes: image("ok")), NewSample(name: "bad.pcd", attributes: pointcloud),
            ])
        }
        #expect(failure?.kind == "ValidationError")
        #expect(try await fixture.jane.getDataset("jane/cars").sampleCount == 0)
    }

    @Test("attributes that fit no shape, names with control characters and NaN priorities are refused")
    func badSamples() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        for sample in [
            NewSample(name: "x", attributes: SampleAttributes(json: [:])),
            NewSample(name: "a\u{1b}[31m", attributes: image("a")),
            NewSample(name: "  ", attributes: image("a")),
            NewSample(name: "x", attributes: image("a"), priority: .nan),
            NewSample(name: "x", attributes: image("a"), assignedLabeler: "nobody"),
        ] {
            #expect(await error { try await fixture.jane.addSample("jane/cars", sample) }?.kind == "ValidationError")
        }
    }

    @Test("every sort field orders both ways, ties broken by uuid, and pages never overlap")
    func sorting() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        var added: [Sample] = []
        for (index, name) in ["d", "b", "e", "a", "c"].enumerated() {
            added.append(try await fixture.jane.addSample(
                "jane/cars", NewSample(name: name, attributes: image(name), priority: Double(index % 2))))
        }
        let byName = try await fixture.jane.getSamples("jane/cars").map(\.name)
        #expect(byName == ["a", "b", "c", "d", "e"])
        #expect(try await fixture.jane.getSamples("jane/cars", direction: .descending).map(\.name) == byName.reversed())
        #expect(try await fixture.jane.getSamples("jane/cars", sort: .createdAt).map(\.name) == ["d", "b", "e", "a", "c"])
        #expect(try await fixture.jane.getSamples("jane/cars", sort: .createdAt, direction: .descending).map(\.name)
            == ["c", "a", "e", "b", "d"])
        // Priority ties (0 and 1) are ordered by uuid.
        let byPriority = try await fixture.jane.getSamples("jane/cars", sort: .priority)
        let zeros = added.filter { $0.priority == 0 }.map(\.uuid).sorted()
        let ones = added.filter { $0.priority == 1 }.map(\.uuid).sorted()
        #expect(byPriority.map(\.uuid) == zeros + ones)
        #expect(try await fixture.jane.getSamples("jane/cars", sort: .priority, direction: .descending).map(\.uuid)
            == (zeros + ones).reversed())
        // Pages of two over every sort field cover all samples exactly once.
        for sort in SampleSort.allCases {
            for direction in [SortDirection.ascending, .descending] {
                var seen: [String] = []
                for page in 1...3 {
                    seen += try await fixture.jane.getSamples(
                        "jane/cars", sort: sort, direction: direction, perPage: 2, page: page
                    ).map(\.uuid)
                }
                #expect(seen.count == 5 && Set(seen).count == 5, "\(sort) \(direction)")
            }
        }
    }

    @Test("sorting by ground-truth label update time and by update time follows the writes")
    func sortByUpdates() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let samples = try await fixture.samples(["a", "b", "c"])
        _ = try await fixture.jane.addLabel(sampleUUID: samples[2].uuid, labelset: "ground-truth", attributes: boxes())
        _ = try await fixture.jane.addLabel(sampleUUID: samples[0].uuid, labelset: "ground-truth", attributes: boxes())
        // Unlabeled samples (no label time) come first ascending.
        #expect(try await fixture.jane.getSamples("jane/cars", sort: .groundTruthLabelUpdatedAt).map(\.name)
            == ["b", "c", "a"])
        _ = try await fixture.jane.updateSample(samples[0].uuid, SampleUpdate(priority: 3))
        #expect(try await fixture.jane.getSamples("jane/cars", sort: .updatedAt, direction: .descending).first?.name
            == "a")
    }

    @Test("filters: name substring, several label statuses, metadata key:value, combined")
    func filters() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let samples = try await fixture.jane.addSamples("jane/cars", [
            NewSample(name: "london-1.jpg", attributes: image("1"), metadata: ["city": "London", "n": 1, "night": true]),
            NewSample(name: "london-2.jpg", attributes: image("2"), metadata: ["city": "London", "n": 2]),
            NewSample(name: "paris-1.jpg", attributes: image("3"), metadata: ["city": "Paris", "n": 1.0]),
            NewSample(name: "東京-1.jpg", attributes: image("4"), metadata: ["city": "東京"]),
        ])
        _ = try await fixture.jane.addLabel(
            sampleUUID: samples[0].uuid, labelset: "ground-truth", attributes: boxes(), labelStatus: .labeled)
        _ = try await fixture.jane.addLabel(
            sampleUUID: samples[2].uuid, labelset: "ground-truth", attributes: boxes(), labelStatus: .reviewed)

        func names(_ query: SampleQuery) async throws -> [String] {
            try await fixture.jane.getSamples("jane/cars", query: query).map(\.name)
        }
        #expect(try await names(SampleQuery(name: "london")) == ["london-1.jpg", "london-2.jpg"])
        #expect(try await names(SampleQuery(name: "東京")) == ["東京-1.jpg"])
        #expect(try await names(SampleQuery(labelStatuses: [.labeled, .reviewed])) == ["london-1.jpg", "paris-1.jpg"])
        #expect(try await names(SampleQuery(labelStatuses: [.unlabeled])) == ["london-2.jpg", "東京-1.jpg"])
        #expect(try await names(SampleQuery(metadata: [MetadataFilter(key: "city", value: "London")]))
            == ["london-1.jpg", "london-2.jpg"])
        // Values compare as their display strings: 1 and 1.0 are both "1", true is "true".
        #expect(try await names(SampleQuery(metadata: [MetadataFilter(key: "n", value: "1")]))
            == ["london-1.jpg", "paris-1.jpg"])
        #expect(try await names(SampleQuery(metadata: [MetadataFilter(key: "night", value: "true")])) == ["london-1.jpg"])
        #expect(try await names(SampleQuery(
            name: "1", labelStatuses: [.labeled, .unlabeled],
            metadata: [MetadataFilter(key: "city", value: "London"), MetadataFilter(key: "n", value: "1")]))
            == ["london-1.jpg"])
        #expect(try await names(SampleQuery(metadata: [MetadataFilter(key: "city", value: "Rome")])) == [])
    }

    @Test("label status filters read the chosen labelset, where a missing label is UNLABELED")
    func statusFilterOnOtherLabelset() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let samples = try await fixture.samples(["a", "b"])
        _ = try await fixture.jane.addLabelset("jane/cars", name: "preds")
        _ = try await fixture.jane.addLabel(
            sampleUUID: samples[0].uuid, labelset: "preds", attributes: boxes(), labelStatus: .prelabeled, score: 0.5)
        let prelabeled = try await fixture.jane.getSamples(
            "jane/cars", labelset: "preds", labelStatus: [.prelabeled])
        #expect(prelabeled.map(\.name) == ["a"])
        #expect(prelabeled.first?.label == .summary(LabelSummary(
            labelStatus: .prelabeled, score: 0.5, updatedAt: prelabeled.first?.label.flatMap {
                if case .summary(let summary) = $0 { return summary.updatedAt } else { return nil }
            }, createdBy: "jane")))
        #expect(try await fixture.jane.getSamples("jane/cars", labelset: "preds", labelStatus: [.unlabeled])
            .map(\.name) == ["b"])
        // Ground truth has no labels at all.
        #expect(try await fixture.jane.getSamples("jane/cars", labelStatus: [.prelabeled]).isEmpty)
    }

    @Test("lists carry a label summary with a labelset, the full label when asked, and no label without one")
    func labelsInLists() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let samples = try await fixture.samples(["a", "b"])
        _ = try await fixture.jane.addLabel(sampleUUID: samples[0].uuid, labelset: "ground-truth", attributes: boxes())
        let plain = try await fixture.jane.getSamples("jane/cars")
        #expect(plain.allSatisfy { $0.label == nil })
        let summaries = try await fixture.jane.getSamples("jane/cars", labelset: "ground-truth")
        #expect(summaries[0].label?.labelStatus == .prelabeled && summaries[0].label?.fullLabel == nil)
        #expect(summaries[1].label == nil)
        let full = try await fixture.jane.getSamples("jane/cars", labelset: "ground-truth", includeFullLabel: true)
        #expect(full[0].label?.fullLabel?.attributes == boxes())
        #expect(full[0].label?.fullLabel?.sampleUUID == samples[0].uuid)
        let detail = try await fixture.jane.getSample(samples[0].uuid, labelset: "ground-truth?include_signed_urls=1")
        #expect(detail.label?.fullLabel?.labelType == .bboxes)
        // An unknown labelset falls back to none, as the platform answers.
        #expect(try await fixture.jane.getSamples("jane/cars", labelset: "nope").allSatisfy { $0.label == nil })
    }

    @Test("pagination edges: past the end, zero and negative pages, per_page capped at the maximum")
    func pagination() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        try await fixture.samples((0..<5).map { "s\($0)" })
        #expect(try await fixture.jane.getSamples("jane/cars", perPage: 2, page: 3).map(\.name) == ["s4"])
        #expect(await error { try await fixture.jane.getSamples("jane/cars", perPage: 2, page: 4) }
            == .notFound("Invalid page."))
        #expect(await error { try await fixture.jane.getSamples("jane/cars", page: 0) } == .notFound("Invalid page."))
        #expect(await error { try await fixture.jane.getSamples("jane/cars", page: -1) } == .notFound("Invalid page."))
        #expect(try await fixture.jane.getSamples("jane/cars", perPage: 1_000_000).count == 5)
        #expect(try await fixture.jane.getSamples("jane/cars", name: "zzz").isEmpty)
        #expect(await error { try await fixture.jane.getSamples("jane/cars", name: "zzz", page: 2) }
            == .notFound("Invalid page."))
    }

    @Test("update changes the given fields, clears assignees with null, and keeps names unique")
    func update() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let samples = try await fixture.samples(["a", "b"])
        let updated = try await fixture.jane.updateSample(
            samples[0].uuid, SampleUpdate(metadata: ["city": "Paris"], assignedLabeler: .value("bob")))
        #expect(updated.metadata == ["city": "Paris"] && updated.assignedLabeler == "bob" && updated.name == "a")
        #expect(try await fixture.jane.getSamples("jane/cars", metadata: [MetadataFilter(key: "city", value: "Paris")])
            .map(\.name) == ["a"])
        let cleared = try await fixture.jane.updateSample(samples[0].uuid, SampleUpdate(assignedLabeler: .null))
        #expect(cleared.assignedLabeler == nil)
        #expect(await error { try await fixture.jane.updateSample(samples[0].uuid, SampleUpdate(name: "b")) }
            == .alreadyExists("A sample with this name already exists."))
    }

    @Test("delete and bulk delete: unknown and malformed uuids are not found or skipped")
    func delete() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let samples = try await fixture.samples(["a", "b", "c"])
        try await fixture.jane.deleteSample(samples[2].uuid)
        #expect(await error { try await fixture.jane.getSample(samples[2].uuid) } == .notFound("Not found."))
        #expect(await error { try await fixture.jane.deleteSample("12345") } == .notFound("Not found."))
        let count = try await fixture.jane.deleteSamples(
            "jane/cars", uuids: [samples[1].uuid, "00000000-0000-0000-0000-000000000000", "junk", samples[2].uuid])
        #expect(count == 1)
        #expect(try await fixture.jane.getSamples("jane/cars").map(\.name) == ["a"])
    }
}
