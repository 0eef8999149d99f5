import Images
import Testing

@Suite("Cropping a picture to its zoomed-in part")
struct CropTests {
    /// 8×4: the left half red, the right half blue, one green pixel at (6, 1).
    static func picture() -> RGBAImage {
        var image = RGBAImage(width: 8, height: 4, fill: RGBColor(red: 255, green: 0, blue: 0))
        image.fillRect(x0: 4, y0: 0, x1: 8, y1: 4, color: RGBColor(red: 0, green: 0, blue: 255))
        image.blend(x: 6, y: 1, color: RGBColor(red: 0, green: 255, blue: 0))
        return image
    }

    @Test("the right half of a picture is its blue half, with the green pixel where it was")
    func rightHalf() {
        let half = Self.picture().cropped(x: 0.5, y: 0, width: 0.5, height: 1)
        #expect(half.width == 4 && half.height == 4)
        #expect(half.color(x: 0, y: 0) == RGBColor(red: 0, green: 0, blue: 255))
        #expect(half.color(x: 2, y: 1) == RGBColor(red: 0, green: 255, blue: 0))
    }

    @Test("a crop that runs past the edge is clamped to the picture, and the whole picture is itself")
    func clamped() {
        let edge = Self.picture().cropped(x: 0.75, y: 0.5, width: 0.5, height: 0.75)
        #expect(edge.width == 2 && edge.height == 2)
        #expect(Self.picture().cropped(x: 0, y: 0, width: 1, height: 1) == Self.picture())
    }
}
