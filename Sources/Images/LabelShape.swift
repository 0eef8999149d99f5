import SegmentsAPI

/// A point in image pixel coordinates (of the original image).
public struct ImagePoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One annotation as something to draw: the geometry of the image-vector label kinds.
public struct LabelShape: Hashable, Sendable {
    public enum Geometry: Hashable, Sendable {
        /// Two opposite corners.
        case box(ImagePoint, ImagePoint)
        case polygon([ImagePoint])
        case polyline([ImagePoint])
        /// A point or keypoint.
        case point(ImagePoint)
    }

    public var categoryID: Int
    public var geometry: Geometry

    public init(categoryID: Int, geometry: Geometry) {
        self.categoryID = categoryID
        self.geometry = geometry
    }

    /// The shapes of a bboxes/vector/keypoints label; annotations whose points do not fit
    /// their type (or of a type this version does not know) are skipped, not guessed at.
    public static func shapes(of label: ImageVectorLabel) -> [LabelShape] {
        label.annotations.compactMap(shape(of:))
    }

    public static func shape(of annotation: ImageVectorAnnotation) -> LabelShape? {
        let points = annotation.points.compactMap { pair -> ImagePoint? in
            guard pair.count >= 2, pair[0].isFinite, pair[1].isFinite else { return nil }
            return ImagePoint(x: pair[0], y: pair[1])
        }
        guard points.count == annotation.points.count, !points.isEmpty else { return nil }
        let geometry: Geometry
        switch annotation.type {
        case .bbox:
            guard points.count == 2 else { return nil }
            geometry = .box(points[0], points[1])
        case .polygon:
            guard points.count >= 3 else { return nil }
            geometry = .polygon(points)
        case .polyline:
            guard points.count >= 2 else { return nil }
            geometry = .polyline(points)
        case .point:
            geometry = .point(points[0])
        case .unknown:
            return nil
        }
        return LabelShape(categoryID: annotation.categoryID, geometry: geometry)
    }
}
