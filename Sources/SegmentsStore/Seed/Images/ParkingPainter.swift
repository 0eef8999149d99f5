import Foundation
import Images
import SegmentsAPI

/// A parking lot from above: bays in two rows (some taken by vehicles), trees along the
/// edge and a building. Categories 1…4 are parking bay, vehicle, tree, building; every
/// object is labelled with the polygon it was painted from.
enum ParkingPainter {
    static let size = PixelSize(width: 1024, height: 1024)

    static func paint(_ random: inout SeededRandom, categoryCount: Int) throws -> DemoScene {
        var image = RGBAImage(width: size.width, height: size.height, fill: RGBColor(packed: 0x4D5656))
        let fill = Rasterizer()
        var annotations: [JSONValue] = []
        func add(_ polygon: [ImagePoint], category: Int) {
            guard category <= categoryCount else { return }
            annotations.append(DemoAnnotation.polygon(id: annotations.count + 1, category: category, polygon))
        }
        func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> [ImagePoint] {
            [ImagePoint(x: x, y: y), ImagePoint(x: x + w, y: y), ImagePoint(x: x + w, y: y + h), ImagePoint(x: x, y: y + h)]
        }

        // The building first, in a corner; the lot starts below it.
        let buildingWidth = Double(random.int(260...420)), buildingHeight = Double(random.int(140...200))
        let building = random.chance(0.5)
            ? rect(20, 20, buildingWidth, buildingHeight)
            : [ImagePoint(x: 20, y: 20), ImagePoint(x: 20 + buildingWidth, y: 20),
               ImagePoint(x: 20 + buildingWidth, y: 20 + buildingHeight / 2),
               ImagePoint(x: 20 + buildingWidth / 2, y: 20 + buildingHeight / 2),
               ImagePoint(x: 20 + buildingWidth / 2, y: 20 + buildingHeight), ImagePoint(x: 20, y: 20 + buildingHeight)]
        fill.fillPolygon(&image, building, color: RGBColor(packed: 0xA04000), opacity: 1)
        add(building, category: 4)

        let bayWidth = 72.0, bayHeight = 150.0
        for rowTop in [300.0, 620.0] {
            let bays = random.int(8...12)
            for index in 0..<bays {
                let x = 60 + Double(index) * bayWidth
                Rasterizer(lineWidth: 4).polyline(
                    &image, [ImagePoint(x: x, y: rowTop + bayHeight), ImagePoint(x: x, y: rowTop),
                             ImagePoint(x: x + bayWidth, y: rowTop), ImagePoint(x: x + bayWidth, y: rowTop + bayHeight)],
                    color: RGBColor(packed: 0xF2F3F4))
                add(rect(x, rowTop, bayWidth, bayHeight), category: 1)
                if random.chance(0.55) {
                    let car = rect(x + 12, rowTop + 14, bayWidth - 24, bayHeight - 28)
                    let paint = random.pick([0xC0392B, 0x2E86C1, 0xF4F6F7, 0x17202A, 0x7D3C98, 0xD4AC0D].map(RGBColor.init(packed:)))
                    fill.fillPolygon(&image, car, color: paint, opacity: 1)
                    fill.fillPolygon(&image, rect(x + 18, rowTop + 40, bayWidth - 36, 26), color: RGBColor(packed: 0x85C1E9), opacity: 1)
                    add(car, category: 2)
                }
            }
        }

        for _ in 0..<random.int(2...5) {
            let cx = Double(random.int(520...980)), cy = Double(random.int(40...250))
            let radius = Double(random.int(30...60))
            let crown = (0..<16).map { step -> ImagePoint in
                let angle = Double(step) / 16 * 2 * Double.pi
                let r = radius * random.double(0.8...1.0)
                return ImagePoint(x: (cx + r * cos(angle)).rounded(), y: (cy + r * sin(angle)).rounded())
            }
            fill.fillPolygon(&image, crown, color: random.color(RGBColor(packed: 0x1E8449), spread: 20), opacity: 1)
            add(crown, category: 3)
        }
        return DemoScene(image: try JPEGCodec.encode(image, quality: 80), annotations: annotations, bitmap: nil, size: size)
    }
}
