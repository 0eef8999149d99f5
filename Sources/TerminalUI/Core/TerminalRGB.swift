/// A colour that belongs to the data rather than the theme (a label category's own
/// colour). Drawn where the terminal has 256 colours or more, as the nearest of xterm's
/// 256; elsewhere the style's role colour stands in.
public struct TerminalRGB: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public var description: String {
        "#" + [red, green, blue].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// The nearest colour of xterm's 6×6×6 cube or its grey ramp (indexes 16–255; the
    /// first 16 follow the user's palette, so they are never picked).
    public var xterm256Index: Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ value: UInt8) -> Int {
            levels.indices.min { abs(levels[$0] - Int(value)) < abs(levels[$1] - Int(value)) } ?? 0
        }
        let (r, g, b) = (nearestLevel(red), nearestLevel(green), nearestLevel(blue))
        let cube = (index: 16 + 36 * r + 6 * g + b, color: (levels[r], levels[g], levels[b]))
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = max(0, min(23, (average - 8 + 5) / 10))
        let greyLevel = 8 + 10 * greyStep
        let grey = (index: 232 + greyStep, color: (greyLevel, greyLevel, greyLevel))
        func distance(_ color: (Int, Int, Int)) -> Int {
            let (dr, dg, db) = (color.0 - Int(red), color.1 - Int(green), color.2 - Int(blue))
            return dr * dr + dg * dg + db * db
        }
        return distance(grey.color) < distance(cube.color) ? grey.index : cube.index
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
