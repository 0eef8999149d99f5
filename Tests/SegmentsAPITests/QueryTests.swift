import Testing

@testable import SegmentsAPI

@Suite("Queries speak the SDK's query strings")
struct QueryTests {
    private func render(_ items: [(name: String, value: String)]) -> String {
        items.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    @Test("default sample query is per_page, page, sort=name")
    func defaultSampleQuery() {
        #expect(render(SampleQuery().queryItems) == "per_page=1000&page=1&sort=name")
    }

    @Test("every sample parameter appears in the SDK's order with raw values")
    func fullSampleQuery() throws {
        let query = SampleQuery(
            labelset: "ground-truth", name: "b", labelStatuses: [.labeled, .reviewed],
            metadata: [MetadataFilter(key: "city", value: "London"), try MetadataFilter(parsing: "url:http://x")],
            sort: .createdAt, direction: .descending, perPage: 50, page: 2, includeFullLabel: true)
        #expect(
            render(query.queryItems)
                == "per_page=50&page=2&labelset=ground-truth&include_full_label=1&name__contains=b"
                + "&filters=city:London,url:http://x&label_status=LABELED,REVIEWED&sort=-created_at")
    }

    @Test("a server reads back what the client wrote")
    func parseSampleQuery() throws {
        let parsed = try SampleQuery(parameters: [
            "per_page": "50", "page": "2", "labelset": "preds", "include_full_label": "1", "name__contains": "b",
            "filters": "city:London,note:a:b", "label_status": "LABELED,REJECTED", "sort": "-gt_label__updated_at",
        ])
        #expect(parsed.perPage == 50)
        #expect(parsed.page == 2)
        #expect(parsed.labelset == "preds")
        #expect(parsed.includeFullLabel)
        #expect(parsed.metadata == [MetadataFilter(key: "city", value: "London"), MetadataFilter(key: "note", value: "a:b")])
        #expect(parsed.labelStatuses == [.labeled, .rejected])
        #expect(parsed.sort == .groundTruthLabelUpdatedAt)
        #expect(parsed.direction == .descending)
    }

    @Test("what the platform tolerates falls back: odd per_page, unknown sort, filters without a colon")
    func tolerantSampleQueries() throws {
        let unknownSort = try SampleQuery(parameters: ["sort": "-colour"])
        #expect(unknownSort.sort == .name && unknownSort.direction == .ascending)
        #expect(try SampleQuery(parameters: ["per_page": "many"]).perPage == 1000)
        #expect(try SampleQuery(parameters: ["per_page": "0"]).perPage == 1000)
        #expect(try SampleQuery(parameters: ["filters": "city,weather:sunny"]).metadata == [MetadataFilter(key: "weather", value: "sunny")])
        #expect(throws: SegmentsError.validation("\"labeled\" is not a valid label status.")) {
            try SampleQuery(parameters: ["label_status": "labeled"])
        }
        #expect(throws: SegmentsError.notFound("Invalid page.")) { try SampleQuery(parameters: ["page": "two"]) }
        #expect(try WorkunitQuery(parameters: ["sort": "priority", "per_page": "x"]).direction == .descending)
    }

    @Test("every sort value the SDK documents is accepted, `created` as `created_at`")
    func documentedSortValues() throws {
        let rows = try SDKOperationTable.rows(of: "literals.tsv")
        let documented = try #require(rows.first { $0[0] == "get_samples" && $0[1] == "sort" })[2].split(separator: " ")
        #expect(documented.count == 5)
        for value in documented {
            let ascending = try SampleQuery(parameters: ["sort": String(value)])
            let descending = try SampleQuery(parameters: ["sort": "-" + value])
            #expect(SampleSort(wireName: String(value)) != nil, "\(value)")
            #expect(descending.direction == .descending && descending.sort == ascending.sort, "\(value)")
        }
        #expect(try SampleQuery(parameters: ["sort": "-created"]).sort == .createdAt)
        let workunitSorts = try #require(rows.first { $0[0] == "get_workunits" && $0[1] == "sort" })[2].split(separator: " ")
        for value in workunitSorts {
            #expect(try WorkunitQuery(parameters: ["sort": String(value)]).direction == .ascending)
        }
    }

    @Test("workunit query defaults to newest first and passes start and end verbatim")
    func workunitQuery() throws {
        #expect(render(WorkunitQuery().queryItems) == "per_page=1000&page=1&sort=-created_at")
        let query = WorkunitQuery(
            start: "2000-01-01T00:00:00", end: "2100-01-01T00:00:00", direction: .ascending,
            includeSessionTimeMetrics: true)
        #expect(
            render(query.queryItems)
                == "per_page=1000&page=1&sort=created_at&start=2000-01-01T00:00:00&end=2100-01-01T00:00:00"
                + "&include_session_time_metrics=true")
        let parsed = try WorkunitQuery(parameters: ["sort": "created_at", "start": "2000-01-01T00:00:00"])
        #expect(parsed.direction == .ascending)
        #expect(parsed.start == "2000-01-01T00:00:00")
    }

    @Test("pages past the end are invalid, page one never is")
    func pagination() throws {
        #expect(try Pagination.offset(page: 1, perPage: 10, total: 0) == 0)
        #expect(try Pagination.offset(page: 3, perPage: 10, total: 25) == 20)
        #expect(throws: SegmentsError.notFound("Invalid page.")) { try Pagination.offset(page: 4, perPage: 10, total: 30) }
        #expect(throws: SegmentsError.notFound("Invalid page.")) { try Pagination.offset(page: 0, perPage: 10, total: 30) }
        #expect(throws: SegmentsError.notFound("Invalid page.")) { try Pagination.offset(page: -1, perPage: 10, total: 30) }
    }

    @Test("dataset identifiers are owner/name, anything else is not found")
    func datasetIdentifier() throws {
        #expect(try DatasetIdentifier(parsing: "jane/flowers") == DatasetIdentifier(owner: "jane", name: "flowers"))
        for bad in ["abcde", "a/b/c", "/b", "a/", ""] {
            #expect(throws: SegmentsError.notFound("Not found.")) { try DatasetIdentifier(parsing: bad) }
        }
    }
}
