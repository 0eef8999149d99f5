/// Renders a Screen as text: the headless backend's output and what tests compare.
public enum TextRenderer {
    /// One string per row, exactly `screen.width` columns wide (wide glyphs count twice).
    public static func lines(_ screen: Screen) -> [String] {
        (0..<screen.height).map { line(screen, row: $0) }
    }

    /// One row of the screen as text.
    public static func line(_ screen: Screen, row y: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(screen.width + 16)
        for cell in screen.row(y) where !cell.isContinuation {
            appendUTF8(cell.base, to: &bytes)
            if !cell.marks.isEmpty {
                for mark in cell.marks.scalars { appendUTF8(mark, to: &bytes) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Rows with style markers: every run of cells whose style is not plain is wrapped as
    /// `{role}` … `{/}`, with attributes after a `+` (e.g. `{selection+bold}`).
    public static func styledLines(_ screen: Screen) -> [String] {
        (0..<screen.height).map { y in
            var output = ""
            var current = Style.plain
            for cell in screen.row(y) where !cell.isContinuation {
                if cell.style != current {
                    if current != .plain { output += "{/}" }
                    if cell.style != .plain { output += marker(for: cell.style) }
                    current = cell.style
                }
                output += cell.text
            }
            if current != .plain { output += "{/}" }
            return output
        }
    }

    public static func marker(for style: Style) -> String {
        var names: [String] = []
        if style.attributes.contains(.bold) { names.append("bold") }
        if style.attributes.contains(.dim) { names.append("dim") }
        if style.attributes.contains(.italic) { names.append("italic") }
        if style.attributes.contains(.underline) { names.append("underline") }
        if style.attributes.contains(.reverse) { names.append("reverse") }
        let attributes = names.isEmpty ? "" : "+" + names.joined(separator: "+")
        return "{\(style.role)\(attributes)\(style.tint.map { " " + $0.description } ?? "")}"
    }

    @inline(__always)
    private static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
