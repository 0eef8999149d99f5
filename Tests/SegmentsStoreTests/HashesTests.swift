import GRDB
import SegmentsAPI
import Testing
@testable import SegmentsStore

@Suite("SHA-256 and HMAC")
struct HashesTests {
    @Test("SHA-256 matches the FIPS 180-2 test vectors")
    func knownVectors() {
        #expect(Hashes.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Hashes.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Hashes.sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            Hashes.sha256Hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("HMAC-SHA-256 matches RFC 4231 test cases 1, 2 and 6")
    func hmacVectors() {
        let case1 = Hashes.hmacHex(key: [UInt8](repeating: 0x0b, count: 20), message: "Hi There")
        #expect(case1 == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let case2 = Hashes.hmacHex(key: Array("Jefe".utf8), message: "what do ya want for nothing?")
        #expect(case2 == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let case6 = Hashes.hmacHex(
            key: [UInt8](repeating: 0xaa, count: 131), message: "Test Using Larger Than Block-Size Key - Hash Key First")
        #expect(case6 == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test("an HMAC is valid only as the exact lowercase hex that was handed out")
    func hmacCheck() {
        let key = Array("Jefe".utf8), message = "what do ya want for nothing?"
        let code = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        #expect(Hashes.isValidHMAC(code, key: key, message: message))
        #expect(!Hashes.isValidHMAC(code.uppercased(), key: key, message: message))
        #expect(!Hashes.isValidHMAC(String(code.dropLast(2)), key: key, message: message))
        #expect(!Hashes.isValidHMAC(String(code.dropLast()) + "4", key: key, message: message))
        #expect(!Hashes.isValidHMAC(code, key: key, message: message + "!"))
        #expect(!Hashes.isValidHMAC("", key: key, message: message))
    }

    @Test("random hex has the asked number of bytes, and an API key is stored as its SHA-256")
    func randomKeysAndStoredHash() async throws {
        #expect(Hashes.randomHex(bytes: 20).count == 40 && Hashes.randomHex(bytes: 32).count == 64)
        #expect(Hashes.randomHex(bytes: 20) != Hashes.randomHex(bytes: 20))
        let fixture = try await Fixture()
        let stored = try await fixture.workspace.database.write { db in
            try Workspace.insertAPIKey(db, accountID: 1, key: "abc", createdAt: "2024-05-01T12:00:00.000000Z")
            return try String.fetchAll(db, sql: "SELECT key_hash FROM api_key")
        }
        #expect(stored.contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(try await fixture.workspace.authenticate(apiKey: "abc") == "jane")
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test("formats UTC with microseconds and Z, and parses it back")
    func roundTrip() throws {
        let micros = try #require(Timestamp.parseMicros("2024-05-01T12:34:56.123456Z"))
        #expect(Timestamp.string(micros: micros) == "2024-05-01T12:34:56.123456Z")
        #expect(Timestamp.string(micros: 0) == "1970-01-01T00:00:00.000000Z")
        #expect(Timestamp.normalize("2024-02-29T23:59:59") == "2024-02-29T23:59:59.000000Z")
        #expect(Timestamp.normalize("2024-03-01") == "2024-03-01T00:00:00.000000Z")
        #expect(Timestamp.normalize("1999-12-31T23:59:59.5+00:00") == "1999-12-31T23:59:59.500000Z")
    }

    @Test("rejects dates that do not exist and malformed text")
    func rejectsBadInput() {
        for text in ["2023-02-29T00:00:00", "2024-13-01", "2024-01-01T24:00:00", "yesterday", "2024-1-1", ""] {
            #expect(Timestamp.parseMicros(text) == nil, "\(text)")
        }
    }
}

@Suite("JSON text")
struct JSONTextTests {
    @Test("the compact writer produces JSON that decodes to the same tree, escapes included")
    func roundTrip() throws {
        let value: JSONValue = [
            "name": "東京 🚗 \"quoted\" \\ back\nline\u{01}", "n": 3, "x": 1.5, "flag": true, "none": nil,
            "list": [1, "two", [3.25]], "nested": ["b": 1, "a": [:]],
        ]
        let text = JSONText.compact(value)
        #expect(try JSONText.decode(JSONValue.self, from: text) == value)
        #expect(JSONText.compact(["b": 1, "a": 2]) == #"{"a":2,"b":1}"#)
    }
}
