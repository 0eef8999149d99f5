import Foundation
import Images
import Testing

@Suite("Decoding JPEG and PNG")
struct DecodingTests {
    /// Left half red, right half blue, 64×32.
    static func halves(width: Int = 64, height: Int = 32) -> RGBAImage {
        var image = RGBAImage(width: width, height: height, fill: RGBColor(red: 0, green: 0, blue: 255))
        image.fillRect(x0: 0, y0: 0, x1: width / 2, y1: height, color: RGBColor(red: 255, green: 0, blue: 0))
        return image
    }

    static func close(_ a: RGBColor?, _ b: RGBColor, tolerance: Int = 24) -> Bool {
        guard let a else { return false }
        return abs(Int(a.red) - Int(b.red)) <= tolerance && abs(Int(a.green) - Int(b.green)) <= tolerance
            && abs(Int(a.blue) - Int(b.blue)) <= tolerance
    }

    @Test("a PNG made by the encoder decodes to the same pixels")
    func pngRoundTrip() throws {
        var image = Self.halves()
        image.blend(x: 3, y: 4, color: RGBColor(red: 1, green: 2, blue: 3))
        let data = try PNGCodec.encode(image)
        #expect(ImageFormat(sniffing: data) == .png)
        let decoded = try ImageDecoder.decode(data)
        #expect(decoded.image == image)
        #expect(decoded.originalSize == PixelSize(width: 64, height: 32))
    }

    @Test("a JPEG decodes with its colours where they were")
    func jpegRoundTrip() throws {
        let data = try JPEGCodec.encode(Self.halves(), quality: 95)
        #expect(ImageFormat(sniffing: data) == .jpeg)
        let decoded = try ImageDecoder.decode(data)
        #expect(decoded.image.width == 64 && decoded.image.height == 32)
        #expect(Self.close(decoded.image.color(x: 8, y: 16), RGBColor(red: 255, green: 0, blue: 0)))
        #expect(Self.close(decoded.image.color(x: 56, y: 16), RGBColor(red: 0, green: 0, blue: 255)))
    }

    @Test("a large JPEG is scaled down while decoding, to no less than the target")
    func jpegScaledDecode() throws {
        let data = try JPEGCodec.encode(Self.halves(width: 1920, height: 1080))
        let decoded = try ImageDecoder.decode(data, fitting: PixelSize(width: 200, height: 100))
        #expect(decoded.originalSize == PixelSize(width: 1920, height: 1080))
        #expect(decoded.image.width == 240 && decoded.image.height == 135)  // 1/8
        #expect(decoded.scaleX == 0.125)
        let middle = try ImageDecoder.decode(data, fitting: PixelSize(width: 800, height: 480))
        #expect(middle.image.width == 960 && middle.image.height == 540)  // 1/2 covers 800×480, 3/8 would not
        #expect(Self.close(middle.image.color(x: 100, y: 270), RGBColor(red: 255, green: 0, blue: 0)))
    }

    @Test("a corrupt JPEG, a corrupt PNG, an HTML page and nothing give clear errors")
    func errors() throws {
        let jpeg = try JPEGCodec.encode(Self.halves())
        var broken = Data(jpeg.prefix(20))
        broken.append(Data(repeating: 0x42, count: 40))
        #expect(throws: ImageError.self) { try ImageDecoder.decode(broken) }
        do {
            _ = try ImageDecoder.decode(broken)
        } catch let error as ImageError {
            guard case .corruptJPEG = error else { Issue.record("\(error)"); return }
            #expect(error.description.hasPrefix("corrupt JPEG"))
        }
        let png = try PNGCodec.encode(Self.halves())
        var badPNG = Data(png.prefix(40))
        badPNG.append(Data(repeating: 0, count: 30))
        #expect {
            try ImageDecoder.decode(badPNG)
        } throws: { error in
            guard let error = error as? ImageError, case .corruptPNG = error else { return false }
            return error.description.hasPrefix("corrupt PNG")
        }
        let html = Data("<!DOCTYPE html><html><body>Access denied</body></html>".utf8)
        #expect(throws: ImageError.notAnImage("text/html")) {
            try ImageDecoder.decode(html, contentType: "image/jpeg")
        }
        #expect(ImageError.notAnImage("text/html").description == "not an image: text/html")
        #expect(throws: ImageError.notAnImage("application/pdf")) {
            try ImageDecoder.decode(Data("%PDF-1.7 ...".utf8), contentType: "application/pdf; charset=binary")
        }
        #expect(throws: ImageError.empty) { try ImageDecoder.decode(Data()) }
    }
}
