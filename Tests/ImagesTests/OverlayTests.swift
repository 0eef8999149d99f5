import Foundation
import Images
import SegmentsAPI
import Testing

@Suite("Labels drawn onto pixels")
struct OverlayTests {
    static let grey = RGBColor(red: 40, green: 40, blue: 40)
    static let palette = CategoryPalette(categories: [
        TaskCategory(name: "car", id: 1, color: [250, 10, 20]),
        TaskCategory(name: "tree", id: 2, color: [10, 200, 30, 255]),
        TaskCategory(name: "no colour", id: 3),
    ])

    static func canvas(width: Int = 100, height: Int = 80) -> DecodedImage {
        DecodedImage(image: RGBAImage(width: width, height: height, fill: grey),
                     originalSize: PixelSize(width: width, height: height))
    }

    @Test("category colours come from the task attributes; one without a colour still gets a stable one")
    func palette() {
        #expect(Self.palette.color(for: 1) == RGBColor(red: 250, green: 10, blue: 20))
        #expect(Self.palette.color(for: 2) == RGBColor(red: 10, green: 200, blue: 30))
        #expect(Self.palette.color(for: 3) == CategoryPalette(categories: []).color(for: 3))
        #expect(Self.palette.name(for: 2) == "tree")
        #expect(RGBColor(components: [1, 2]) == nil && RGBColor(components: [1, 2, 300]) == nil)
    }

    @Test("a box is outlined in its category's colour at its edges, filled lightly, and nothing outside changes")
    func box() {
        let shape = LabelShape(categoryID: 1, geometry: .box(ImagePoint(x: 10, y: 20), ImagePoint(x: 50, y: 60)))
        let drawn = LabelOverlay.draw([shape], on: Self.canvas(), palette: Self.palette,
                                      style: .init(lineWidth: 1, fillOpacity: 0.5))
        let red = RGBColor(red: 250, green: 10, blue: 20)
        for (x, y) in [(10, 20), (50, 20), (10, 60), (50, 60), (30, 20), (30, 60), (10, 40), (50, 40)] {
            #expect(drawn.color(x: x, y: y) == red, "edge pixel \(x),\(y)")
        }
        // Inside: half red, half grey.
        #expect(drawn.color(x: 30, y: 40) == RGBColor(red: 145, green: 25, blue: 30))
        for (x, y) in [(9, 40), (51, 40), (30, 19), (30, 61), (0, 0), (99, 79)] {
            #expect(drawn.color(x: x, y: y) == Self.grey, "outside pixel \(x),\(y)")
        }
    }

    @Test("shapes in original coordinates land scaled on a scaled-down decode")
    func scaled() {
        var decoded = Self.canvas(width: 50, height: 40)
        decoded.originalSize = PixelSize(width: 200, height: 160)
        let shape = LabelShape(categoryID: 2, geometry: .polyline([ImagePoint(x: 0, y: 80), ImagePoint(x: 196, y: 80)]))
        let drawn = LabelOverlay.draw([shape], on: decoded, palette: Self.palette, style: .init(lineWidth: 1))
        let green = RGBColor(red: 10, green: 200, blue: 30)
        #expect(drawn.color(x: 0, y: 20) == green && drawn.color(x: 49, y: 20) == green)
        #expect(drawn.color(x: 25, y: 19) == Self.grey && drawn.color(x: 25, y: 21) == Self.grey)
    }

    @Test("a polygon is filled inside and outlined; a point is a disc")
    func polygonAndPoint() {
        let triangle = LabelShape(categoryID: 2, geometry: .polygon([
            ImagePoint(x: 10, y: 10), ImagePoint(x: 70, y: 10), ImagePoint(x: 10, y: 70),
        ]))
        let point = LabelShape(categoryID: 1, geometry: .point(ImagePoint(x: 80, y: 70)))
        let drawn = LabelOverlay.draw([triangle, point], on: Self.canvas(), palette: Self.palette,
                                      style: .init(lineWidth: 1, fillOpacity: 1))
        let green = RGBColor(red: 10, green: 200, blue: 30)
        #expect(drawn.color(x: 20, y: 20) == green)  // inside
        #expect(drawn.color(x: 60, y: 60) == Self.grey)  // beyond the hypotenuse
        #expect(drawn.color(x: 80, y: 70) == RGBColor(red: 250, green: 10, blue: 20))
        #expect(drawn.color(x: 90, y: 70) == Self.grey)
    }

    @Test("annotations from a vector label become shapes; malformed ones are skipped")
    func shapesFromLabel() {
        let label = ImageVectorLabel(annotations: [
            ImageVectorAnnotation(id: 1, categoryID: 1, points: [[1, 2], [3, 4]], type: .bbox),
            ImageVectorAnnotation(id: 2, categoryID: 1, points: [[1, 2]], type: .bbox),
            ImageVectorAnnotation(id: 3, categoryID: 2, points: [[1, 2], [3, 4], [5, 1]], type: .polygon),
            ImageVectorAnnotation(id: 4, categoryID: 2, points: [[7, 8]], type: .point),
            ImageVectorAnnotation(id: 5, categoryID: 2, points: [[7, 8]], type: .unknown("ellipse")),
        ])
        let shapes = LabelShape.shapes(of: label)
        #expect(shapes.count == 3)
        #expect(shapes.first == LabelShape(categoryID: 1, geometry: .box(ImagePoint(x: 1, y: 2), ImagePoint(x: 3, y: 4))))
    }

    @Test("a segmentation bitmap's instances are blended in their categories' colours")
    func mask() throws {
        // Instance 7 (a car) on the left half, 300 (a tree, id beyond one byte) top right, 0 elsewhere.
        let width = 8, height = 4
        var ids = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height { for x in 0..<4 { ids[y * width + x] = 7 } }
        for x in 4..<8 { ids[x] = 300 }
        let bitmap = try #require(SegmentationMask.encode(instanceIDs: ids, width: width, height: height))
        // Through PNG, as labels store it.
        let decodedBitmap = try PNGCodec.decode(try PNGCodec.encode(bitmap))
        #expect(SegmentationMask(bitmap: decodedBitmap).instanceIDs == ids)
        let label = ImageSegmentationLabel(
            annotations: [SegmentationAnnotation(id: 7, categoryID: 1), SegmentationAnnotation(id: 300, categoryID: 2)],
            segmentationBitmap: MediaURL(url: "x"))
        // The photo is twice the bitmap's size: the mask is stretched.
        let photo = Self.canvas(width: 16, height: 8)
        let drawn = LabelOverlay.draw(segmentation: label, bitmap: decodedBitmap, on: photo, palette: Self.palette,
                                      style: .init(maskOpacity: 0.5))
        #expect(drawn.color(x: 0, y: 0) == RGBColor(red: 145, green: 25, blue: 30))
        #expect(drawn.color(x: 7, y: 7) == RGBColor(red: 145, green: 25, blue: 30))
        #expect(drawn.color(x: 15, y: 0) == RGBColor(red: 25, green: 120, blue: 35))
        #expect(drawn.color(x: 15, y: 7) == Self.grey)
    }
}
