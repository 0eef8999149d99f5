import GRDB
import SegmentsAPI

/// Writes a page of samples (rows of `SampleListing.pageColumns`, then `labelColumns`
/// when a labelset is asked for) as the JSON array `[Sample]` encodes to, field for
/// field what `sampleResponse`, `labelSummary` and `labelResponse` build: the same keys,
/// present and absent in the same cases, in the encoder's order. Text columns are
/// escaped from SQLite's UTF-8; stored JSON is spliced (`JSONBytes.storedJSON`).
struct SamplePageWriter {
    private var output: JSONBytes
    /// Where each sample's object starts in `output`, to reverse a page read backwards.
    private var starts: [Int] = []
    private let datasetFullName: [UInt8]
    private let labelset: (name: [UInt8], taskType: [UInt8])?
    private let includeFullLabel: Bool
    private let workspaceURL: WorkspaceURLBytes

    init(
        datasetFullName: String, labelset: LabelsetRow?, taskType: TaskType, includeFullLabel: Bool, baseURL: String,
        expectedRows: Int
    ) {
        // About 400 bytes per sample without labels.
        output = JSONBytes(capacity: 2 + expectedRows * 512)
        var fullName = JSONBytes(capacity: datasetFullName.utf8.count + 2)
        fullName.string(datasetFullName)
        self.datasetFullName = fullName.bytes
        self.labelset = labelset.map { labelset in
            var name = JSONBytes(capacity: labelset.name.utf8.count + 2)
            name.string(labelset.name)
            var type = JSONBytes(capacity: 24)
            type.string(taskType.rawValue)
            return (name.bytes, type.bytes)
        }
        self.includeFullLabel = includeFullLabel
        workspaceURL = WorkspaceURLBytes(baseURL: baseURL)
        output.raw("[")
    }

    var rowCount: Int { starts.count }

    mutating func append(_ row: Row) throws {
        if !starts.isEmpty { output.raw(",") }
        starts.append(output.count)
        try field(row, Column.uuid, key: "{\"uuid\":")
        try field(row, Column.name, key: ",\"name\":")
        try optionalStoredJSON(row, Column.attributes, key: ",\"attributes\":")
        output.raw(",\"metadata\":")
        try storedObject(row, Column.metadata)
        try field(row, Column.createdAt, key: ",\"created_at\":")
        try field(row, Column.createdBy, key: ",\"created_by\":")
        try field(row, Column.updatedAt, key: ",\"updated_at\":")
        try field(row, Column.readme, key: ",\"readme\":")
        try optionalText(row, Column.assignedLabeler, key: ",\"assigned_labeler\":")
        try optionalText(row, Column.assignedReviewer, key: ",\"assigned_reviewer\":")
        output.raw(",\"priority\":")
        output.number(row[Column.priority] as Double)
        if let labelset, !row.hasNull(atIndex: LabelColumn.id) {
            output.raw(",\"label\":")
            try includeFullLabel ? fullLabel(row, uuid: Column.uuid, labelset: labelset) : labelSummary(row)
        }
        output.raw(",\"dataset_full_name\":")
        output.raw(datasetFullName)
        output.raw("}")
    }

    /// `LabelSummary`'s fields as `labelSummary` fills them.
    private mutating func labelSummary(_ row: Row) throws {
        try field(row, LabelColumn.status, key: "{\"label_status\":")
        optionalNumber(row, LabelColumn.score, key: ",\"score\":")
        try field(row, LabelColumn.updatedAt, key: ",\"updated_at\":")
        try field(row, LabelColumn.createdBy, key: ",\"created_by\":")
        try optionalText(row, LabelColumn.reviewedBy, key: ",\"reviewed_by\":")
        output.raw("}")
    }

    /// `Label`'s fields as `labelResponse` fills them.
    private mutating func fullLabel(_ row: Row, uuid: Int, labelset: (name: [UInt8], taskType: [UInt8])) throws {
        try field(row, uuid, key: "{\"sample_uuid\":")
        output.raw(",\"label_type\":")
        output.raw(labelset.taskType)
        try field(row, LabelColumn.status, key: ",\"label_status\":")
        output.raw(",\"labelset\":")
        output.raw(labelset.name)
        try optionalStoredJSON(row, LabelColumn.attributes, key: ",\"attributes\":")
        try field(row, LabelColumn.createdAt, key: ",\"created_at\":")
        try field(row, LabelColumn.createdBy, key: ",\"created_by\":")
        try field(row, LabelColumn.updatedAt, key: ",\"updated_at\":")
        try field(row, LabelColumn.updatedBy, key: ",\"updated_by\":")
        optionalNumber(row, LabelColumn.score, key: ",\"score\":")
        try optionalText(row, LabelColumn.reviewedAt, key: ",\"reviewed_at\":")
        try optionalText(row, LabelColumn.reviewedBy, key: ",\"reviewed_by\":")
        output.raw("}")
    }

    /// The array, its samples in reverse order when the page was read from the other end.
    consuming func finish(reversed: Bool) -> [UInt8] {
        output.raw("]")
        guard reversed, starts.count > 1 else { return output.bytes }
        let bytes = output.bytes
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        result.append(UInt8(ascii: "["))
        // Each object runs from its start to the byte before the next one's comma.
        for index in starts.indices.reversed() {
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count - 1
            if index != starts.count - 1 { result.append(UInt8(ascii: ",")) }
            result.append(contentsOf: bytes[starts[index]..<end])
        }
        result.append(UInt8(ascii: "]"))
        return result
    }

    // MARK: Columns

    private mutating func text(_ row: Row, _ index: Int) throws {
        try row.withUnsafeData(atIndex: index) { data in
            guard let data else { return output.raw("null") }
            data.withUnsafeBytes { output.string($0) }
        }
    }

    private mutating func field(_ row: Row, _ index: Int, key: StaticString) throws {
        output.raw(key)
        try text(row, index)
    }

    private mutating func optionalText(_ row: Row, _ index: Int, key: StaticString) throws {
        guard !row.hasNull(atIndex: index) else { return }
        try field(row, index, key: key)
    }

    private mutating func optionalNumber(_ row: Row, _ index: Int, key: StaticString) {
        guard let value = row[index] as Double? else { return }
        output.raw(key)
        output.number(value)
    }

    /// Attributes: absent when there are none (NULL, or no JSON at all), as the models leave them out.
    private mutating func optionalStoredJSON(_ row: Row, _ index: Int, key: StaticString) throws {
        try row.withUnsafeData(atIndex: index) { data in
            guard let data, !data.isEmpty else { return }
            output.raw(key)
            data.withUnsafeBytes { output.storedJSON($0, workspaceURL: workspaceURL) }
        }
    }

    /// Metadata: always an object (what `JSONText.object(from:)` makes of anything else is `{}`).
    private mutating func storedObject(_ row: Row, _ index: Int) throws {
        try row.withUnsafeData(atIndex: index) { data in
            guard let data, data.first == UInt8(ascii: "{") else { return output.raw("{}") }
            data.withUnsafeBytes { output.storedJSON($0, workspaceURL: workspaceURL) }
        }
    }

    /// Positions in `SampleListing.pageColumns`.
    private enum Column {
        static let uuid = 0, name = 1, attributes = 2, metadata = 3, createdAt = 4, createdBy = 5, updatedAt = 6
        static let readme = 7, assignedLabeler = 8, assignedReviewer = 9, priority = 10
    }

    /// Positions in `SampleListing.labelColumns`, which follow the sample's.
    private enum LabelColumn {
        static let id = 11, status = 12, attributes = 13, score = 14, createdBy = 15, createdAt = 16
        static let updatedBy = 17, updatedAt = 18, reviewedBy = 19, reviewedAt = 20
    }
}
