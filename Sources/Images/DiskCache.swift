import Foundation
import Synchronization

/// Fetched image bytes on disk, under `$XDG_CACHE_HOME/segments-tui/images/` by default,
/// at most `capacityBytes` in all (default 1 GiB): the least recently used files go first.
///
/// One file per URL, named by a hash of it; the file starts with the URL and the content
/// type on a line each, so a hash collision reads as a miss, never as the wrong image.
/// Recency is the file's modification time, so it survives restarts.
public final class DiskCache: Sendable {
    public static let defaultCapacityBytes = 1 << 30

    public let directory: URL
    public let capacityBytes: Int
    private let index = Mutex<LRUIndex<String>?>(nil)

    public init(directory: URL, capacityBytes: Int = DiskCache.defaultCapacityBytes) {
        self.directory = directory
        self.capacityBytes = max(0, capacityBytes)
    }

    /// `$XDG_CACHE_HOME/segments-tui/images`, else `~/.cache/segments-tui/images`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = URL(fileURLWithPath: cache, isDirectory: true)
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            base = home.appendingPathComponent(".cache", isDirectory: true)
        }
        return base.appendingPathComponent("segments-tui", isDirectory: true)
            .appendingPathComponent("images", isDirectory: true)
    }

    /// The bytes stored for `url` and their content type, marked as just used.
    public func read(url: String) -> (data: Data, contentType: String?)? {
        let name = Self.fileName(for: url)
        let file = directory.appendingPathComponent(name)
        guard let stored = try? Data(contentsOf: file), let entry = Self.parse(stored, url: url) else { return nil }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path)
        withIndex { $0.touch(name) }
        return entry
    }

    /// Stores the bytes for `url` and evicts old files beyond the capacity. Failures to
    /// write are ignored: the cache is an optimisation.
    public func write(url: String, data: Data, contentType: String?) {
        var stored = Data()
        stored.append(Data(url.utf8))
        stored.append(0x0A)
        stored.append(Data((contentType ?? "").filter { $0 != "\n" && $0 != "\r" }.utf8))
        stored.append(0x0A)
        stored.append(data)
        guard stored.count <= capacityBytes else { return }
        let name = Self.fileName(for: url)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try stored.write(to: directory.appendingPathComponent(name), options: .atomic)
        } catch {
            return
        }
        let evicted = withIndex { index -> [String] in
            index.insert(name, cost: stored.count)
            return index.evict(downTo: capacityBytes)
        }
        for old in evicted { try? FileManager.default.removeItem(at: directory.appendingPathComponent(old)) }
    }

    /// Bytes the cache holds now.
    public var totalBytes: Int { withIndex { $0.totalCost } }

    public func removeAll() {
        let names = withIndex { index -> [String] in index.evict(downTo: 0) }
        for name in names { try? FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
    }

    // MARK: internals

    private func withIndex<T>(_ body: (inout LRUIndex<String>) -> T) -> T {
        index.withLock { stored in
            var current = stored ?? scan()
            let result = body(&current)
            stored = current
            return result
        }
    }

    /// The files already there (from earlier runs), oldest use first.
    private func scan() -> LRUIndex<String> {
        var index = LRUIndex<String>()
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        guard
            let files = try? FileManager.default.contentsOfDirectory(
                at: directory, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return index }
        let entries = files.compactMap { file -> (String, Int, Date)? in
            guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
                Self.isCacheFileName(file.lastPathComponent)
            else { return nil }
            return (file.lastPathComponent, values.fileSize ?? 0, values.contentModificationDate ?? .distantPast)
        }
        for (name, size, _) in entries.sorted(by: { $0.2 < $1.2 }) { index.insert(name, cost: size) }
        return index
    }

    private static func parse(_ stored: Data, url: String) -> (data: Data, contentType: String?)? {
        guard let firstEnd = stored.firstIndex(of: 0x0A),
            String(decoding: stored[stored.startIndex..<firstEnd], as: UTF8.self) == url,
            let secondEnd = stored[(firstEnd + 1)...].firstIndex(of: 0x0A)
        else { return nil }
        let type = String(decoding: stored[(firstEnd + 1)..<secondEnd], as: UTF8.self)
        return (Data(stored[(secondEnd + 1)...]), type.isEmpty ? nil : type)
    }

    /// 32 hex digits: two FNV-1a hashes of the URL with different offsets. Not a security
    /// measure (the file names a URL, and its first line is checked on read); hand-written
    /// because Swift's `Hasher` is seeded per process and names must be stable across runs.
    static func fileName(for url: String) -> String {
        func fnv(_ offset: UInt64) -> UInt64 {
            var hash = offset
            for byte in url.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
        let parts = [fnv(0xCBF2_9CE4_8422_2325), fnv(0x84222325_CBF29CE4)]
        return parts.map { value in
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined() + ".img"
    }

    private static func isCacheFileName(_ name: String) -> Bool {
        name.count == 36 && name.hasSuffix(".img")
    }
}
