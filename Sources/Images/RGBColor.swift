/// A colour without alpha, as categories and terminals use them.
public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// From `0xRRGGBB`.
    public init(packed: UInt32) {
        self.init(red: UInt8((packed >> 16) & 0xFF), green: UInt8((packed >> 8) & 0xFF), blue: UInt8(packed & 0xFF))
    }

    /// From a task category's `color` (`[r, g, b]` or `[r, g, b, a]`, each 0...255); nil otherwise.
    public init?(components: [Int]) {
        guard components.count == 3 || components.count == 4,
            components.allSatisfy({ (0...255).contains($0) })
        else { return nil }
        self.init(red: UInt8(components[0]), green: UInt8(components[1]), blue: UInt8(components[2]))
    }

    public var packed: UInt32 { UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue) }

    public var description: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    public static let black = RGBColor(red: 0, green: 0, blue: 0)
    public static let white = RGBColor(red: 255, green: 255, blue: 255)
}
