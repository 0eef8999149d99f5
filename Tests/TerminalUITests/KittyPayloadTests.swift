import Foundation
import Testing
@testable import TerminalUI

/// No kitty runs here, so its payload is decoded back to pixels instead (the issue's test plan).
@Suite("kitty graphics payload")
struct KittyPayloadTests {
    @Test("the kitty output carries the picture's pixels: red in the middle, blue at the corner")
    func payloadDecodesToPixels() throws {
        let image = try ImageRenderer(graphics: .kitty, cellPixels: Size(width: 8, height: 8))
            .render(rgba: ImageRendererTests.redSquareOnBlue(), width: 32, height: 32, cells: Size(width: 4, height: 4))
        guard case .pixels(.kitty, let sequence, _) = image else { Issue.record("expected kitty output"); return }
        let text = String(decoding: sequence, as: UTF8.self)
        var controls: [String: String] = [:]
        var pixels = Data()
        for command in text.components(separatedBy: "\u{1B}_G").dropFirst() {
            guard let end = command.range(of: "\u{1B}\\") else { continue }
            let body = command[..<end.lowerBound]
            let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            for pair in parts[0].split(separator: ",") {
                let keyValue = pair.split(separator: "=", maxSplits: 1)
                // The first command carries the picture's controls; later chunks only m=.
                if keyValue.count == 2, controls[String(keyValue[0])] == nil {
                    controls[String(keyValue[0])] = String(keyValue[1])
                }
            }
            // chafa encodes each chunk on its own (each ends with its padding), so decode them one by one.
            if parts.count == 2, !parts[1].isEmpty {
                pixels.append(try #require(Data(base64Encoded: String(parts[1])), "chunk \(parts[1].prefix(20))"))
            }
        }
        let width = try #require(controls["s"].flatMap { Int($0) }), height = try #require(controls["v"].flatMap { Int($0) })
        let format = try #require(controls["f"].flatMap { Int($0) })
        let bytesPerPixel = format == 32 ? 4 : 3
        #expect(pixels.count == width * height * bytesPerPixel, "f=\(format) \(width)×\(height)")
        func color(_ x: Int, _ y: Int) -> [UInt8] {
            let offset = (y * width + x) * bytesPerPixel
            return Array(pixels[offset..<(offset + 3)])
        }
        #expect(color(width / 2, height / 2) == [255, 0, 0])
        #expect(color(0, 0) == [0, 0, 255])
        #expect(color(width - 1, height - 1) == [0, 0, 255])
    }
}
