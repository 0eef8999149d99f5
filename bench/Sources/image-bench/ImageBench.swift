import Foundation
import Images
import SegmentsAPI
import TerminalUI

/// Times the image path of issue 12: a 1920×1080 JPEG read from the disk cache, decoded
/// (scaled while decoding), its boxes drawn, converted for the terminal and turned into the
/// bytes that go to the tty, for a 100×30-cell frame. Prints medians and 95th percentiles.
///
/// `swift run -c release image-bench [iterations]`, or `image-bench --memory [count]` for the
/// resident memory while N distinct pictures go through.
@main
struct ImageBench {
    static func main() throws {
        if CommandLine.arguments.dropFirst().first == "--memory" {
            try memory(count: CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 1000)
            return
        }
        let iterations = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 40
        let cells = Size(width: 100, height: 30)
        let (jpeg, shapes, palette) = try makeInput()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("image-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DiskCache(directory: folder, capacityBytes: 64 << 20)
        let url = "https://images.example.com/frame.jpg"
        cache.write(url: url, data: jpeg, contentType: "image/jpeg")

        print("image-bench: 1920×1080 JPEG (\(jpeg.count / 1024) KiB, \(shapes.count) boxes) → \(cells.width)×\(cells.height) cells, \(iterations) runs, median / p95")
        for (name, renderer, cellPixels) in [
            ("symbols, 24-bit", ImageRenderer(graphics: .symbols, symbolColors: .trueColor), Size(width: 8, height: 16)),
            ("symbols, 256 colours", ImageRenderer(graphics: .symbols, symbolColors: .palette256), Size(width: 8, height: 16)),
            ("symbols + sextants", ImageRenderer(graphics: .symbols, symbols: .sextants), Size(width: 8, height: 16)),
            ("kitty", ImageRenderer(graphics: .kitty), Size(width: 10, height: 20)),
            ("sixel", ImageRenderer(graphics: .sixel), Size(width: 10, height: 20)),
            ("iTerm2", ImageRenderer(graphics: .iterm), Size(width: 10, height: 20)),
        ] {
            var stages: [String: [Double]] = [:]
            var bytes = 0
            for _ in 0..<iterations {
                var mark = ContinuousClock.now
                func lap(_ stage: String) {
                    let now = ContinuousClock.now
                    stages[stage, default: []].append((now - mark).milliseconds)
                    mark = now
                }
                let start = mark
                guard let entry = cache.read(url: url) else { throw ImageError.empty }
                lap("cache read")
                let target = PixelSize(width: cells.width * cellPixels.width, height: cells.height * cellPixels.height)
                let decoded = try ImageDecoder.decode(entry.data, contentType: entry.contentType, fitting: target)
                lap("decode")
                let drawn = LabelOverlay.draw(shapes, on: decoded, palette: palette)
                lap("labels")
                let fitted = ImageRenderer.fit(pixelWidth: drawn.width, pixelHeight: drawn.height, into: cells)
                let image = try renderer.render(rgba: drawn.bytes, width: drawn.width, height: drawn.height, cells: fitted)
                lap("chafa")
                bytes = image.output(at: Point(x: 0, y: 0)).count
                lap("output")
                stages["total", default: []].append((ContinuousClock.now - start).milliseconds)
            }
            let order = ["cache read", "decode", "labels", "chafa", "output", "total"]
            let parts = order.map { stage -> String in
                let values = stages[stage, default: []].sorted()
                return "\(stage) \(format(percentile(values, 0.5)))/\(format(percentile(values, 0.95)))"
            }
            print("  \(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(parts.joined(separator: "  ")) ms  (\(bytes / 1024) KiB out)")
        }
    }

    /// `--memory N`: N distinct 1920×1080 JPEGs through the browser's path (the loader's
    /// decoded-image cache size, labels, symbols), printing the resident memory as it goes: what
    /// browsing N pictures in a row costs, C libraries included.
    static func memory(count: Int) throws {
        let (_, shapes, palette) = try makeInput()
        var base = RGBAImage(width: 1920, height: 1080)
        base.fillGradient(y0: 0, y1: 1080, top: RGBColor(packed: 0x6FA8DC), bottom: RGBColor(packed: 0x333333))
        let cache = MemoryCache<String, DecodedImage>(capacityBytes: SampleImageLoader.defaultMemoryBytes)
        let renderer = ImageRenderer(graphics: .symbols)
        var shown: TerminalImage?
        print("image-bench --memory: \(count) distinct 1920×1080 JPEGs → 100×30 cells; RSS in MiB")
        print("  start \(residentMiB())")
        for index in 0..<count {
            var frame = base
            frame.fillRect(x0: (index * 37) % 1800, y0: (index * 23) % 1000, x1: (index * 37) % 1800 + 120,
                           y1: (index * 23) % 1000 + 80, color: RGBColor(packed: UInt32(index * 7919) & 0xFFFFFF))
            let jpeg = try JPEGCodec.encode(frame, quality: 85)
            let decoded = try ImageDecoder.decode(jpeg, fitting: PixelSize(width: 800, height: 480))
            cache.insert(decoded, for: "frame \(index)")
            let drawn = LabelOverlay.draw(shapes, on: decoded, palette: palette)
            let cells = ImageRenderer.fit(pixelWidth: drawn.width, pixelHeight: drawn.height, into: Size(width: 100, height: 30))
            shown = try renderer.render(rgba: drawn.bytes, width: drawn.width, height: drawn.height, cells: cells)
            if (index + 1) % (max(1, count / 10)) == 0 {
                print("  after \(index + 1): \(residentMiB())  (cache \(cache.totalCost >> 20) MiB in \(cache.count) pictures)")
            }
        }
        _ = shown
    }

    /// Resident set size from /proc/self/statm (pages → MiB).
    static func residentMiB() -> String {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return "?" }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return "?" }
        return String(format: "%.1f", Double(pages * Int(sysconf(Int32(_SC_PAGESIZE)))) / 1_048_576)
    }

    /// A photo-like frame: gradients, noise (so the JPEG is as large as a real one) and
    /// coloured blocks where the boxes are.
    static func makeInput() throws -> (Data, [LabelShape], CategoryPalette) {
        var image = RGBAImage(width: 1920, height: 1080)
        image.fillGradient(y0: 0, y1: 540, top: RGBColor(packed: 0x6FA8DC), bottom: RGBColor(packed: 0xDDEEFF))
        image.fillGradient(y0: 540, y1: 1080, top: RGBColor(packed: 0x666666), bottom: RGBColor(packed: 0x333333))
        var state: UInt32 = 12345
        for index in stride(from: 0, to: image.bytes.count, by: 4) {
            state = state &* 1_103_515_245 &+ 12345
            let noise = Int(state >> 27) - 16
            for channel in 0..<3 {
                image.bytes[index + channel] = UInt8(max(0, min(255, Int(image.bytes[index + channel]) + noise)))
            }
        }
        var shapes: [LabelShape] = []
        for index in 0..<8 {
            let x = Double(100 + index * 220), y = Double(400 + (index % 3) * 150)
            image.fillRect(x0: Int(x), y0: Int(y), x1: Int(x) + 180, y1: Int(y) + 120,
                           color: RGBColor(packed: UInt32(0x402000 + index * 0x101810)))
            shapes.append(LabelShape(categoryID: index % 5 + 1,
                                     geometry: .box(ImagePoint(x: x, y: y), ImagePoint(x: x + 180, y: y + 120))))
        }
        let palette = CategoryPalette(categories: ["car", "pedestrian", "cyclist", "traffic_light", "bus"].enumerated().map {
            TaskCategory(name: $0.element, id: $0.offset + 1)
        })
        return (try JPEGCodec.encode(image, quality: 90), shapes, palette)
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
