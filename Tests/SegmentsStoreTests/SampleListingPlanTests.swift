import Foundation
import GRDB
import SegmentsAPI
import Testing
@testable import SegmentsStore

/// Every documented sort, with and without status and metadata filters, is answered from
/// an index (EXPLAIN QUERY PLAN), never by reading or sorting the whole dataset. Without
/// ANALYZE statistics SQLite plans the same whatever the table holds, so what holds for
/// these 5,200 samples holds for a million (bench/serve.sh times it there).
@Suite("Sample list query plans")
struct SampleListingPlanTests {
    static let common = MetadataFilter(key: "city", value: "Paris")
    static let rare = MetadataFilter(key: "city", value: "Lyon")

    /// jane/cars with 5,200 samples (more than `metadataDriveLimit` in Paris, 3 in Lyon),
    /// statuses and priorities spread; written with SQL, as the seed would.
    static func fixture() async throws -> (Fixture, Int64) {
        let fixture = try await Fixture()
        try await fixture.dataset()
        let id = try await fixture.workspace.database.write { db -> Int64 in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM dataset WHERE name = 'cars'"))
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5200)
                    INSERT INTO sample (uuid, dataset_id, name, metadata, priority, created_by, created_at, updated_at,
                        gt_label_status, gt_label_updated_at)
                    SELECT lower(hex(randomblob(16))), ?, printf('s%05d', (i * 7919) % 5200), '{}', i % 11, 'jane',
                        printf('2025-03-01T00:00:%05dZ', i), printf('2025-03-02T00:00:%05dZ', (i * 31) % 5200),
                        CASE i % 4 WHEN 0 THEN 'UNLABELED' WHEN 1 THEN 'LABELED' WHEN 2 THEN 'REVIEWED' ELSE 'VERIFIED' END,
                        CASE i % 4 WHEN 0 THEN NULL ELSE printf('2025-03-03T00:00:%05dZ', (i * 17) % 5200) END
                    FROM n
                    """, arguments: [id])
            try db.execute(sql: """
                INSERT INTO sample_metadata (sample_id, meta_key, meta_value)
                SELECT id, 'city', CASE WHEN id % 1000 = 7 THEN 'Lyon' ELSE 'Paris' END FROM sample;
                """)
            return id
        }
        return (fixture, id)
    }

    /// The plan's lines that read `table` through an index.
    static func searches(of table: String, in lines: [String]) -> [String] {
        var found: [String] = []
        for line in lines where line.hasPrefix("SEARCH \(table) ") { found.append(line) }
        return found
    }

    static func planLines(_ db: Database, _ plan: SampleListing.Plan) throws -> [String] {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + plan.sql, arguments: plan.arguments).map { $0["detail"] }
    }

    @Test("sorts, status filters and a common metadata value read an index in order; a rare value drives")
    func plans() async throws {
        let (fixture, datasetID) = try await Self.fixture()
        try await fixture.workspace.database.read { db in
            let groundTruth = try LabelsetRow.find(db, datasetID: datasetID, name: "ground-truth")
            for sort in SampleSort.allCases {
                for direction in SortDirection.allCases {
                    for statuses in [[], [LabelStatus.labeled], [.labeled, .reviewed, .unlabeled]] {
                        for metadata in [[], [Self.common], [Self.rare], [Self.common, Self.rare]] {
                            for (labelset, selection) in [(nil, SampleListing.Selection.rows), (groundTruth, .page)] {
                                for page in [1, 40] {
                                    let query = SampleQuery(
                                        labelset: labelset?.name, labelStatuses: statuses, metadata: metadata,
                                        sort: sort, direction: direction, perPage: 100, page: page)
                                    let plan = try SampleListing.plan(
                                        db, datasetID: datasetID, query: query, labelset: labelset,
                                        window: PageWindow(page: page, perPage: 100), selection: selection)
                                    let lines = try Self.planLines(db, plan)
                                    let where_ = "\(sort) \(direction) \(statuses) \(metadata) page \(page): \(lines)"
                                    // Never the whole table, never all of the dataset's rows in an index.
                                    #expect(!lines.contains { $0.hasPrefix("SCAN") }, "\(where_)")
                                    let sampleLines = Self.searches(of: "sample", in: lines)
                                    #expect(!sampleLines.isEmpty, "\(where_)")
                                    if metadata.contains(Self.rare) {
                                        // The few samples of the rare value, fetched by id, then sorted.
                                        #expect(lines.contains { $0.contains("sample_metadata_lookup (meta_key=? AND meta_value=?)") }
                                            && sampleLines.allSatisfy { $0.contains("INTEGER PRIMARY KEY (rowid=?)") },
                                            "\(where_)")
                                    } else {
                                        #expect(!lines.contains { $0.contains("TEMP B-TREE") }, "\(where_)")
                                        let indexed = statuses.isEmpty ? "(dataset_id=?)" : "(dataset_id=? AND gt_label_status=?)"
                                        #expect(sampleLines.allSatisfy { $0.contains(indexed) }, "\(where_)")
                                        #expect(sampleLines.count == max(1, statuses.count), "\(where_)")
                                    }
                                    if metadata.contains(Self.common) && !metadata.contains(Self.rare) {
                                        #expect(lines.contains { $0.contains("sample_metadata USING PRIMARY KEY (sample_id=? AND meta_key=?)") },
                                                "\(where_)")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("both metadata strategies, the status arms and pages from the far end give the rows of a plain filter")
    func sameRows() async throws {
        let (fixture, _) = try await Self.fixture()
        let jane = fixture.jane
        for sort in SampleSort.allCases {
            for direction in SortDirection.allCases {
                let all = try await jane.getSamples("jane/cars", query: SampleQuery(sort: sort, direction: direction))
                    + jane.getSamples("jane/cars", query: SampleQuery(sort: sort, direction: direction, page: 2))
                    + jane.getSamples("jane/cars", query: SampleQuery(sort: sort, direction: direction, page: 3))
                    + jane.getSamples("jane/cars", query: SampleQuery(sort: sort, direction: direction, page: 4))
                    + jane.getSamples("jane/cars", query: SampleQuery(sort: sort, direction: direction, page: 5))
                    + jane.getSamples("jane/cars", query: SampleQuery(sort: sort, direction: direction, page: 6))
                #expect(all.count == 5_200)
                let statusOf = try await fixture.workspace.database.read { db in
                    try Dictionary(
                        uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT uuid, gt_label_status FROM sample").map {
                            ($0["uuid"] as String, $0["gt_label_status"] as String)
                        })
                }
                let cityOf = try await fixture.workspace.database.read { db in
                    try Dictionary(
                        uniqueKeysWithValues: Row.fetchAll(
                            db, sql: "SELECT sample.uuid, meta_value FROM sample JOIN sample_metadata ON sample_id = sample.id"
                        ).map { ($0["uuid"] as String, $0["meta_value"] as String) })
                }
                let cases: [([LabelStatus], [MetadataFilter])] = [
                    ([.labeled, .verified], []), ([.reviewed], []), ([], [Self.common]), ([], [Self.rare]),
                    ([.labeled, .reviewed], [Self.common]), ([.verified, .unlabeled], [Self.rare]),
                ]
                for (statuses, metadata) in cases {
                    let expected = all.filter { sample in
                        (statuses.isEmpty || statuses.map(\.rawValue).contains(statusOf[sample.uuid] ?? ""))
                            && metadata.allSatisfy { cityOf[sample.uuid] == $0.value }
                    }.map(\.uuid)
                    #expect(!expected.isEmpty, "\(statuses) \(metadata)")
                    for page in 1...max(1, (expected.count + 299) / 300) {
                        let query = SampleQuery(
                            labelStatuses: statuses, metadata: metadata, sort: sort, direction: direction, perPage: 300,
                            page: page)
                        let rows = try await jane.getSamples("jane/cars", query: query).map(\.uuid)
                        #expect(rows == Array(expected.dropFirst((page - 1) * 300).prefix(300)),
                                "\(sort) \(direction) \(statuses) \(metadata) page \(page)")
                    }
                }
            }
        }
    }
}
