/// Drawing primitives on RGBA pixels, in pixel coordinates of the image drawn on.
///
/// Written by hand: the image libraries we use decode, encode and convert for terminals,
/// none draws shapes, and these few primitives (thick lines, outlines, scanline fill,
/// discs) do not justify a graphics library such as cairo with its dependencies.
public struct Rasterizer: Sendable {
    public var lineWidth: Int

    public init(lineWidth: Int = 1) {
        self.lineWidth = max(1, lineWidth)
    }

    /// A line with a square brush of `lineWidth`, both ends included.
    public func line(_ image: inout RGBAImage, from start: ImagePoint, to end: ImagePoint, color: RGBColor) {
        var x0 = Int(start.x.rounded()), y0 = Int(start.y.rounded())
        let x1 = Int(end.x.rounded()), y1 = Int(end.y.rounded())
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let stepX = x0 < x1 ? 1 : -1, stepY = y0 < y1 ? 1 : -1
        var error = dx + dy
        // Bresenham; a line far outside the image still terminates after max(dx, -dy) steps.
        while true {
            brush(&image, x: x0, y: y0, color: color)
            if x0 == x1 && y0 == y1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x0 += stepX }
            if doubled <= dx { error += dx; y0 += stepY }
        }
    }

    /// The outline of the rectangle with these corners (in any order), inside its edges.
    public func rectangle(_ image: inout RGBAImage, _ a: ImagePoint, _ b: ImagePoint, color: RGBColor) {
        let left = min(a.x, b.x), right = max(a.x, b.x), top = min(a.y, b.y), bottom = max(a.y, b.y)
        let inset = Double(lineWidth - 1) / 2
        let corners = [
            ImagePoint(x: left + inset, y: top + inset), ImagePoint(x: right - inset, y: top + inset),
            ImagePoint(x: right - inset, y: bottom - inset), ImagePoint(x: left + inset, y: bottom - inset),
        ]
        polyline(&image, corners + [corners[0]], color: color)
    }

    public func polyline(_ image: inout RGBAImage, _ points: [ImagePoint], color: RGBColor) {
        guard let first = points.first else { return }
        if points.count == 1 { brush(&image, x: Int(first.x.rounded()), y: Int(first.y.rounded()), color: color) }
        for (start, end) in zip(points, points.dropFirst()) { line(&image, from: start, to: end, color: color) }
    }

    /// Fills the inside of a polygon (even-odd rule, pixel centres) with `color` at `opacity`.
    public func fillPolygon(_ image: inout RGBAImage, _ points: [ImagePoint], color: RGBColor, opacity: Double) {
        guard points.count >= 3, opacity > 0, image.height > 0 else { return }
        let top = max(0, Int(points.map(\.y).min() ?? 0)), bottom = min(image.height - 1, Int(points.map(\.y).max() ?? 0))
        guard top <= bottom else { return }
        var crossings: [Double] = []
        for y in top...bottom {
            let centre = Double(y) + 0.5
            crossings.removeAll(keepingCapacity: true)
            for (index, a) in points.enumerated() {
                let b = points[(index + 1) % points.count]
                if (a.y <= centre) != (b.y <= centre) {
                    crossings.append(a.x + (centre - a.y) / (b.y - a.y) * (b.x - a.x))
                }
            }
            crossings.sort()
            var index = 0
            while index + 1 < crossings.count {
                let from = max(0, Int((crossings[index] - 0.5).rounded(.up)))
                let to = min(image.width - 1, Int((crossings[index + 1] - 0.5).rounded(.down)))
                if from <= to {
                    for x in from...to { image.blend(x: x, y: y, color: color, opacity: opacity) }
                }
                index += 2
            }
        }
    }

    /// A filled disc, for points and keypoints, with a dark rim so it shows on any background.
    public func disc(_ image: inout RGBAImage, at centre: ImagePoint, radius: Int, color: RGBColor) {
        let cx = Int(centre.x.rounded()), cy = Int(centre.y.rounded())
        let outer = radius + 1
        for y in (cy - outer)...(cy + outer) {
            for x in (cx - outer)...(cx + outer) {
                let distance = (x - cx) * (x - cx) + (y - cy) * (y - cy)
                if distance <= radius * radius {
                    image.blend(x: x, y: y, color: color)
                } else if distance <= outer * outer {
                    image.blend(x: x, y: y, color: .black, opacity: 0.6)
                }
            }
        }
    }

    private func brush(_ image: inout RGBAImage, x: Int, y: Int, color: RGBColor) {
        let before = (lineWidth - 1) / 2
        for dy in 0..<lineWidth {
            for dx in 0..<lineWidth { image.blend(x: x - before + dx, y: y - before + dy, color: color) }
        }
    }
}
