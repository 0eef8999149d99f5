/// Ascending or descending order.
public enum SortDirection: String, Codable, Hashable, Sendable, CaseIterable {
    case ascending = "asc"
    case descending = "desc"

    public var toggled: SortDirection { self == .ascending ? .descending : .ascending }
}

/// The sample orders the API offers (reference 3.4).
public enum SampleSort: String, Codable, Hashable, Sendable, CaseIterable {
    case name
    case createdAt = "created_at"
    case priority
    case groundTruthLabelUpdatedAt = "gt_label__updated_at"
    case updatedAt = "updated_at"

    /// A sort field as sent on the wire: the raw values, and `created`, which the
    /// SDK documents for `get_samples` (and its own tests send) for `created_at`.
    public init?(wireName: String) {
        if wireName == "created" {
            self = .createdAt
        } else {
            self.init(rawValue: wireName)
        }
    }

    public var title: String {
        switch self {
        case .name: "name"
        case .createdAt: "created"
        case .priority: "priority"
        case .groundTruthLabelUpdatedAt: "label updated"
        case .updatedAt: "updated"
        }
    }
}

/// One metadata filter `key:value`: the sample's metadata value for `key`,
/// rendered as a string, must equal `value`.
public struct MetadataFilter: Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// Parses `key:value`, split at the first colon as the SDK's format requires.
    public init(parsing text: String) throws {
        guard let colon = text.firstIndex(of: ":") else {
            throw SegmentsError.validation("Metadata filter \"\(text)\" is not of the form key:value.")
        }
        let key = String(text[..<colon])
        guard !key.isEmpty else {
            throw SegmentsError.validation("Metadata filter \"\(text)\" has an empty key.")
        }
        self.init(key: key, value: String(text[text.index(after: colon)...]))
    }

    public var description: String { "\(key):\(value)" }
}

/// Everything `get_samples` can ask for, with the SDK's defaults.
public struct SampleQuery: Hashable, Sendable {
    public var labelset: String?
    public var name: String?
    public var labelStatuses: [LabelStatus]
    public var metadata: [MetadataFilter]
    public var sort: SampleSort
    public var direction: SortDirection
    public var perPage: Int
    public var page: Int
    public var includeFullLabel: Bool

    public init(
        labelset: String? = nil, name: String? = nil, labelStatuses: [LabelStatus] = [],
        metadata: [MetadataFilter] = [], sort: SampleSort = .name, direction: SortDirection = .ascending,
        perPage: Int = 1000, page: Int = 1, includeFullLabel: Bool = false
    ) {
        self.labelset = labelset
        self.name = name
        self.labelStatuses = labelStatuses
        self.metadata = metadata
        self.sort = sort
        self.direction = direction
        self.perPage = perPage
        self.page = page
        self.includeFullLabel = includeFullLabel
    }

    /// The query string exactly as the SDK assembles it (order and raw values).
    public var queryItems: [(name: String, value: String)] {
        var items: [(String, String)] = [("per_page", String(perPage)), ("page", String(page))]
        if let labelset {
            items.append(("labelset", labelset))
            if includeFullLabel { items.append(("include_full_label", "1")) }
        }
        if let name { items.append(("name__contains", name)) }
        if !metadata.isEmpty { items.append(("filters", metadata.map(\.description).joined(separator: ","))) }
        if !labelStatuses.isEmpty {
            items.append(("label_status", labelStatuses.map(\.rawValue).joined(separator: ",")))
        }
        items.append(("sort", (direction == .descending ? "-" : "") + sort.rawValue))
        return items
    }

    /// Reads a query string the way the platform does (reference 3.4): raw values;
    /// what it tolerates falls back rather than failing (a non-numeric or
    /// non-positive `per_page` → the default, an unknown sort → by name, a filter
    /// without `:` → ignored); a non-numeric page is "Invalid page.".
    public init(parameters: [String: String]) throws {
        self.init()
        perPage = Pagination.parsePerPage(parameters["per_page"])
        page = try Pagination.parseInt(parameters["page"], name: "page", default: 1)
        labelset = parameters["labelset"].flatMap { $0.isEmpty ? nil : $0 }
        // Without a labelset there is no label to include: ignored (the SDK refuses it before sending).
        includeFullLabel = labelset != nil && ["1", "true", "True"].contains(parameters["include_full_label"] ?? "")
        name = parameters["name__contains"].flatMap { $0.isEmpty ? nil : $0 }
        if let filters = parameters["filters"], !filters.isEmpty {
            metadata = filters.split(separator: ",").compactMap { try? MetadataFilter(parsing: String($0)) }
        }
        if let statuses = parameters["label_status"], !statuses.isEmpty {
            labelStatuses = try statuses.split(separator: ",").map { raw in
                guard let status = LabelStatus(knownRawValue: String(raw)) else {
                    throw SegmentsError.validation("\"\(raw)\" is not a valid label status.")
                }
                return status
            }
        }
        if let sortText = parameters["sort"], !sortText.isEmpty {
            let descending = sortText.hasPrefix("-")
            let field = descending ? String(sortText.dropFirst()) : sortText
            if let sort = SampleSort(wireName: field) {
                self.sort = sort
                direction = descending ? .descending : .ascending
            }
        }
    }
}

/// Everything `get_workunits` can ask for, with the SDK's defaults (newest first).
public struct WorkunitQuery: Hashable, Sendable {
    /// `YYYY-MM-DDTHH:MM:SS`, UTC, inclusive.
    public var start: String?
    /// `YYYY-MM-DDTHH:MM:SS`, UTC, exclusive.
    public var end: String?
    public var direction: SortDirection
    public var perPage: Int
    public var page: Int
    public var includeSessionTimeMetrics: Bool

    public init(
        start: String? = nil, end: String? = nil, direction: SortDirection = .descending,
        perPage: Int = 1000, page: Int = 1, includeSessionTimeMetrics: Bool = false
    ) {
        self.start = start
        self.end = end
        self.direction = direction
        self.perPage = perPage
        self.page = page
        self.includeSessionTimeMetrics = includeSessionTimeMetrics
    }

    public var queryItems: [(name: String, value: String)] {
        var items: [(String, String)] = [
            ("per_page", String(perPage)), ("page", String(page)),
            ("sort", (direction == .descending ? "-" : "") + "created_at"),
        ]
        if let start { items.append(("start", start)) }
        if let end { items.append(("end", end)) }
        if includeSessionTimeMetrics { items.append(("include_session_time_metrics", "true")) }
        return items
    }

    public init(parameters: [String: String]) throws {
        self.init()
        perPage = Pagination.parsePerPage(parameters["per_page"])
        page = try Pagination.parseInt(parameters["page"], name: "page", default: 1)
        // Workunits sort by creation only; any other field keeps the default order, as the platform does.
        if let sortText = parameters["sort"], !sortText.isEmpty {
            let descending = sortText.hasPrefix("-")
            let field = descending ? String(sortText.dropFirst()) : sortText
            if field == "created_at" || field == "created" { direction = descending ? .descending : .ascending }
        }
        start = parameters["start"].flatMap { $0.isEmpty ? nil : $0 }
        end = parameters["end"].flatMap { $0.isEmpty ? nil : $0 }
        includeSessionTimeMetrics = ["1", "true", "True"].contains(parameters["include_session_time_metrics"] ?? "")
    }
}

/// Paging rules shared by the store, the server and the client (reference 8).
public enum Pagination {
    /// The largest page the API hands out; larger requests are capped.
    public static let maximumPerPage = 1000

    /// Page `page` of `perPage` items out of `total`: the offset to read from, or an
    /// "Invalid page." error for a page past the end (page 1 is always valid).
    public static func offset(page: Int, perPage: Int, total: Int) throws -> Int {
        guard page >= 1, perPage >= 1 else { throw SegmentsError.notFound("Invalid page.") }
        let offset = (page - 1) * perPage
        if page > 1 && offset >= total { throw SegmentsError.notFound("Invalid page.") }
        return offset
    }

    /// `per_page` as DRF reads it: a positive integer, anything else means the default page size.
    public static func parsePerPage(_ text: String?) -> Int {
        guard let text, let value = Int(text), value >= 1 else { return maximumPerPage }
        return value
    }

    static func parseInt(_ text: String?, name: String, default defaultValue: Int) throws -> Int {
        guard let text, !text.isEmpty else { return defaultValue }
        guard let value = Int(text) else {
            // The hosted API answers a non-numeric page like a page past the end.
            throw SegmentsError.notFound("Invalid page.")
        }
        return value
    }
}
