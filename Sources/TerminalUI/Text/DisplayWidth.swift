import CNcurses

/// Column widths measured with libc `wcwidth`, the function ncurses itself uses, so that
/// layout and the terminal agree (ratatui#1211 and lazygit#2702 show what happens otherwise).
public enum DisplayWidth {
    /// Columns a scalar occupies: 0 for combining and zero-width characters, 2 for wide
    /// (CJK, most emoji), 1 otherwise, and -1 for characters that are not printable.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || value == 0x7F { return -1 }
        return nonASCII(value)
    }

    /// Columns a whole string occupies once sanitised.
    public static func of(_ text: String) -> Int {
        DisplayText(text).width
    }

    private static func nonASCII(_ value: UInt32) -> Int {
        if TerminalLocale.isUTF8 { return Int(tui_wcwidth(Int32(bitPattern: value))) }
        return fallback(value)
    }

    /// Used only when no UTF-8 locale exists at all: an approximation from Unicode properties.
    private static func fallback(_ value: UInt32) -> Int {
        guard let scalar = Unicode.Scalar(value) else { return -1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        case .control, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator: return -1
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
