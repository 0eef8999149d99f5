import GRDB

/// Writing a million samples in tens of seconds: what the demo seed does around its
/// large dataset, on the writer connection of a fresh workspace.
enum BulkLoad {
    /// Samples per transaction: the WAL stays a few hundred MB, and a failure loses one chunk.
    static let chunkSize = 50_000

    /// Runs `body` with a 256 MiB page cache (the uuid index takes random inserts) and no
    /// fsync per commit (a seed that dies is seeded again), then puts both back.
    static func withFastWrites<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2
        try db.execute(sql: "PRAGMA cache_size = -262144")
        try db.execute(sql: "PRAGMA synchronous = OFF")
        defer {
            try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
            try? db.execute(sql: "PRAGMA synchronous = \(synchronous)")
        }
        return try body()
    }

    /// Runs `body` (which commits its own transactions) without the secondary indexes of the
    /// tables samples fill, then builds them again, each in one sorted pass instead of a
    /// million inserts at random places. The uniqueness constraints stay, so duplicate
    /// names and uuids are still refused while loading. The definitions come from the schema
    /// itself, so the rebuilt indexes are exactly the ones the migrations made; they are
    /// rebuilt even when `body` fails.
    static func withoutSecondaryIndexes<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                AND tbl_name IN ('sample', 'sample_metadata', 'label') ORDER BY name
                """
        ).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        try db.inTransaction {
            for index in indexes { try db.execute(sql: "DROP INDEX \"\(index.name)\"") }
            return .commit
        }
        func rebuild() throws {
            try db.inTransaction {
                for index in indexes { try db.execute(sql: index.sql) }
                return .commit
            }
        }
        let result: T
        do {
            result = try body()
        } catch {
            try? rebuild()
            throw error
        }
        try rebuild()
        return result
    }
}
