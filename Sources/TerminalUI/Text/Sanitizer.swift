/// Turns any string from data into glyphs that are safe to put on a terminal.
///
/// No control character, escape sequence, bidi override or invisible formatting character
/// from data ever reaches the terminal: each is replaced by a visible placeholder, so a
/// hostile name can neither drive the terminal nor hide what it is (see tui-anchors §6).
enum Sanitizer {
    static let tabStop = 4
    /// Stands in for the base of a combining mark that has none (it would otherwise
    /// combine with whatever the terminal drew before it).
    static let danglingMarkBase: Unicode.Scalar = "\u{25CC}"
    static let lineBreakMarker: Unicode.Scalar = "\u{23CE}"

    struct Result {
        var glyphs: [Glyph] = []
        var width = 0
        var containsEscapes = false
    }

    /// What to do with one scalar.
    enum Disposition: Equatable {
        case keep
        case drop
        case lineBreak
        case tab
        case placeholder(String)
    }

    static func disposition(of scalar: Unicode.Scalar) -> Disposition {
        let value = scalar.value
        switch value {
        case 0x20..<0x7F: return .keep
        case 0x09: return .tab
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .lineBreak
        case 0x00..<0x20: return .placeholder("^" + String(UnicodeScalar(UInt8(value ^ 0x40))))
        case 0x7F: return .placeholder("^?")
        case 0x80..<0xA0: return .placeholder(escapedCodePoint(value))
        // Joiners only matter inside emoji sequences, which are drawn glyph by glyph; sending
        // them would let some terminals merge glyphs into fewer columns than ncurses counted.
        case 0x200C, 0x200D: return .drop
        // Variation selectors switch text/emoji presentation, whose width terminals disagree on.
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return .drop
        // Tag characters (subdivision flags) are invisible.
        case 0xE0020...0xE007F: return .drop
        default: break
        }
        if scalar.properties.generalCategory == .format {
            // Bidi overrides and isolates, LRM/RLM, zero-width space, BOM, soft hyphen, ...
            return .placeholder(escapedCodePoint(value))
        }
        if DisplayWidth.of(scalar) < 0 {
            return .placeholder("\u{FFFD}")
        }
        return .keep
    }

    static func escapedCodePoint(_ value: UInt32) -> String {
        "\\u{" + String(value, radix: 16, uppercase: true) + "}"
    }

    static func sanitize(_ raw: String) -> Result {
        if let ascii = printableASCII(raw) { return ascii }
        var result = Result()
        var pending = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in raw.unicodeScalars {
            let disposition = disposition(of: scalar)
            defer { previousWasCR = scalar == "\r" }
            // Dropped scalars stay in the text until it is split into grapheme clusters (a
            // ZWJ holds an emoji sequence together), and are left out of the glyphs.
            if disposition == .keep || disposition == .drop {
                pending.append(scalar)
                continue
            }
            flush(&pending, into: &result)
            switch disposition {
            case .keep, .drop:
                break
            case .tab:
                let spaces = tabStop - result.width % tabStop
                for _ in 0..<spaces { appendASCII(" ", escaped: false, into: &result) }
            case .lineBreak:
                // "\r\n" is one line break, not two.
                if scalar == "\n" && previousWasCR { break }
                append(Glyph(base: lineBreakMarker, width: 1, isEscaped: true), into: &result)
            case .placeholder(let text):
                for character in text.unicodeScalars { appendPlaceholder(character, into: &result) }
            }
        }
        flush(&pending, into: &result)
        return result
    }

    /// The fast path for the common case: nothing to escape, one glyph per byte.
    private static func printableASCII(_ raw: String) -> Result? {
        var result = Result()
        let utf8 = raw.utf8
        result.glyphs.reserveCapacity(utf8.count)
        for byte in utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            result.glyphs.append(Glyph(base: Unicode.Scalar(byte)))
        }
        result.width = result.glyphs.count
        return result
    }

    private static func appendASCII(_ scalar: Unicode.Scalar, escaped: Bool, into result: inout Result) {
        append(Glyph(base: scalar, width: 1, isEscaped: escaped), into: &result)
    }

    private static func appendPlaceholder(_ scalar: Unicode.Scalar, into result: inout Result) {
        let width = max(1, DisplayWidth.of(scalar))
        append(Glyph(base: scalar, width: UInt8(width), isEscaped: true), into: &result)
    }

    private static func append(_ glyph: Glyph, into result: inout Result) {
        result.glyphs.append(glyph)
        result.width += Int(glyph.width)
        if glyph.isEscaped { result.containsEscapes = true }
    }

    /// Splits clean text into grapheme clusters, and each cluster into glyphs: every
    /// spacing scalar starts a glyph and zero-width scalars ride on the glyph before them.
    private static func flush(_ pending: inout String.UnicodeScalarView, into result: inout Result) {
        guard !pending.isEmpty else { return }
        for character in String(pending) {
            var first = true
            for scalar in character.unicodeScalars where disposition(of: scalar) != .drop {
                let width = DisplayWidth.of(scalar)
                if width > 0 {
                    append(
                        Glyph(base: scalar, width: UInt8(min(width, 2)), startsGrapheme: first), into: &result)
                } else if first {
                    var marks = CombiningMarks()
                    marks.append(scalar)
                    append(
                        Glyph(base: danglingMarkBase, marks: marks, width: 1, startsGrapheme: true), into: &result)
                } else if let last = result.glyphs.indices.last {
                    result.glyphs[last].marks.append(scalar)
                }
                first = false
            }
        }
        pending = String.UnicodeScalarView()
    }
}
