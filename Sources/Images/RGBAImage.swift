/// Pixels in memory: 8-bit RGBA, rows top to bottom, no padding. A value, so a decoded
/// image can be cached and shared across tasks and drawn on without touching the cached copy.
public struct RGBAImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes.
    public var bytes: [UInt8]

    /// A blank (transparent black) image, or one filled with `color`.
    public init(width: Int, height: Int, fill color: RGBColor? = nil) {
        self.width = max(0, width)
        self.height = max(0, height)
        let count = self.width * self.height
        if let color {
            var bytes = [UInt8](repeating: 255, count: count * 4)
            for index in 0..<count {
                bytes[index * 4] = color.red
                bytes[index * 4 + 1] = color.green
                bytes[index * 4 + 2] = color.blue
            }
            self.bytes = bytes
        } else {
            bytes = [UInt8](repeating: 0, count: count * 4)
        }
    }

    /// Wraps existing bytes; nil when the count does not match the size.
    public init?(width: Int, height: Int, bytes: [UInt8]) {
        guard width >= 0, height >= 0, bytes.count == width * height * 4 else { return nil }
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    public var byteCount: Int { bytes.count }

    /// The colour at a pixel (alpha dropped); nil outside the image.
    public func color(x: Int, y: Int) -> RGBColor? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let offset = (y * width + x) * 4
        return RGBColor(red: bytes[offset], green: bytes[offset + 1], blue: bytes[offset + 2])
    }

    public func alpha(x: Int, y: Int) -> UInt8? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return bytes[(y * width + x) * 4 + 3]
    }

    /// Sets a pixel to `color`, mixed over what is there with `opacity` (0...1); ignores
    /// pixels outside the image, so shapes may run off the edges.
    public mutating func blend(x: Int, y: Int, color: RGBColor, opacity: Double = 1) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let offset = (y * width + x) * 4
        if opacity >= 1 {
            bytes[offset] = color.red
            bytes[offset + 1] = color.green
            bytes[offset + 2] = color.blue
            bytes[offset + 3] = 255
            return
        }
        let keep = 1 - opacity
        bytes[offset] = UInt8((Double(bytes[offset]) * keep + Double(color.red) * opacity).rounded())
        bytes[offset + 1] = UInt8((Double(bytes[offset + 1]) * keep + Double(color.green) * opacity).rounded())
        bytes[offset + 2] = UInt8((Double(bytes[offset + 2]) * keep + Double(color.blue) * opacity).rounded())
        bytes[offset + 3] = 255
    }
}

/// A size in pixels.
public struct PixelSize: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height)" }
}

extension RGBAImage {
    /// Fills the pixels `x0..<x1`, `y0..<y1` (clipped) with an opaque colour; the fast path
    /// for backgrounds and large shapes.
    public mutating func fillRect(x0: Int, y0: Int, x1: Int, y1: Int, color: RGBColor) {
        let left = max(0, x0), right = min(width, x1), top = max(0, y0), bottom = min(height, y1)
        guard left < right, top < bottom else { return }
        let width = width
        bytes.withUnsafeMutableBufferPointer { buffer in
            for y in top..<bottom {
                var offset = (y * width + left) * 4
                for _ in left..<right {
                    buffer[offset] = color.red
                    buffer[offset + 1] = color.green
                    buffer[offset + 2] = color.blue
                    buffer[offset + 3] = 255
                    offset += 4
                }
            }
        }
    }

    /// A vertical gradient from `top` to `bottom` over rows `y0..<y1`.
    public mutating func fillGradient(y0: Int, y1: Int, top: RGBColor, bottom: RGBColor) {
        let span = max(1, y1 - y0 - 1)
        for y in max(0, y0)..<min(height, y1) {
            let t = Double(y - y0) / Double(span)
            func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - t) + Double(b) * t).rounded()) }
            let color = RGBColor(red: mix(top.red, bottom.red), green: mix(top.green, bottom.green),
                                 blue: mix(top.blue, bottom.blue))
            fillRect(x0: 0, y0: y, x1: width, y1: y + 1, color: color)
        }
    }
}
