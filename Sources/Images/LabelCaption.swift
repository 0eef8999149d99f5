import SegmentsAPI

/// A category name to show at a shape, placed relative to the picture so a terminal can
/// put it into whatever cells the picture ends up in.
public struct LabelCaption: Hashable, Sendable {
    public var text: String
    public var color: RGBColor
    /// The top-left corner of the shape's bounds, as fractions (0…1) of the picture.
    public var x: Double
    public var y: Double
    /// The shape's width as a fraction of the picture: a caption wider than its shape is not shown.
    public var width: Double

    public init(text: String, color: RGBColor, x: Double, y: Double, width: Double) {
        self.text = text
        self.color = color
        self.x = x
        self.y = y
        self.width = width
    }

    /// One caption per shape whose category has a name, largest shapes first (they win
    /// when captions would overlap).
    public static func captions(for shapes: [LabelShape], originalSize: PixelSize, palette: CategoryPalette)
        -> [LabelCaption]
    {
        guard originalSize.width > 0, originalSize.height > 0 else { return [] }
        let width = Double(originalSize.width), height = Double(originalSize.height)
        return shapes.compactMap { shape -> (LabelCaption, Double)? in
            guard let name = palette.name(for: shape.categoryID), !name.isEmpty else { return nil }
            let points: [ImagePoint]
            switch shape.geometry {
            case .box(let a, let b): points = [a, b]
            case .polygon(let all), .polyline(let all): points = all
            case .point(let point): points = [point]
            }
            let xs = points.map(\.x), ys = points.map(\.y)
            guard let left = xs.min(), let right = xs.max(), let top = ys.min(), let bottom = ys.max() else { return nil }
            let caption = LabelCaption(
                text: name, color: palette.color(for: shape.categoryID), x: max(0, left / width),
                y: max(0, top / height), width: (right - left) / width)
            return (caption, (right - left) * (bottom - top))
        }
        .sorted { $0.1 > $1.1 }
        .map(\.0)
    }
}
