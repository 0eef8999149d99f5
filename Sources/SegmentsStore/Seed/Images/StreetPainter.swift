import Images
import SegmentsAPI

/// A street seen from a dash-cam: sky, houses, pavement, road; then road users drawn in
/// their boxes. Categories 1…5 are car, pedestrian, cyclist, traffic light, bus (the demo's order).
enum StreetPainter {
    static let size = PixelSize(width: 1280, height: 720)

    static func paint(_ random: inout SeededRandom, categoryCount: Int) throws -> DemoScene {
        var image = background(&random)
        let rasterizer = Rasterizer(lineWidth: 2)
        var annotations: [JSONValue] = []
        for id in 1...random.int(2...6) {
            let object = roadUser(&random, categoryCount: categoryCount)
            let box = object.box
            draw(category: object.category, in: box, on: &image, rasterizer: rasterizer, random: &random)
            annotations.append(DemoAnnotation.box(id: id, category: object.category, x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1))
        }
        return DemoScene(image: try JPEGCodec.encode(image, quality: 82), annotations: annotations, bitmap: nil, size: size)
    }

    /// A short clip from a moving dash-cam: the same street in every frame, road users
    /// driving or walking across it, each keeping its `track_id` (and its look) from frame
    /// to frame. A road user that has left the picture has no box in that frame.
    static func paintClip(_ random: inout SeededRandom, categoryCount: Int, frames: Int) throws -> DemoScene {
        let street = background(&random)
        let rasterizer = Rasterizer(lineWidth: 2)
        let users = (1...random.int(3...5)).map { _ in
            // Traffic lights stand still; the others move 12–45 px a frame, either way.
            let object = roadUser(&random, categoryCount: categoryCount)
            let speed = object.category == 4 ? 0 : random.int(12...45) * (random.chance(0.5) ? 1 : -1)
            return (object: object, speed: speed, look: random.next())
        }
        var shots: [DemoScene] = []
        for frame in 0..<max(1, frames) {
            var image = street
            var annotations: [JSONValue] = []
            for (id, user) in zip(1..., users) {
                let shift = user.speed * frame
                let box = (x0: user.object.box.x0 + shift, y0: user.object.box.y0,
                           x1: user.object.box.x1 + shift, y1: user.object.box.y1)
                // Off the picture: drawn nowhere, labelled nowhere.
                guard box.x1 > 0, box.x0 < size.width else { continue }
                var look = SeededRandom(seed: user.look)
                draw(category: user.object.category, in: box, on: &image, rasterizer: rasterizer, random: &look)
                annotations.append(DemoAnnotation.box(
                    id: id, category: user.object.category, x0: max(0, box.x0), y0: box.y0,
                    x1: min(size.width, box.x1), y1: box.y1, trackID: id))
            }
            shots.append(DemoScene(image: try JPEGCodec.encode(image, quality: 82), annotations: annotations, bitmap: nil, size: size))
        }
        var clip = shots[0]
        clip.frames = shots
        return clip
    }

    /// Sky, houses, pavement, road and its markings.
    private static func background(_ random: inout SeededRandom) -> RGBAImage {
        var image = RGBAImage(width: size.width, height: size.height)
        image.fillGradient(y0: 0, y1: horizon, top: RGBColor(packed: 0x6FA8DC), bottom: RGBColor(packed: 0xCFE2F3))
        var x = 0
        while x < size.width {
            let width = random.int(80...220), height = random.int(90...260)
            image.fillRect(x0: x, y0: horizon - height, x1: x + width, y1: horizon,
                           color: random.color(RGBColor(packed: 0x9E8E7E), spread: 40))
            x += width + random.int(0...30)
        }
        image.fillRect(x0: 0, y0: horizon, x1: size.width, y1: horizon + 50, color: RGBColor(packed: 0xB7B7B7))
        image.fillGradient(y0: horizon + 50, y1: size.height, top: RGBColor(packed: 0x8A8A8A),
                           bottom: RGBColor(packed: 0x6A6A6A))
        for dash in stride(from: 20, to: size.width, by: 160) {
            image.fillRect(x0: dash, y0: 560, x1: dash + 80, y1: 572, color: RGBColor(packed: 0xEEEEEE))
        }
        return image
    }

    private static let horizon = 330

    /// A road user of a random category, sized for it, where it belongs (lights above the road).
    private static func roadUser(_ random: inout SeededRandom, categoryCount: Int) -> (category: Int, box: Box) {
        let category = random.int(1...max(1, min(5, categoryCount)))
        let (width, height): (Int, Int)
        switch category {
        case 1: (width, height) = (random.int(170...300), random.int(90...150))
        case 2: (width, height) = (random.int(35...60), random.int(110...180))
        case 3: (width, height) = (random.int(90...130), random.int(110...160))
        case 4: (width, height) = (random.int(28...40), random.int(80...110))
        default: (width, height) = (random.int(320...480), random.int(180...240))
        }
        let x0 = random.int(0...(size.width - width))
        let y0 = category == 4 ? random.int(60...(horizon - height - 20))
            : random.int((horizon + 40 - height / 2)...(size.height - height - 4))
        return (category, (x0: x0, y0: y0, x1: x0 + width, y1: y0 + height))
    }

    typealias Box = (x0: Int, y0: Int, x1: Int, y1: Int)

    private static func draw(
        category: Int, in box: Box, on image: inout RGBAImage, rasterizer: Rasterizer, random: inout SeededRandom
    ) {
        let w = box.x1 - box.x0, h = box.y1 - box.y0
        func p(_ fx: Double, _ fy: Double) -> ImagePoint {
            ImagePoint(x: Double(box.x0) + fx * Double(w), y: Double(box.y0) + fy * Double(h))
        }
        switch category {
        case 1:  // car: body, cabin with windows, wheels
            let paint = random.pick([0xC0392B, 0x2E86C1, 0xF4F6F7, 0x117A65, 0xC2185B, 0xD4AC0D].map(RGBColor.init(packed:)))
            image.fillRect(x0: box.x0, y0: box.y0 + h * 4 / 10, x1: box.x1, y1: box.y1 - h / 6, color: paint)
            rasterizer.fillPolygon(&image, [p(0.2, 0.42), p(0.3, 0.05), p(0.72, 0.05), p(0.85, 0.42)], color: paint, opacity: 1)
            rasterizer.fillPolygon(&image, [p(0.27, 0.38), p(0.34, 0.11), p(0.49, 0.11), p(0.49, 0.38)],
                                   color: RGBColor(packed: 0xA9CCE3), opacity: 1)
            rasterizer.fillPolygon(&image, [p(0.53, 0.38), p(0.53, 0.11), p(0.69, 0.11), p(0.79, 0.38)],
                                   color: RGBColor(packed: 0xA9CCE3), opacity: 1)
            for fx in [0.22, 0.78] {
                rasterizer.disc(&image, at: p(fx, 0.83), radius: max(4, h / 6), color: RGBColor(packed: 0x111111))
            }
        case 2:  // pedestrian: head, coat, legs
            rasterizer.disc(&image, at: p(0.5, 0.1), radius: max(3, w / 4), color: RGBColor(packed: 0xE0AC69))
            image.fillRect(x0: box.x0 + w / 6, y0: box.y0 + h / 5, x1: box.x1 - w / 6, y1: box.y0 + h * 6 / 10,
                           color: random.color(RGBColor(packed: 0x7B241C), spread: 60))
            image.fillRect(x0: box.x0 + w / 5, y0: box.y0 + h * 6 / 10, x1: box.x0 + w / 2 - 2, y1: box.y1,
                           color: RGBColor(packed: 0x1B2631))
            image.fillRect(x0: box.x0 + w / 2 + 2, y0: box.y0 + h * 6 / 10, x1: box.x1 - w / 5, y1: box.y1,
                           color: RGBColor(packed: 0x1B2631))
        case 3:  // cyclist: wheels, frame, rider
            let thick = Rasterizer(lineWidth: 4)
            for fx in [0.22, 0.78] {
                rasterizer.disc(&image, at: p(fx, 0.78), radius: max(6, w / 5), color: RGBColor(packed: 0x17202A))
                rasterizer.disc(&image, at: p(fx, 0.78), radius: max(3, w / 5 - 5), color: RGBColor(packed: 0x2C3E50))
            }
            thick.polyline(&image, [p(0.22, 0.78), p(0.45, 0.5), p(0.78, 0.78)], color: RGBColor(packed: 0x28B463))
            image.fillRect(x0: box.x0 + w * 35 / 100, y0: box.y0 + h / 6, x1: box.x0 + w * 6 / 10, y1: box.y0 + h / 2,
                           color: RGBColor(packed: 0xF39C12))
            rasterizer.disc(&image, at: p(0.48, 0.1), radius: max(3, w / 9), color: RGBColor(packed: 0xE0AC69))
        case 4:  // traffic light: pole, housing, three lamps
            image.fillRect(x0: box.x0 + w * 4 / 10, y0: box.y0 + h * 3 / 4, x1: box.x0 + w * 6 / 10, y1: box.y1,
                           color: RGBColor(packed: 0x424949))
            image.fillRect(x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y0 + h * 3 / 4, color: RGBColor(packed: 0x1C2833))
            let lit = random.int(0...2)
            for (index, color) in [0xE74C3C, 0xF1C40F, 0x2ECC71].enumerated() {
                let shade = index == lit ? RGBColor(packed: UInt32(color)) : RGBColor(packed: 0x4D5656)
                rasterizer.disc(&image, at: p(0.5, 0.12 + Double(index) * 0.24), radius: max(3, w / 3), color: shade)
            }
        default:  // bus: yellow body, window band, wheels
            image.fillRect(x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1 - h / 8, color: RGBColor(packed: 0xF1C40F))
            var windowX = box.x0 + w / 20
            while windowX + w / 10 < box.x1 - w / 20 {
                image.fillRect(x0: windowX, y0: box.y0 + h / 8, x1: windowX + w / 10, y1: box.y0 + h * 4 / 10,
                               color: RGBColor(packed: 0x85C1E9))
                windowX += w / 8
            }
            for fx in [0.18, 0.82] {
                rasterizer.disc(&image, at: p(fx, 0.88), radius: max(5, h / 9), color: RGBColor(packed: 0x111111))
            }
        }
    }
}
