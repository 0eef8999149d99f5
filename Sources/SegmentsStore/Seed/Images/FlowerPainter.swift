import Foundation
import Images
import SegmentsAPI

/// Garden flowers for the segmentation dataset. Every part is one instance (petals,
/// stem, leaf, bee: categories 1…4) painted twice with the same polygon: in colour on the
/// photo, and as its instance id in the bitmap, so mask and picture agree pixel for pixel.
enum FlowerPainter {
    static let size = PixelSize(width: 800, height: 600)

    static func paint(_ random: inout SeededRandom, categoryCount: Int) throws -> DemoScene {
        var photo = RGBAImage(width: size.width, height: size.height)
        photo.fillGradient(y0: 0, y1: size.height, top: RGBColor(packed: 0x7DCEA0), bottom: RGBColor(packed: 0x1E8449))
        for _ in 0..<40 {
            let x = random.int(0...size.width), y = random.int(0...size.height)
            Rasterizer().disc(&photo, at: ImagePoint(x: Double(x), y: Double(y)), radius: random.int(6...20),
                              color: random.color(RGBColor(packed: 0x52BE80), spread: 25))
        }
        guard var bitmap = SegmentationMask.encode(
            instanceIDs: [UInt32](repeating: 0, count: size.width * size.height), width: size.width, height: size.height)
        else { throw SegmentsError.validation("demo bitmap") }

        var annotations: [JSONValue] = []
        var nextID = 1
        func part(_ polygon: [ImagePoint], category: Int, color: RGBColor) {
            guard category <= categoryCount else { return }
            let id = nextID
            nextID += 1
            Rasterizer().fillPolygon(&photo, polygon, color: color, opacity: 1)
            Rasterizer().fillPolygon(&bitmap, polygon, color: SegmentationMask.color(forInstance: UInt32(id)), opacity: 1)
            annotations.append(["id": .int(Int64(id)), "category_id": .int(Int64(category))])
        }

        let flowers = random.int(1...4)
        for _ in 0..<flowers {
            let radius = Double(random.int(45...95))
            let cx = Double(random.int(Int(radius) + 10...(size.width - Int(radius) - 10)))
            let cy = Double(random.int(Int(radius) + 10...(size.height / 2 + 40)))
            let sway = Double(random.int(-40...40))
            let bottom = Double(size.height)
            part([ImagePoint(x: cx - 5, y: cy), ImagePoint(x: cx + 5, y: cy), ImagePoint(x: cx + sway + 7, y: bottom),
                  ImagePoint(x: cx + sway - 7, y: bottom)], category: 2, color: RGBColor(packed: 0x196F3D))
            let leafY = cy + (bottom - cy) * random.double(0.4...0.7)
            let side: Double = random.chance(0.5) ? 1 : -1
            part(ellipse(cx: cx + sway / 2 + side * 45, cy: leafY, rx: 48, ry: 16, tilt: side * 0.5),
                 category: 3, color: RGBColor(packed: 0x27AE60))
            let petals = random.int(5...8)
            let petalColor = random.pick([0xE91E63, 0xF7DC6F, 0xFDFEFE, 0x8E44AD, 0xE67E22].map(RGBColor.init(packed:)))
            let outline = (0..<72).map { step -> ImagePoint in
                let angle = Double(step) / 72 * 2 * Double.pi
                let r = radius * (0.55 + 0.45 * abs(cos(Double(petals) * angle / 2)))
                return ImagePoint(x: cx + r * cos(angle), y: cy + r * sin(angle))
            }
            part(outline, category: 1, color: petalColor)
            Rasterizer().disc(&photo, at: ImagePoint(x: cx, y: cy), radius: Int(radius / 4), color: RGBColor(packed: 0x9A7D0A))
            if random.chance(0.4) {
                let bx = cx + radius * 0.8, by = cy - radius * 0.6
                part(ellipse(cx: bx, cy: by, rx: 16, ry: 10, tilt: 0.3), category: 4, color: RGBColor(packed: 0xF4D03F))
                Rasterizer(lineWidth: 3).line(&photo, from: ImagePoint(x: bx - 3, y: by - 9), to: ImagePoint(x: bx - 3, y: by + 9),
                                              color: RGBColor(packed: 0x17202A))
            }
        }
        return DemoScene(
            image: try JPEGCodec.encode(photo, quality: 85), annotations: annotations,
            bitmap: try PNGCodec.encode(bitmap), size: size)
    }

    static func ellipse(cx: Double, cy: Double, rx: Double, ry: Double, tilt: Double) -> [ImagePoint] {
        (0..<36).map { step in
            let angle = Double(step) / 36 * 2 * Double.pi
            let x = rx * cos(angle), y = ry * sin(angle)
            return ImagePoint(x: cx + x * cos(tilt) - y * sin(tilt), y: cy + x * sin(tilt) + y * cos(tilt))
        }
    }
}
