import Foundation
import SegmentsAPI
import Testing

@Suite("Timestamp")
struct TimestampTests {
    @Test("the API's text reads and writes back unchanged; other forms normalise to it")
    func canonicalText() throws {
        let text = "2024-05-01T12:34:56.123456Z"
        #expect(try #require(Timestamp(text)).text == text)
        #expect(Timestamp(microseconds: 0).text == "1970-01-01T00:00:00.000000Z")
        #expect(Timestamp("2024-02-29T23:59:59")?.text == "2024-02-29T23:59:59.000000Z")
        #expect(Timestamp("2024-03-01")?.text == "2024-03-01T00:00:00.000000Z")
        #expect(Timestamp("1999-12-31T23:59:59.5+00:00")?.text == "1999-12-31T23:59:59.500000Z")
        #expect(Timestamp("2024-05-01T12:30")?.text == "2024-05-01T12:30:00.000000Z")
        #expect(Timestamp(" 2024-05-01T12:30:00Z ")?.text == "2024-05-01T12:30:00.000000Z")
        // JavaScript's milliseconds and a nanosecond clock's nine digits.
        #expect(Timestamp("2024-05-01T12:30:00.120Z")?.microseconds == Timestamp("2024-05-01T12:30:00.12Z")?.microseconds)
        #expect(Timestamp("2024-05-01T12:30:00.123456789Z")?.text == "2024-05-01T12:30:00.123456Z")
    }

    @Test("an offset is turned into UTC")
    func offsets() {
        #expect(Timestamp("2024-05-01T14:30:00+02:00")?.text == "2024-05-01T12:30:00.000000Z")
        #expect(Timestamp("2024-05-01T00:30:00-01:00")?.text == "2024-05-01T01:30:00.000000Z")
    }

    @Test("dates that do not exist and malformed text are nil", arguments: [
        "2023-02-29T00:00:00", "2024-13-01", "2024-01-01T24:00:00", "yesterday", "2024-1-1", "",
        "2024-01-01T12:00:60", "2024-01-01T12:00:00.Z", "2024-01-01T12:00:00+2", "2024-01-01T12:00:00Zjunk",
        "2024-01-01T12:00:00.1234567890Z", "2024-01-00",
    ])
    func rejects(text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test("epoch seconds, before and after 1970, and the browser's shorter forms")
    func seconds() {
        for text in ["1970-01-01T00:00:00", "2024-02-29T23:59:59", "2026-11-29T08:30:00", "1969-12-31T23:59:59"] {
            #expect(Timestamp.epochSeconds(text).map(Timestamp.isoString(epochSeconds:)) == text)
        }
        #expect(Timestamp.epochSeconds("1969-12-31T23:59:59.5Z") == -1)
        #expect(Timestamp(microseconds: -1).text == "1969-12-31T23:59:59.999999Z")
        #expect(Timestamp.clock(epochSeconds: 3 * 3600 + 4 * 60 + 5) == "03:04:05")
        #expect(Timestamp(microseconds: 5) < Timestamp(microseconds: 6))
    }

    @Test("as a Codable value it is the API's text")
    func codable() throws {
        let decoded = try JSONDecoder().decode([Timestamp].self, from: Data(#"["2024-05-01T14:30:00+02:00"]"#.utf8))
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["2024-05-01T12:30:00.000000Z"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Timestamp].self, from: Data(#"["soon"]"#.utf8)) }
    }
}
