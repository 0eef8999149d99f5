import Foundation
import SegmentsAPI
import SegmentsClient
import Testing

/// One operation and the request the SDK would send for it (reference sections 2–3).
struct WireCase: Sendable, CustomTestStringConvertible {
    let name: String
    let method: String
    let target: String
    /// Compared as JSON values (key order and spacing do not matter); nil means no body.
    let body: String?
    let call: @Sendable (SegmentsClient) async throws -> Void

    var testDescription: String { name }

    init(
        _ name: String, _ method: String, _ target: String, body: String? = nil,
        _ call: @escaping @Sendable (SegmentsClient) async throws -> Void
    ) {
        self.name = name
        self.method = method
        self.target = target
        self.body = body
        self.call = call
    }
}

private let ds = "jane/ds"
private let uuid = "602a3eec-a61c-4a77-9fcc-3037ce5e9606"
private let imageAttributes = SampleAttributes(json: ["image": ["url": "http://x/a.png"]])
private let bboxLabel = LabelAttributes(json: [
    "format_version": "0.1",
    "annotations": [["id": 1, "category_id": 1, "type": "bbox", "points": [[1.0, 2.0], [3.0, 4.0]]]],
])

let wireCases: [WireCase] = [
    WireCase("get_user()", "GET", "/user") { _ = try await $0.getUser() },
    WireCase("get_user(u)", "GET", "/users/bob") { _ = try await $0.getUser("bob") },
    WireCase("get_datasets()", "GET", "/user/datasets/?per_page=1000&page=1") { _ = try await $0.getDatasets() },
    WireCase("get_datasets(user, paged)", "GET", "/users/bob/datasets/?per_page=5&page=2") {
        _ = try await $0.getDatasets(user: "bob", perPage: 5, page: 2)
    },
    WireCase(
        "add_dataset defaults", "POST", "/user/datasets/",
        body: """
            {"name": "ds", "description": "", "task_type": "segmentation-bitmap",
             "task_attributes": {"format_version": "0.1", "categories": [{"name": "object", "id": 1}]},
             "category": "other", "public": false, "readme": "", "labeling_inactivity_timeout_seconds": 300,
             "enable_skip_labeling": true, "enable_skip_reviewing": false, "enable_ratings": false,
             "enable_interpolation": true, "enable_same_dimensions_track_constraint": false,
             "enable_save_button": false, "enable_label_status_verified": false, "enable_3d_cuboid_rotation": false,
             "enable_3d_region_of_interest": false, "enable_confirm_on_submit": false, "archived": false,
             "data_type": "IMAGE"}
            """
    ) { _ = try await $0.addDataset(NewDataset(name: "ds")) },
    WireCase("add_dataset(organization)", "POST", "/organizations/acme/datasets/") {
        _ = try await $0.addDataset(NewDataset(name: "ds", organization: "acme"))
    },
    WireCase("get_dataset", "GET", "/datasets/jane/ds/") { _ = try await $0.getDataset(ds) },
    WireCase("get_dataset(one segment)", "GET", "/datasets/abcde/") { _ = try await $0.getDataset("abcde") },
    WireCase("get_dataset(escaped name)", "GET", "/datasets/jane/my%20set%3Fx%2Fy%23z/") {
        _ = try await $0.getDataset("jane/my set?x/y#z")
    },
    WireCase("update_dataset", "PATCH", "/datasets/jane/ds/", body: #"{"description": "d2", "metadata": {}}"#) {
        _ = try await $0.updateDataset(ds, DatasetUpdate(description: "d2", metadata: [:]))
    },
    WireCase("delete_dataset", "DELETE", "/datasets/jane/ds/") { try await $0.deleteDataset(ds) },
    WireCase("clone_dataset defaults", "POST", "/datasets/jane/ds/clone/", body: #"{"name": "ds-clone", "clone_labels": false}"#) {
        _ = try await $0.cloneDataset(ds)
    },
    WireCase(
        "clone_dataset all", "POST", "/datasets/jane/ds/clone/",
        body: #"{"name": "copy", "task_type": "bboxes", "public": true, "owner": "acme", "clone_labels": true}"#
    ) {
        _ = try await $0.cloneDataset(
            ds, newName: "copy", newTaskType: .bboxes, newPublic: true, organization: "acme", cloneLabels: true)
    },
    WireCase("get_dataset_collaborator", "GET", "/datasets/jane/ds/collaborators/bob") {
        _ = try await $0.getDatasetCollaborator(ds, username: "bob")
    },
    WireCase(
        "add_dataset_collaborator", "POST", "/datasets/jane/ds/collaborators/", body: #"{"user": "bob", "role": "labeler"}"#
    ) { _ = try await $0.addDatasetCollaborator(ds, username: "bob") },
    WireCase("update_dataset_collaborator", "PATCH", "/datasets/jane/ds/collaborators/bob", body: #"{"role": "admin"}"#) {
        _ = try await $0.updateDatasetCollaborator(ds, username: "bob", role: .admin)
    },
    WireCase("delete_dataset_collaborator", "DELETE", "/datasets/jane/ds/collaborators/bob") {
        try await $0.deleteDatasetCollaborator(ds, username: "bob")
    },
    WireCase("get_samples defaults", "GET", "/datasets/jane/ds/samples/?per_page=1000&page=1&sort=name") {
        _ = try await $0.getSamples(ds)
    },
    WireCase(
        "get_samples every filter", "GET",
        "/datasets/jane/ds/samples/?per_page=50&page=2&labelset=ground-truth&include_full_label=1"
            + "&name__contains=a%20b%26c&filters=city:London,weather:sunny%20day&label_status=LABELED,REVIEWED"
            + "&sort=-created_at"
    ) {
        _ = try await $0.getSamples(
            ds, labelset: "ground-truth", name: "a b&c", labelStatus: [.labeled, .reviewed],
            metadata: [MetadataFilter(key: "city", value: "London"), MetadataFilter(key: "weather", value: "sunny day")],
            sort: .createdAt, direction: .descending, perPage: 50, page: 2, includeFullLabel: true)
    },
    WireCase("get_sample", "GET", "/samples/\(uuid)/") { _ = try await $0.getSample(uuid) },
    WireCase("get_sample(labelset, signed)", "GET", "/samples/\(uuid)/?labelset=gt&include_signed_urls=1") {
        _ = try await $0.getSample(uuid, labelset: "gt", includeSignedURL: true)
    },
    WireCase(
        "add_sample", "POST", "/datasets/jane/ds/samples/",
        body: #"{"name": "a.png", "attributes": {"image": {"url": "http://x/a.png"}}, "priority": 0, "readme": "", "metadata": {"city": "London"}}"#
    ) {
        _ = try await $0.addSample(ds, NewSample(name: "a.png", attributes: imageAttributes, metadata: ["city": "London"]))
    },
    WireCase(
        "add_samples", "POST", "/datasets/jane/ds/samples_bulk/",
        body: #"[{"name": "a.png", "attributes": {"image": {"url": "http://x/a.png"}}, "priority": 0, "readme": ""}]"#
    ) { _ = try await $0.addSamples(ds, [NewSample(name: "a.png", attributes: imageAttributes)]) },
    WireCase("update_sample unassigns with null", "PATCH", "/samples/\(uuid)/", body: #"{"priority": 3, "assigned_labeler": null}"#) {
        _ = try await $0.updateSample(uuid, SampleUpdate(priority: 3, assignedLabeler: .null))
    },
    WireCase("delete_sample", "DELETE", "/samples/\(uuid)/") { try await $0.deleteSample(uuid) },
    WireCase("delete_samples", "DELETE", "/datasets/jane/ds/samples_bulk/", body: #"{"uuids": ["\#(uuid)"]}"#) {
        _ = try await $0.deleteSamples(ds, uuids: [uuid])
    },
    WireCase("get_label default labelset", "GET", "/labels/\(uuid)/ground-truth/") {
        _ = try await $0.getLabel(sampleUUID: uuid)
    },
    WireCase(
        "add_label is a PUT", "PUT", "/labels/\(uuid)/ground-truth/",
        body: #"{"label_status": "PRELABELED", "attributes": {"format_version": "0.1", "annotations": [{"id": 1, "category_id": 1, "type": "bbox", "points": [[1.0, 2.0], [3.0, 4.0]]}]}}"#
    ) { _ = try await $0.addLabel(sampleUUID: uuid, labelset: "ground-truth", attributes: bboxLabel) },
    WireCase("update_label", "PATCH", "/labels/\(uuid)/gt/", body: #"{"label_status": "LABELED", "score": 0.9}"#) {
        _ = try await $0.updateLabel(sampleUUID: uuid, labelset: "gt", labelStatus: .labeled, score: 0.9)
    },
    WireCase("delete_label", "DELETE", "/labels/\(uuid)/gt/") { try await $0.deleteLabel(sampleUUID: uuid, labelset: "gt") },
    WireCase("get_labelsets", "GET", "/datasets/jane/ds/labelsets/") { _ = try await $0.getLabelsets(ds) },
    WireCase("get_labelset", "GET", "/datasets/jane/ds/labelsets/preds/") { _ = try await $0.getLabelset(ds, name: "preds") },
    WireCase(
        "add_labelset sends attributes as a string", "POST", "/datasets/jane/ds/labelsets/",
        body: #"{"name": "preds", "description": "", "attributes": "{}"}"#
    ) { _ = try await $0.addLabelset(ds, name: "preds") },
    WireCase("delete_labelset", "DELETE", "/datasets/jane/ds/labelsets/preds/") { try await $0.deleteLabelset(ds, name: "preds") },
    WireCase("get_issues", "GET", "/datasets/jane/ds/issues/") { _ = try await $0.getIssues(ds) },
    WireCase("add_issue", "POST", "/samples/\(uuid)/issues/", body: #"{"description": "fix", "status": "OPEN"}"#) {
        _ = try await $0.addIssue(sampleUUID: uuid, description: "fix")
    },
    WireCase("update_issue", "PATCH", "/issues/i-1/", body: #"{"status": "CLOSED"}"#) {
        _ = try await $0.updateIssue("i-1", status: .closed)
    },
    WireCase("delete_issue", "DELETE", "/issues/i-1/") { try await $0.deleteIssue("i-1") },
    WireCase("get_releases", "GET", "/datasets/jane/ds/releases/") { _ = try await $0.getReleases(ds) },
    WireCase("get_release", "GET", "/datasets/jane/ds/releases/v1/") { _ = try await $0.getRelease(ds, name: "v1") },
    WireCase("add_release", "POST", "/datasets/jane/ds/releases/", body: #"{"name": "v1", "description": ""}"#) {
        _ = try await $0.addRelease(ds, name: "v1")
    },
    WireCase("delete_release", "DELETE", "/datasets/jane/ds/releases/v1/") { try await $0.deleteRelease(ds, name: "v1") },
    WireCase("get_workunits defaults (newest first)", "GET", "/datasets/jane/ds/workunits/?per_page=1000&page=1&sort=-created_at") {
        _ = try await $0.getWorkunits(ds)
    },
    WireCase(
        "get_workunits every option", "GET",
        "/datasets/jane/ds/workunits/?per_page=10&page=3&sort=created_at&start=2000-01-01T00:00:00"
            + "&end=2100-01-01T00:00:00&include_session_time_metrics=true"
    ) {
        _ = try await $0.getWorkunits(
            ds,
            query: WorkunitQuery(
                start: "2000-01-01T00:00:00", end: "2100-01-01T00:00:00", direction: .ascending, perPage: 10, page: 3,
                includeSessionTimeMetrics: true))
    },
    WireCase("upload_asset step 1", "POST", "/assets/", body: #"{"filename": "a.png"}"#) {
        _ = try await $0.uploadAsset(Data([1, 2, 3]), filename: "a.png")
    },
    WireCase("api status", "GET", "/api_status/?lib_version=1.33.0") { try await $0.checkAPIStatus() },
]

@Suite("Wire format: what the client sends")
struct WireFormatTests {
    @Test("each operation sends the SDK's method, exact path and query, and body", arguments: wireCases)
    func sendsTheSDKRequest(_ wire: WireCase) async throws {
        try await withFaultServer { client, server in
            _ = await caught { try await wire.call(client) }
            let recorded = await server.recorded
            try #require(recorded.count == 1, "expected exactly one request, got \(recorded.map(\.target))")
            let request = recorded[0]
            #expect(request.method == wire.method)
            #expect(request.target == wire.target)
            #expect(request.headers["authorization"] == "APIKey \(testKey)")
            if let expected = wire.body {
                #expect(request.headers["content-type"] == "application/json")
                #expect(try parseJSON(request.body) == parseJSON(expected), "body: \(request.bodyText)")
            } else if wire.method == "GET" || wire.method == "DELETE" {
                #expect(request.body.isEmpty, "unexpected body: \(request.bodyText)")
            }
        }
    }

    @Test("a path in the base URL is dropped, as urljoin does in the SDK")
    func baseURLPathIsDropped() async throws {
        let server = try await FaultServer.start()
        let client = try SegmentsClient(apiKey: "k", baseURL: server.baseURL + "api/v1/")
        _ = await caught { _ = try await client.getUser() }
        try await client.shutdown()
        await server.stop()
        #expect(await server.recorded.map(\.target) == ["/user"])
    }

    @Test("an empty API key sends no Authorization header")
    func emptyKeySendsNoAuthorization() async throws {
        try await withFaultServer(apiKey: "") { client, server in
            _ = await caught { _ = try await client.getUser() }
            #expect(await server.recorded.first?.headers["authorization"] == nil)
        }
    }

    @Test("a base URL that is not http(s) is refused before any request")
    func invalidBaseURLIsRefused() throws {
        #expect(throws: SegmentsError.self) { try SegmentsClient(apiKey: "k", baseURL: "ftp://example.com/") }
        #expect(throws: SegmentsError.self) { try SegmentsClient(apiKey: "k", baseURL: "example.com") }
    }

    @Test("configuration comes from SEGMENTS_API_KEY and SEGMENTS_API_URL; no key is an authentication error")
    func configurationFromEnvironment() throws {
        let configuration = try SegmentsClientConfiguration.fromEnvironment(
            ["SEGMENTS_API_KEY": "abc", "SEGMENTS_API_URL": "http://127.0.0.1:9/"])
        #expect(configuration.apiKey == "abc")
        #expect(configuration.baseURL == "http://127.0.0.1:9/")
        #expect(try SegmentsClientConfiguration.fromEnvironment(["SEGMENTS_API_KEY": "abc"]).baseURL == "https://api.segments.ai/")
        #expect {
            _ = try SegmentsClientConfiguration.fromEnvironment([:])
        } throws: { error in
            if case SegmentsError.authentication = error { return true }
            return false
        }
    }

    @Test("bulk delete of no samples or more than 1000 is refused locally, as in the SDK")
    func bulkDeleteLimitsAreLocal() async throws {
        try await withFaultServer { client, server in
            for uuids in [[], Array(repeating: "x", count: 1001)] {
                let error = await segmentsError { _ = try await client.deleteSamples(ds, uuids: uuids) }
                guard case .validation = error else { Issue.record("got \(String(describing: error))"); continue }
            }
            #expect(await server.recorded.isEmpty)
        }
    }
}
