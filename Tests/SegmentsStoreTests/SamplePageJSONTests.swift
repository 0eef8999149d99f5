import Foundation
import GRDB
import SegmentsAPI
import Testing
@testable import SegmentsStore

/// The samples page the server sends is written by `SamplePageWriter` with the stored
/// JSON spliced in; it must read, value for value as Python reads it (integers apart
/// from floats), like the models encoded by the server's encoder.
@Suite("Sample pages as JSON")
struct SamplePageJSONTests {
    /// What `serve` used before: the models through Foundation's encoder (JSONCoding.encoder).
    static func encoded(_ samples: [Sample]) throws -> PythonJSON {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try PythonJSON.parse(encoder.encode(samples))
    }

    /// The same JSON, or the same error (a page past the end).
    static func expectSame(_ store: SegmentsStore, _ dataset: String, _ query: SampleQuery) async throws {
        let refused = await error { try await store.getSamples(dataset, query: query) }
        if let refused {
            #expect(await error { try await store.getSamplesJSON(dataset, query: query) } == refused)
            return
        }
        let spliced = try PythonJSON.parse(try await store.getSamplesJSON(dataset, query: query))
        let models = try encoded(try await store.getSamples(dataset, query: query))
        #expect(spliced == models, "\(dataset) \(query)")
        #expect(models != .array([]) || query.page > 1 || query.name != nil || !query.labelStatuses.isEmpty)
    }

    static let queries: [SampleQuery] = [
        SampleQuery(),
        SampleQuery(perPage: 7, page: 2),
        SampleQuery(labelset: "ground-truth"),
        SampleQuery(labelset: "ground-truth", includeFullLabel: true),
        SampleQuery(labelset: "predictions", includeFullLabel: true),
        SampleQuery(labelset: "predictions", labelStatuses: [.unlabeled, .prelabeled]),
        SampleQuery(labelset: "no-such-labelset"),
        SampleQuery(labelStatuses: [.labeled, .reviewed], sort: .priority, direction: .descending),
        SampleQuery(sort: .groundTruthLabelUpdatedAt, perPage: 5, page: 3),
        SampleQuery(sort: .createdAt, direction: .descending, perPage: 4, page: 5),
        SampleQuery(name: "0"),
    ]

    @Test("every demo dataset, with and without labels, reads the same spliced as encoded")
    func demoDatasets() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segments-page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try await Workspace(folder: folder, options: WorkspaceOptions(releaseJobs: .held))
        let summary = try await DemoSeed.seed(
            into: workspace, samplesPerDataset: 24, largeDatasetSamples: 30, randomSeed: 3,
            now: Date(timeIntervalSince1970: 1_780_000_000))
        // Under serve the workspace's pictures become the server's URLs: the marker is replaced in the splice.
        let store = workspace.store(actingAs: "jane", baseURL: "http://127.0.0.1:8321")
        for dataset in summary.datasets {
            for query in Self.queries { try await Self.expectSame(store, dataset, query) }
        }
        let page = try await store.getSamplesJSON("jane/street-scenes", query: SampleQuery(labelset: "ground-truth"))
        let text = String(decoding: page, as: UTF8.self)
        #expect(text.contains("\"http://127.0.0.1:8321/assets/") && !text.contains("segments-workspace:"))
        await workspace.shutdown()
    }

    @Test("odd stored JSON: whole floats, exponents, negative zero, huge numbers, escapes, markers inside strings")
    func oddStoredText() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let samples = try await fixture.jane.addSamples("jane/cars", [
            NewSample(
                name: "q\"uote\\back/slash 東京 🚗", attributes: image("a"),
                metadata: [
                    "whole": .double(120.0), "negative zero": .double(-0.0), "half": 0.5, "tiny": .double(1e-7),
                    "big": .double(1e20), "huge int": .int(Int64.max), "nested": ["a": [1, 2.5, nil, true, "x"]],
                    "empty": [:], "list": [], "text": "line\nbreak \"quoted\" \u{1}\t \u{7f} \u{2028}",
                ],
                priority: 2.5, readme: "# read me\n\"really\"\u{1b}[31m"),
            NewSample(name: "plain", attributes: image("b"), priority: -0.0),
            NewSample(name: "assigned", attributes: image("c"), priority: 1e16, assignedLabeler: "bob",
                      assignedReviewer: "carol"),
        ])
        _ = try await fixture.jane.addLabel(
            sampleUUID: samples[0].uuid, labelset: "ground-truth", attributes: boxes(2), labelStatus: .reviewed, score: 0.75)
        _ = try await fixture.jane.addLabel(
            sampleUUID: samples[1].uuid, labelset: "ground-truth", attributes: boxes(), labelStatus: .labeled, score: 3)
        // Texts no writer of ours produces, as an older build or a hand edit might have left them.
        let oddTexts: [(String, String)] = [
            (#"{"a":120.0,"b":1e2,"c":-0.0,"d":1E+2,"e":0.5e1,"f":12345678901234567.0,"g":9007199254740993.0}"#,
             #"{"image":{"url":"segments-workspace:assets/x/a.png"}}"#),
            (#"{"h":123456789012345678901234567890,"i":-0,"j":1.0000000000000001,"k":9223372036854775807,"l":1e-400}"#,
             #"{"image":{"url":"x \"segments-workspace:not-at-start"},"k":"\"segments-workspace:escaped"}"#),
            (#"{"m":"\u001b[31m","n":"\ud83d\ude97","o":"a\/b"}"#, #"null"#),
        ]
        try await fixture.workspace.database.write { db in
            for (index, (metadata, attributes)) in oddTexts.enumerated() {
                try db.execute(
                    sql: "UPDATE sample SET metadata = ?, attributes = ? WHERE uuid = ?",
                    arguments: [metadata, attributes, samples[index].uuid])
            }
        }
        for query in Self.queries + [SampleQuery(labelset: "ground-truth", labelStatuses: [.reviewed])] {
            try await Self.expectSame(fixture.jane, "jane/cars", query)
        }
    }

    @Test("stored number tokens are written as the decoder-and-encoder round trip writes them")
    func numberTokens() throws {
        let tokens = [
            "0", "-0", "7", "-12", "120.0", "1e2", "1E2", "-0.0", "0.5", "1e-05", "1e+20", "1.5e300", "0.1",
            "12345678901234567.0", "9007199254740993.0", "9007199254740992.0", "123456789012345678",
            "1234567890123456789", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "1.0000000000000001", "100e-2", "5e-324", "4.5e15", "9.2e18", "-3.0e1",
        ]
        for token in tokens {
            let stored = Array("[\(token)]".utf8)
            var output = JSONBytes(capacity: 64)
            stored.withUnsafeBytes { output.storedJSON($0, workspaceURL: WorkspaceURLBytes(baseURL: "http://x")) }
            let roundTrip = try JSONEncoder().encode(JSONDecoder().decode([JSONValue].self, from: Data(stored)))
            #expect(try PythonJSON.parse(output.bytes) == PythonJSON.parse(roundTrip), "\(token)")
        }
    }

    @Test("a page read from the far end holds the same rows, in the same order, as reading forward")
    func pagesFromTheEnd() async throws {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let samples = try await fixture.samples((0..<57).map { String(format: "s%03d", ($0 * 37) % 57) })
        for (index, sample) in samples.enumerated() where index % 3 != 0 {
            _ = try await fixture.jane.updateSample(sample.uuid, SampleUpdate(priority: Double(index % 4)))
            _ = try await fixture.jane.addLabel(
                sampleUUID: sample.uuid, labelset: "ground-truth", attributes: boxes(),
                labelStatus: index % 2 == 0 ? .labeled : .reviewed)
        }
        for sort in SampleSort.allCases {
            for direction in [SortDirection.ascending, .descending] {
                for statuses in [[], [LabelStatus.labeled], [.labeled, .unlabeled]] {
                    let all = try await fixture.jane.getSamples(
                        "jane/cars", query: SampleQuery(labelStatuses: statuses, sort: sort, direction: direction))
                    for perPage in [5, 10, 25] {
                        let pages = (all.count + perPage - 1) / perPage
                        for page in 1...max(1, pages) {
                            let query = SampleQuery(
                                labelStatuses: statuses, sort: sort, direction: direction, perPage: perPage, page: page)
                            let expected = Array(all.dropFirst((page - 1) * perPage).prefix(perPage)).map(\.uuid)
                            #expect(try await fixture.jane.getSamples("jane/cars", query: query).map(\.uuid) == expected)
                            let json = try PythonJSON.parse(try await fixture.jane.getSamplesJSON("jane/cars", query: query))
                            guard case .array(let items) = json else { Issue.record("not an array"); continue }
                            #expect(items.map { item -> String in
                                if case .object(let object) = item, case .string(let uuid)? = object["uuid"] { return uuid }
                                return ""
                            } == expected)
                        }
                        let past = SampleQuery(labelStatuses: statuses, sort: sort, perPage: perPage, page: pages + 1)
                        if pages >= 1 {
                            #expect(await error { try await fixture.jane.getSamplesJSON("jane/cars", query: past) }
                                == .notFound("Invalid page."))
                        }
                    }
                }
            }
        }
    }
}
