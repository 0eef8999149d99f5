import Foundation
import Testing
@testable import SegmentsAPI

/// `JSONValue.parsing` reads through the JSON tape and must give JSONDecoder's answer for
/// every text, or JSONDecoder's refusal.
@Suite("JSON parsing through the tape")
struct JSONParsingTests {
    static let texts: [String] = [
        #"{"city":"東京","frame":27,"weather":"🌧 drizzle","nested":{"a":[1,2.5,null,true,"x"]},"empty":{},"list":[]}"#,
        #"{"image":{"url":"http://127.0.0.1:8321/assets/x/street-11.jpg"}}"#,
        "[0, 7, -12, 120.0, 1e2, 1E+2, 0.5, 1e-05, 1e+20, 0.1, 4.5e15, -3.0e1, 1.0000000000000001, 100e-2, 5e-324]",
        "[-0]", "[-0.0]", "[12345678901234567.0]", "[9007199254740993.0]", "[1234567890123456789]",
        "[9223372036854775807]", "[9223372036854775808]", "[1e400]", "[1e-400]", "[01]", "[1.]", "[.5]", "[+1]",
        #"["q\"uote", "back\\slash", "a\/b", "\b\f\n\r\t", "\u0041\u00e9\u6771", "\ud83d\ude97"]"#,
        #"["\ud83d"]"#, #"["\ude97x"]"#, #"["\u12"]"#, #"["\x"]"#, "[\"raw\ttab\"]", #"{"a": 1, "a": 2}"#,
        #"{"k\u00e9": 1}"#, #"{"a": 1,}"#, "[1, 2", "[1] x", " \n[true, false, null]\t", "nul", "null", "5", #""text""#,
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ]

    @Test("the same value as JSONDecoder, or the same refusal", arguments: texts)
    func agrees(_ text: String) {
        let reference = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let parsed = try? JSONValue.parsing(text)
        #expect(parsed == reference)
    }

    @Test("invalid UTF-8 is refused as JSONDecoder refuses it")
    func invalidUTF8() {
        let bytes: [UInt8] = [UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")]
        let reference = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        let parsed = bytes.withUnsafeBytes { try? JSONValue.parsing($0) }
        #expect(parsed == reference)
    }
}
