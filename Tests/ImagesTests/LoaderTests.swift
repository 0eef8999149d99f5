import Foundation
import Images
import SegmentsAPI
import SegmentsClient
import SegmentsServer
import SegmentsStore
import Testing

@Suite("Sample image loader", .serialized)
struct LoaderTests {
    @Test("embedded: the picture comes back with its boxes drawn in the categories' colours")
    func embedded() async throws {
        let (workspace, _) = try await SeedImageTests.seeded()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let jane = workspace.store(actingAs: "jane", baseURL: workspace.fileBaseURL)
        let dataset = try await jane.getDataset("jane/street-scenes")
        let sample = try #require(try await SeedImageTests.samples(jane, "jane/street-scenes").first {
            $0.label?.fullLabel != nil
        })
        let label = try #require(sample.label?.fullLabel?.attributes?.content(for: .bboxes))
        guard case .imageVector(let vector) = label, let box = vector.annotations.first else {
            Issue.record("no box"); return
        }
        let palette = CategoryPalette(taskAttributes: dataset.taskAttributes)
        let loader = SampleImageLoader(service: jane, disk: nil)
        let request = SampleImageRequest(
            imageURL: try #require(SeedImageTests.imageURL(sample)), label: label, palette: palette,
            target: PixelSize(width: 640, height: 360), style: .init(lineWidth: 2, fillOpacity: 0))
        let drawn = try await loader.load(request)
        #expect(drawn.width == 640 && drawn.height == 360)  // 1280×720 decoded at 1/2
        let corner = (Int(box.points[0][0] / 2), Int(box.points[0][1] / 2))
        #expect(drawn.color(x: corner.0 + 1, y: corner.1 + 1) == palette.color(for: box.categoryID))
        await workspace.shutdown()
    }

    @Test("remote: bytes are kept in the disk cache and served from it when the host is gone; errors read as one line")
    func diskCacheOverHTTP() async throws {
        let (workspace, key) = try await SeedImageTests.seeded()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let cacheFolder = CacheTests.folder()
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let server = try await RunningServer.start(workspace: workspace, configuration: ServerConfiguration(port: 0))
        let client = try SegmentsClient(apiKey: key, baseURL: server.baseURL)
        // A client dropped without shutdown stops the whole test process: shut it down
        // however the test ends.
        do {
            var url = ""
            do {
                let sample = try #require(try await SeedImageTests.samples(client, "acme/parking-lots").first)
                url = try #require(SeedImageTests.imageURL(sample))
                let loader = SampleImageLoader(service: client, disk: DiskCache(directory: cacheFolder))
                let first = try await loader.decoded(url, target: PixelSize(width: 256, height: 256))
                #expect(first.image.width == 256 && first.originalSize.width == 1024)
            } catch {
                Issue.record(error)
            }
            await server.stop()
            // A new loader (a new run): no server, but the disk cache has the bytes.
            let offline = SampleImageLoader(service: client, disk: DiskCache(directory: cacheFolder))
            let again = try await offline.decoded(url, target: nil)
            #expect(again.image.width == 1024)
            let missing = await #expect(throws: (any Error).self) {
                try await offline.decoded(url + "-gone", target: nil)
            }
            #expect(missing.map { SampleImageLoader.reason(for: $0) }?.isEmpty == false)
            #expect(SampleImageLoader.reason(for: ImageError.corruptJPEG("")) == "corrupt JPEG")
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        await workspace.shutdown()
    }
}
