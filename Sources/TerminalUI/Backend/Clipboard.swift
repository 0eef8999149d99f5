/// Clipboard writes through OSC 52: the terminal (or tmux, or the SSH client's terminal)
/// puts the text on the system clipboard, so copying works on remote hosts too.
public enum Clipboard {
    /// The largest payload some terminals accept (k9s uses the same cap).
    public static let maxBytes = 74_994

    /// `ESC ] 52 ; c ; base64 BEL`, or nil when the text is too large. The payload is
    /// base64, so no byte of the text can end the sequence early.
    public static func osc52Sequence(for text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count <= maxBytes else { return nil }
        return "\u{1B}]52;c;" + base64(bytes) + "\u{07}"
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let triple = (b0 << 16) | (b1 << 8) | b2
            output.append(alphabet[Int((triple >> 18) & 0x3F)])
            output.append(alphabet[Int((triple >> 12) & 0x3F)])
            output.append(remaining > 1 ? alphabet[Int((triple >> 6) & 0x3F)] : UInt8(ascii: "="))
            output.append(remaining > 2 ? alphabet[Int(triple & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
