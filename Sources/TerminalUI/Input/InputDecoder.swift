/// Decodes the bytes a terminal sends (xterm conventions, as tmux and most terminals
/// speak them) into events. The ncurses backend lets ncurses decode keys; this decoder
/// serves the headless backend's scripted input and documents the byte-level contract.
///
/// The input is treated as complete: an ESC with nothing after it is the Escape key,
/// which is what a terminal's "ESC then silence for the escape delay" means.
public enum InputDecoder {
    public static func decode(_ bytes: [UInt8]) -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var index = 0
        while index < bytes.count {
            let (event, length) = decodeOne(bytes, at: index)
            if let event { events.append(event) }
            index += max(1, length)
        }
        return events
    }

    public static func decode(_ text: String) -> [TerminalEvent] {
        decode(Array(text.utf8))
    }

    private static func decodeOne(_ bytes: [UInt8], at start: Int) -> (TerminalEvent?, Int) {
        let byte = bytes[start]
        switch byte {
        case 0x1B:
            return decodeEscape(bytes, at: start)
        case 0x0D:
            return (.key(.enter), 1)
        case 0x0A:
            // Enter sends CR; LF is Ctrl-J (or a line break in a paste). Callers that have
            // no use for the difference treat it as Enter.
            return (.key(.ctrl("j")), 1)
        case 0x09:
            return (.key(.tab), 1)
        case 0x7F, 0x08:
            return (.key(.backspace), 1)
        case 0x01...0x1A:
            return (.key(.ctrl(Character(Unicode.Scalar(byte + 0x60)))), 1)
        case 0x00, 0x1C...0x1F:
            return (nil, 1)
        default:
            let (scalar, length) = decodeUTF8(bytes, at: start)
            return (.key(.character(Character(scalar))), length)
        }
    }

    private static func decodeEscape(_ bytes: [UInt8], at start: Int) -> (TerminalEvent?, Int) {
        let next = start + 1
        guard next < bytes.count else { return (.key(.escape), 1) }
        switch bytes[next] {
        case UInt8(ascii: "["):
            return decodeCSI(bytes, at: start)
        case UInt8(ascii: "O") where next + 1 < bytes.count:
            return (cursorOrFunctionKey(bytes[next + 1]).map(TerminalEvent.key), 3)
        case 0x1B:
            return (.key(.escape), 1)
        case 0x0D, 0x0A:
            return (.key(.alt("\n")), 2)
        case 0x20..<0x7F, 0x80...0xFF:
            let (scalar, length) = decodeUTF8(bytes, at: next)
            return (.key(.alt(Character(scalar))), 1 + length)
        default:
            return (.key(.escape), 1)
        }
    }

    /// CSI: ESC [ parameters final-byte.
    private static func decodeCSI(_ bytes: [UInt8], at start: Int) -> (TerminalEvent?, Int) {
        var index = start + 2
        var parameterBytes: [UInt8] = []
        while index < bytes.count, (0x30...0x3F).contains(bytes[index]) {
            parameterBytes.append(bytes[index])
            index += 1
        }
        // Skip intermediate bytes, then require a final byte.
        while index < bytes.count, (0x20...0x2F).contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return (.key(.escape), 1) }
        let final = bytes[index]
        let length = index - start + 1
        let parameterText = String(decoding: parameterBytes, as: UTF8.self)
        if parameterText.hasPrefix("<") {
            return (decodeSGRMouse(parameterText.dropFirst(), final: final), length)
        }
        let parameters = parameterText.split(separator: ";").map { Int($0) ?? 0 }
        let key: Key? =
            switch final {
            case UInt8(ascii: "Z"): .backTab
            case UInt8(ascii: "~"): tildeKey(parameters.first ?? 0)
            default: cursorOrFunctionKey(final)
            }
        return (key.map(TerminalEvent.key), length)
    }

    /// The keys that SS3 (ESC O x) and CSI (ESC [ x) sequences share, by final byte.
    private static func cursorOrFunctionKey(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "P"): .function(1)
        case UInt8(ascii: "Q"): .function(2)
        case UInt8(ascii: "R"): .function(3)
        case UInt8(ascii: "S"): .function(4)
        default: nil
        }
    }

    private static func tildeKey(_ code: Int) -> Key? {
        switch code {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(code - 10)
        case 17...21: .function(code - 11)
        case 23...26: .function(code - 12)
        case 28, 29: .function(code - 13)
        case 31...34: .function(code - 14)
        default: nil
        }
    }

    /// SGR mouse report: ESC [ < button ; column ; row (M press, m release), 1-based.
    private static func decodeSGRMouse(_ parameters: Substring, final: UInt8) -> TerminalEvent? {
        let fields = parameters.split(separator: ";").compactMap { Int($0) }
        guard fields.count == 3, final == UInt8(ascii: "M") || final == UInt8(ascii: "m") else { return nil }
        let position = Point(x: fields[1] - 1, y: fields[2] - 1)
        let code = fields[0]
        if final == UInt8(ascii: "m") { return .mouse(MouseEvent(kind: .release, position: position)) }
        // Bit 5 is motion; ignore drags.
        if code & 32 != 0 { return nil }
        let kind: MouseEvent.Kind? =
            switch code & ~(4 | 8 | 16) {
            case 0: .press(.left)
            case 1: .press(.middle)
            case 2: .press(.right)
            case 64: .wheelUp
            case 65: .wheelDown
            default: nil
            }
        return kind.map { .mouse(MouseEvent(kind: $0, position: position)) }
    }

    /// One UTF-8 scalar; invalid or truncated sequences yield U+FFFD and consume one byte.
    private static func decodeUTF8(_ bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[start]
        let length =
            switch lead {
            case 0x00..<0x80: 1
            case 0xC2..<0xE0: 2
            case 0xE0..<0xF0: 3
            case 0xF0..<0xF5: 4
            default: 0
            }
        guard length > 0, start + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var decoded = String(decoding: bytes[start..<(start + length)], as: UTF8.self).unicodeScalars.makeIterator()
        guard let scalar = decoded.next(), scalar != "\u{FFFD}", decoded.next() == nil else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }
}
