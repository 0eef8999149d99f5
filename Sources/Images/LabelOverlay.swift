import SegmentsAPI

/// Draws a label onto its image: vector shapes in their categories' colours, or a
/// segmentation mask blended over the photo. Pure: returns new pixels.
public enum LabelOverlay {
    public struct Style: Hashable, Sendable {
        /// Outline width in pixels of the image drawn on; nil picks one from its size.
        public var lineWidth: Int?
        /// Opacity of polygon and box fills (0 = outlines only).
        public var fillOpacity: Double
        public var maskOpacity: Double

        public init(lineWidth: Int? = nil, fillOpacity: Double = 0.15, maskOpacity: Double = 0.5) {
            self.lineWidth = lineWidth
            self.fillOpacity = fillOpacity
            self.maskOpacity = maskOpacity
        }
    }

    /// Shapes given in the original image's coordinates, drawn on `decoded` (which may be scaled).
    public static func draw(
        _ shapes: [LabelShape], on decoded: DecodedImage, palette: CategoryPalette, style: Style = Style()
    ) -> RGBAImage {
        var image = decoded.image
        let width = style.lineWidth ?? max(1, min(image.width, image.height) / 150)
        let rasterizer = Rasterizer(lineWidth: width)
        let sx = decoded.scaleX, sy = decoded.scaleY
        func map(_ point: ImagePoint) -> ImagePoint { ImagePoint(x: point.x * sx, y: point.y * sy) }
        for shape in shapes {
            let color = palette.color(for: shape.categoryID)
            switch shape.geometry {
            case .box(let a, let b):
                let corners = [map(a), ImagePoint(x: map(b).x, y: map(a).y), map(b), ImagePoint(x: map(a).x, y: map(b).y)]
                rasterizer.fillPolygon(&image, corners, color: color, opacity: style.fillOpacity)
                rasterizer.rectangle(&image, map(a), map(b), color: color)
            case .polygon(let points):
                let mapped = points.map(map)
                rasterizer.fillPolygon(&image, mapped, color: color, opacity: style.fillOpacity)
                rasterizer.polyline(&image, mapped + [mapped[0]], color: color)
            case .polyline(let points):
                rasterizer.polyline(&image, points.map(map), color: color)
            case .point(let point):
                rasterizer.disc(&image, at: map(point), radius: width + 1, color: color)
            }
        }
        return image
    }

    /// A segmentation label: its bitmap (decoded PNG) blended over the photo.
    public static func draw(
        segmentation label: ImageSegmentationLabel, bitmap: RGBAImage, on decoded: DecodedImage,
        palette: CategoryPalette, style: Style = Style()
    ) -> RGBAImage {
        var image = decoded.image
        SegmentationMask(bitmap: bitmap).blend(
            over: &image, annotations: label.annotations, palette: palette, opacity: style.maskOpacity)
        return image
    }
}
