import Foundation
import Images
import Testing

@Suite("Image caches")
struct CacheTests {
    @Test("the memory cache keeps the most recently used within its byte capacity")
    func memory() {
        let cache = MemoryCache<String, Int>(capacityBytes: 100)
        cache.insert(1, for: "a", cost: 40)
        cache.insert(2, for: "b", cost: 40)
        #expect(cache.value(for: "a") == 1)  // a is now the most recent
        cache.insert(3, for: "c", cost: 40)  // 120 > 100: b goes
        #expect(cache.value(for: "b") == nil)
        #expect(cache.value(for: "a") == 1 && cache.value(for: "c") == 3)
        #expect(cache.totalCost == 80)
        cache.insert(4, for: "huge", cost: 101)
        #expect(cache.value(for: "huge") == nil && cache.count == 2)
        cache.insert(5, for: "a", cost: 90)  // a grows: c goes
        #expect(cache.value(for: "c") == nil && cache.value(for: "a") == 5 && cache.totalCost == 90)
    }

    @Test("decoded images are cached at their pixel size")
    func memoryImages() {
        let cache = MemoryCache<String, DecodedImage>(capacityBytes: 10 * 10 * 4 * 2)
        for name in ["a", "b", "c"] {
            cache.insert(DecodedImage(image: RGBAImage(width: 10, height: 10), originalSize: PixelSize(width: 10, height: 10)),
                         for: name)
        }
        #expect(cache.count == 2 && cache.value(for: "a") == nil)
    }

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("segments-image-cache-\(UUID().uuidString)")
    }

    @Test("the disk cache returns what was stored, evicts the least recently used beyond its cap, and remembers across instances")
    func disk() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blob = Data(repeating: 7, count: 1000)
        let cache = DiskCache(directory: folder, capacityBytes: 3500)
        cache.write(url: "https://a.example/1.jpg", data: blob, contentType: "image/jpeg")
        cache.write(url: "https://a.example/2.jpg", data: blob, contentType: nil)
        cache.write(url: "https://a.example/3.jpg", data: blob, contentType: "image/png")
        #expect(cache.read(url: "https://a.example/1.jpg")?.contentType == "image/jpeg")
        #expect(cache.read(url: "https://a.example/2.jpg")?.contentType == nil)
        #expect(cache.read(url: "https://a.example/missing.jpg") == nil)
        // 1 and 2 were just read, so 3 is the least recently used and goes.
        cache.write(url: "https://a.example/4.jpg", data: blob, contentType: nil)
        #expect(cache.read(url: "https://a.example/3.jpg") == nil)
        #expect(cache.read(url: "https://a.example/4.jpg")?.data == blob)
        #expect(cache.totalBytes <= 3500)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 3)

        // A new instance (a new run) finds the files and keeps the cap.
        let again = DiskCache(directory: folder, capacityBytes: 2500)
        #expect(again.read(url: "https://a.example/1.jpg")?.data == blob)
        again.write(url: "https://a.example/5.jpg", data: blob, contentType: nil)
        #expect(again.totalBytes <= 2500)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
        #expect(again.read(url: "https://a.example/5.jpg") != nil)
    }

    @Test("the default folder follows XDG_CACHE_HOME, else ~/.cache")
    func defaultFolder() {
        #expect(DiskCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/tmp/xdg", "HOME": "/home/u"]).path
                == "/tmp/xdg/segments-tui/images")
        #expect(DiskCache.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/segments-tui/images")
        #expect(DiskCache.defaultCapacityBytes == 1 << 30)
    }
}
