import Foundation
import Images
import SegmentsAPI
import SegmentsClient
import SegmentsServer
import SegmentsStore
import Testing

/// The demo's pictures: stored as workspace assets, fetched through `SegmentsService`
/// (embedded and over HTTP from `serve`), and matching their labels.
@Suite("Demo pictures and asset fetching", .serialized)
struct SeedImageTests {
    static func seeded() async throws -> (Workspace, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segments-seed-images-\(UUID().uuidString)")
        let workspace = try await Workspace(folder: folder, options: WorkspaceOptions(releaseJobs: .held))
        let summary = try await DemoSeed.seed(into: workspace, samplesPerDataset: 20)
        return (workspace, summary.apiKeys["jane"] ?? "")
    }

    static func imageURL(_ sample: Sample) -> String? {
        guard case .image(let image)? = sample.attributes?.content else { return nil }
        return image.image.url
    }

    static func samples(_ service: any SegmentsService, _ dataset: String) async throws -> [Sample] {
        try await service.getSamples(dataset, labelset: "ground-truth", perPage: 100, includeFullLabel: true)
    }

    @Test("street scenes: every box covers something that is not road, sky or pavement")
    func streetBoxes() async throws {
        let (workspace, _) = try await Self.seeded()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let jane = workspace.store(actingAs: "jane", baseURL: workspace.fileBaseURL)
        var checked = 0
        for sample in try await Self.samples(jane, "jane/street-scenes") {
            let url = try #require(Self.imageURL(sample))
            #expect(url.hasPrefix(workspace.fileBaseURL + "/assets/"), "\(url)")
            guard case .imageVector(let label)? = sample.label?.fullLabel?.attributes?.content(for: .bboxes) else { continue }
            let asset = try await jane.fetchAsset(url)
            #expect(asset.contentType == "image/jpeg")
            let photo = try ImageDecoder.decode(asset.data, contentType: asset.contentType).image
            let boxes = label.annotations.filter { $0.type == .bbox }.map {
                (Int($0.points[0][0]), Int($0.points[0][1]), Int($0.points[1][0]), Int($0.points[1][1]), $0.categoryID)
            }
            for (x0, y0, x1, y1, category) in boxes where category != 4 {
                // The background of a row below the horizon is one colour across: take it
                // from a column no box covers, and count box pixels that differ from it.
                var differing = 0, total = 0
                for y in stride(from: y0, to: y1, by: 3) {
                    guard let free = stride(from: 0, to: photo.width, by: 7).first(where: { x in
                        !boxes.contains { x >= $0.0 - 2 && x <= $0.2 + 2 && y >= $0.1 - 2 && y <= $0.3 + 2 }
                    }), let background = photo.color(x: free, y: y) else { continue }
                    for x in stride(from: x0, to: x1, by: 3) {
                        total += 1
                        if let pixel = photo.color(x: x, y: y), Self.distance(pixel, background) > 50 { differing += 1 }
                    }
                }
                guard total > 20 else { continue }
                #expect(Double(differing) / Double(total) > 0.2, "box \(x0),\(y0)-\(x1),\(y1) cat \(category) in \(url)")
                checked += 1
            }
        }
        #expect(checked > 10)
        await workspace.shutdown()
    }

    @Test("flowers: the bitmap's instances are the label's, and the petals are painted where the mask says")
    func flowerMasks() async throws {
        let (workspace, _) = try await Self.seeded()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let jane = workspace.store(actingAs: "jane", baseURL: workspace.fileBaseURL)
        var checked = 0
        for sample in try await Self.samples(jane, "jane/flower-segmentation") {
            guard case .imageSegmentation(let label)? = sample.label?.fullLabel?.attributes?.content(for: .segmentationBitmap),
                let bitmapURL = label.segmentationBitmap.url, let url = Self.imageURL(sample)
            else { continue }
            let photo = try ImageDecoder.decode(try await jane.fetchAsset(url).data).image
            let bitmap = try ImageDecoder.decode(try await jane.fetchAsset(bitmapURL).data).image
            #expect(bitmap.width == photo.width && bitmap.height == photo.height)
            let mask = SegmentationMask(bitmap: bitmap)
            let known = Set(label.annotations.map { UInt32($0.id) })
            #expect(Set(mask.instanceIDs).subtracting([0]).isSubset(of: known))
            let green = photo.color(x: 2, y: photo.height - 2)
            for petal in label.annotations where petal.categoryID == 1 {
                let pixels = mask.instanceIDs.indices.filter { mask.instanceIDs[$0] == UInt32(petal.id) }
                #expect(pixels.count > 200, "instance \(petal.id) of \(url)")
                let sampled = stride(from: 0, to: pixels.count, by: max(1, pixels.count / 50)).map { pixels[$0] }
                let notGreen = sampled.filter { index in
                    guard let pixel = photo.color(x: index % photo.width, y: index / photo.width), let green else { return false }
                    return Self.distance(pixel, green) > 60
                }
                #expect(Double(notGreen.count) / Double(sampled.count) > 0.6, "instance \(petal.id) of \(url)")
                checked += 1
            }
        }
        #expect(checked > 5)
        await workspace.shutdown()
    }

    @Test("parking lots: vehicles' polygons are on painted cars, not asphalt")
    func parkingPolygons() async throws {
        let (workspace, _) = try await Self.seeded()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let jane = workspace.store(actingAs: "jane", baseURL: workspace.fileBaseURL)
        let asphalt = RGBColor(packed: 0x4D5656)
        var checked = 0
        for sample in try await Self.samples(jane, "acme/parking-lots") {
            guard case .imageVector(let label)? = sample.label?.fullLabel?.attributes?.content(for: .vector),
                let url = Self.imageURL(sample)
            else { continue }
            let photo = try ImageDecoder.decode(try await jane.fetchAsset(url).data).image
            for vehicle in label.annotations where vehicle.categoryID == 2 {
                let xs = vehicle.points.map { $0[0] }, ys = vehicle.points.map { $0[1] }
                let centre = (Int((xs.min()! + xs.max()!) / 2), Int((ys.min()! + ys.max()!) / 2))
                let pixel = try #require(photo.color(x: centre.0, y: centre.1))
                #expect(Self.distance(pixel, asphalt) > 30, "vehicle \(vehicle.id) of \(url)")
                checked += 1
            }
        }
        #expect(checked > 5)
        await workspace.shutdown()
    }

    @Test("the store fetches only its own files, with clear errors")
    func embeddedFetch() async throws {
        let (workspace, _) = try await Self.seeded()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let jane = workspace.store(actingAs: "jane", baseURL: workspace.fileBaseURL)
        let sample = try #require(try await Self.samples(jane, "jane/street-scenes").first)
        let url = try #require(Self.imageURL(sample))
        let asset = try await jane.fetchAsset(url)
        #expect(ImageFormat(sniffing: asset.data) == .jpeg)
        await #expect(throws: SegmentsError.self) { try await jane.fetchAsset("https://elsewhere.example/a.jpg") }
        await #expect(throws: SegmentsError.self) {
            try await jane.fetchAsset(workspace.fileBaseURL + "/assets/../workspace.sqlite")
        }
        // The same asset through a store that answers as a server would.
        let served = workspace.store(actingAs: "jane", baseURL: "http://127.0.0.1:1")
        let servedURL = try #require(Self.imageURL(try await served.getSample(sample.uuid)))
        #expect(servedURL.hasPrefix("http://127.0.0.1:1/assets/"))
        #expect(try await served.fetchAsset(servedURL).data == asset.data)
        await workspace.shutdown()
    }

    @Test("over HTTP: the client fetches the picture `serve` gives the sample, and a missing one is a 404")
    func httpFetch() async throws {
        let (workspace, key) = try await Self.seeded()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let server = try await RunningServer.start(workspace: workspace, configuration: ServerConfiguration(port: 0))
        let client = try SegmentsClient(apiKey: key, baseURL: server.baseURL)
        // The client must be shut down whatever happens, so the checks run in a closure.
        do {
            try await Self.checkHTTPFetch(client: client, server: server, workspace: workspace)
        } catch {
            Issue.record(error)
        }
        try await client.shutdown()
        await server.stop()
        await workspace.shutdown()
    }

    static func checkHTTPFetch(client: SegmentsClient, server: RunningServer, workspace: Workspace) async throws {
        let sample = try #require(try await Self.samples(client, "jane/flower-segmentation").first)
        let url = try #require(Self.imageURL(sample))
        #expect(url.hasPrefix(server.baseURL + "/assets/"), "\(url)")
        let asset = try await client.fetchAsset(url)
        #expect(asset.contentType == "image/jpeg")
        let local = workspace.store(actingAs: "jane", baseURL: server.baseURL)
        #expect(asset.data == (try await local.fetchAsset(url).data))
        let decoded = try ImageDecoder.decode(asset.data, contentType: asset.contentType)
        #expect(decoded.originalSize.width > 100)

        let missing = url.replacingOccurrences(of: "/assets/", with: "/assets/00000000-0000-4000-8000-000000000000/x")
        await #expect {
            try await client.fetchAsset(missing)
        } throws: { error in
            (error as? SegmentsError)?.message.contains("404 from the image host 127.0.0.1") == true
        }
        await #expect(throws: SegmentsError.self) { try await client.fetchAsset("ftp://example.com/a.jpg") }
    }

    static func distance(_ a: RGBColor, _ b: RGBColor) -> Int {
        max(abs(Int(a.red) - Int(b.red)), abs(Int(a.green) - Int(b.green)), abs(Int(a.blue) - Int(b.blue)))
    }
}
