import Crypto
import Foundation

/// SHA-256 and HMAC-SHA-256 (swift-crypto), written as lowercase hex: a stored API key
/// is the SHA-256 of the key, an upload policy and signature are HMACs under the
/// workspace's secret.
enum Hashes {
    static func sha256Hex(_ text: String) -> String { hex(SHA256.hash(data: Array(text.utf8))) }

    static func hmacHex(key: [UInt8], message: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }

    /// True when `code` is the hex HMAC of `message` under `key`, compared in time that does
    /// not depend on where they differ, so a signature cannot be guessed byte by byte.
    static func isValidHMAC(_ code: String, key: [UInt8], message: String) -> Bool {
        guard let bytes = bytes(fromHex: code), bytes.count == SHA256.byteCount else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            bytes, authenticating: Array(message.utf8), using: SymmetricKey(data: key))
    }

    /// `count` random bytes from the system's secure generator, as hex.
    static func randomHex(bytes count: Int) -> String {
        SymmetricKey(size: SymmetricKeySize(bitCount: count * 8)).withUnsafeBytes { hex($0) }
    }

    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var text = ""
        text.reserveCapacity(64)
        for byte in bytes {
            text.unicodeScalars.append(digits[Int(byte >> 4)])
            text.unicodeScalars.append(digits[Int(byte & 0x0f)])
        }
        return text
    }

    /// The bytes of lowercase hex text (the only form `hex` writes), or nil.
    private static func bytes(fromHex text: String) -> [UInt8]? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count / 2)
        for index in stride(from: 0, to: scalars.count, by: 2) {
            guard let high = digits.firstIndex(of: scalars[index]), let low = digits.firstIndex(of: scalars[index + 1])
            else { return nil }
            bytes.append(UInt8(high << 4 | low))
        }
        return bytes
    }

    private static let digits: [Unicode.Scalar] = Array("0123456789abcdef".unicodeScalars)
}
