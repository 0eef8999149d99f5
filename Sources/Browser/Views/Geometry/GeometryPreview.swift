import Images
import SegmentsAPI
import TerminalUI

/// A label drawn in the terminal: boxes and polygons of image labels, or a top-down view of
/// point-cloud cuboids (footprints with a heading tick), scaled to the pane, coloured by category.
enum GeometryPreview {
    struct Shape {
        var points: [(x: Double, y: Double)]
        var closed: Bool
        var categoryIndex: Int
        /// For cuboids: centre → front, the heading.
        var heading: ((x: Double, y: Double), (x: Double, y: Double))?
    }

    struct Scene {
        var shapes: [Shape]
        /// Point clouds are seen from above with y pointing up; images have y pointing down.
        var yUp: Bool
        var caption: String
        /// The dataset's categories: a shape's colour is its category's.
        var categories: [TaskCategory] = []
    }

    /// What can be drawn for this label, or a reason in `caption` with no shapes.
    /// `frame`: which frame of a sequence label to draw.
    static func scene(for label: Label, dataset: Dataset, frame: Int = 0) -> Scene {
        let categories = dataset.taskAttributes?.categories ?? []
        func index(of id: Int) -> Int { categories.firstIndex { $0.id == id } ?? id }
        guard let attributes = label.attributes else { return Scene(shapes: [], yUp: false, caption: "empty label") }
        switch SampleFrames.drawable(attributes.content(for: label.labelType == .none ? dataset.taskType : label.labelType), frame: frame) {
        case .imageVector(let vector):
            let shapes = vector.annotations.map { annotation -> Shape in
                let points = annotation.points.compactMap { $0.count >= 2 ? (x: $0[0], y: $0[1]) : nil }
                switch annotation.type.rawValue {
                case "bbox" where points.count >= 2:
                    let (a, b) = (points[0], points[1])
                    return Shape(points: [a, (b.x, a.y), b, (a.x, b.y)], closed: true, categoryIndex: index(of: annotation.categoryID))
                case "polygon":
                    return Shape(points: points, closed: true, categoryIndex: index(of: annotation.categoryID))
                default:
                    return Shape(points: points, closed: false, categoryIndex: index(of: annotation.categoryID))
                }
            }
            return Scene(shapes: shapes, yUp: false, caption: "image · \(shapes.count) shapes", categories: categories)
        case .pointcloudCuboid(let cuboids):
            let shapes = cuboids.annotations.map { cuboid(position: $0.position, dimensions: $0.dimensions, yaw: $0.yaw, category: index(of: $0.categoryID)) }
            return Scene(shapes: shapes, yUp: true, caption: "top-down · \(shapes.count) cuboids", categories: categories)
        case .pointcloudVector(let vector):
            let shapes = vector.annotations.compactMap { item -> Shape? in
                if case .cuboid(let value) = item {
                    return cuboid(position: value.position, dimensions: value.dimensions, yaw: value.yaw, category: index(of: value.categoryID))
                }
                return nil
            }
            return Scene(shapes: shapes, yUp: true, caption: "top-down · \(shapes.count) cuboids", categories: categories)
        case .imageSegmentation(let segmentation):
            return Scene(shapes: [], yUp: false, caption: "masks · \(segmentation.annotations.count) instances")
        default:
            return Scene(shapes: [], yUp: false, caption: "no preview for \(label.labelType.rawValue) labels")
        }
    }

    static func cuboid(position: XYZ, dimensions: XYZ, yaw: Double, category: Int) -> Shape {
        let (c, s) = (cosine(yaw), sine(yaw))
        let halfLength = dimensions.x / 2
        let halfWidth = dimensions.y / 2
        let corners = [(halfLength, halfWidth), (halfLength, -halfWidth), (-halfLength, -halfWidth), (-halfLength, halfWidth)]
            .map { (x: position.x + $0.0 * c - $0.1 * s, y: position.y + $0.0 * s + $0.1 * c) }
        let front = (x: position.x + halfLength * 1.4 * c, y: position.y + halfLength * 1.4 * s)
        return Shape(points: corners, closed: true, categoryIndex: category, heading: ((position.x, position.y), front))
    }

    /// Draws the scene scaled to fit `area` with a uniform scale (dots are about square).
    static func render(_ scene: Scene, into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        var all = scene.shapes.flatMap(\.points)
        if !scene.yUp { all.append((0, 0)) }  // images start at their top-left corner
        guard let minX = all.map(\.x).min(), let maxX = all.map(\.x).max(), let minY = all.map(\.y).min(),
            let maxY = all.map(\.y).max()
        else {
            screen.put(DisplayText(scene.caption), in: area.row(area.height / 2), style: Style(.muted), alignment: .center)
            return
        }
        var canvas = BrailleCanvas(columns: area.width, rows: area.height)
        let spanX = max(maxX - minX, 1e-9)
        let spanY = max(maxY - minY, 1e-9)
        let scale = min(Double(canvas.dotWidth - 1) / spanX, Double(canvas.dotHeight - 1) / spanY)
        let offsetX = (Double(canvas.dotWidth - 1) - spanX * scale) / 2
        let offsetY = (Double(canvas.dotHeight - 1) - spanY * scale) / 2
        func dot(_ point: (x: Double, y: Double)) -> (x: Int, y: Int) {
            let x = (point.x - minX) * scale + offsetX
            let y = scene.yUp ? (maxY - point.y) * scale + offsetY : (point.y - minY) * scale + offsetY
            return (Int(x.rounded()), Int(y.rounded()))
        }
        let palette = CategoryPalette(categories: scene.categories)
        for shape in scene.shapes {
            let style = Palette.categoryStyle(index: shape.categoryIndex, categories: scene.categories, palette: palette)
            let dots = shape.points.map(dot)
            if dots.count == 1, let only = dots.first { canvas.plot(only.x, only.y, style: style) }
            for (start, end) in zip(dots, dots.dropFirst()) { canvas.line(from: start, to: end, style: style) }
            if shape.closed, let first = dots.first, let last = dots.last, dots.count > 2 {
                canvas.line(from: last, to: first, style: style)
            }
            if let heading = shape.heading { canvas.line(from: dot(heading.0), to: dot(heading.1), style: style) }
        }
        canvas.draw(into: &screen, at: area.origin)
    }

    // Sine by its Taylor series after range reduction (no Foundation needed); ample for drawing.
    static func sine(_ angle: Double) -> Double {
        var x = angle.truncatingRemainder(dividingBy: 2 * Double.pi)
        if x > Double.pi { x -= 2 * Double.pi }
        if x < -Double.pi { x += 2 * Double.pi }
        var term = x
        var sum = x
        for n in 1..<12 {
            term *= -x * x / Double((2 * n) * (2 * n + 1))
            sum += term
        }
        return sum
    }

    static func cosine(_ angle: Double) -> Double { sine(angle + Double.pi / 2) }
}
