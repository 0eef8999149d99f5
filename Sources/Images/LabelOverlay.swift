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
        /// How many distinct points the picture will be seen at (for symbols: columns × twice
        /// the rows). Outlines are made at least one such point thick, or they would vanish
        /// when the terminal shows a large image in a few cells.
        public var resolution: PixelSize?

        public init(
            lineWidth: Int? = nil, fillOpacity: Double = 0.15, maskOpacity: Double = 0.5, resolution: PixelSize? = nil
        ) {
            self.lineWidth = lineWidth
            self.fillOpacity = fillOpacity
            self.maskOpacity = maskOpacity
            self.resolution = resolution
        }

        /// The outline width on an image of this size.
        func lineWidth(on image: RGBAImage) -> Int {
            if let lineWidth { return max(1, lineWidth) }
            guard let resolution, resolution.width > 0, resolution.height > 0, image.width > 0, image.height > 0 else {
                return max(1, min(image.width, image.height) / 150)
            }
            // The picture is fitted into the resolution, aspect kept: one point is 1/scale pixels.
            let scale = min(Double(resolution.width) / Double(image.width), Double(resolution.height) / Double(image.height))
            return max(2, Int((1 / scale).rounded(.up)))
        }
    }

    /// Shapes given in the original image's coordinates, drawn on `decoded` (which may be scaled).
    public static func draw(
        _ shapes: [LabelShape], on decoded: DecodedImage, palette: CategoryPalette, style: Style = Style()
    ) -> RGBAImage {
        var image = decoded.image
        let width = style.lineWidth(on: image)
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
