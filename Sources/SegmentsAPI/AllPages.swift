/// Walks every page of a paginated listing (datasets, samples, workunits),
/// fetching the next page only when the consumer asks for more. It stops at a
/// short page, or at the "Invalid page." the API answers past the end.
public struct AllPages<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Fetch = @Sendable (_ page: Int, _ perPage: Int) async throws -> [Element]

    let perPage: Int
    let fetch: Fetch

    public init(perPage: Int = 1000, fetch: @escaping Fetch) {
        self.perPage = Swift.max(1, perPage)
        self.fetch = fetch
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let perPage: Int
        let fetch: Fetch
        var page = 1
        var buffer: [Element] = []
        var index = 0
        var finished = false

        public mutating func next() async throws -> Element? {
            while index >= buffer.count {
                guard !finished else { return nil }
                try Task.checkCancellation()
                let items: [Element]
                do {
                    items = try await fetch(page, perPage)
                } catch SegmentsError.notFound(let message) where page > 1 && message.lowercased().contains("invalid page") {
                    items = []
                }
                buffer = items
                index = 0
                page += 1
                if items.count < perPage { finished = true }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(perPage: perPage, fetch: fetch)
    }
}

extension SegmentsService {
    /// Every sample matching the query, page by page (the query's page is ignored).
    public func allSamples(_ datasetIdentifier: String, query: SampleQuery = SampleQuery()) -> AllPages<Sample> {
        AllPages(perPage: query.perPage) { page, perPage in
            var pageQuery = query
            pageQuery.page = page
            pageQuery.perPage = perPage
            return try await self.getSamples(datasetIdentifier, query: pageQuery)
        }
    }

    /// Every dataset of a user (the authenticated one when nil).
    public func allDatasets(user: String? = nil, perPage: Int = 1000) -> AllPages<Dataset> {
        AllPages(perPage: perPage) { page, perPage in
            try await self.getDatasets(user: user, perPage: perPage, page: page)
        }
    }

    /// Every workunit matching the query, page by page.
    public func allWorkunits(_ datasetIdentifier: String, query: WorkunitQuery = WorkunitQuery()) -> AllPages<Workunit> {
        AllPages(perPage: query.perPage) { page, perPage in
            var pageQuery = query
            pageQuery.page = page
            pageQuery.perPage = perPage
            return try await self.getWorkunits(datasetIdentifier, query: pageQuery)
        }
    }
}
