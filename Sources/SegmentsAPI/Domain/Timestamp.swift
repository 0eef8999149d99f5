import Foundation

/// A moment as the API writes it: ISO 8601 in UTC with microseconds and `Z`
/// (`2024-05-01T12:34:56.123456Z`), fixed width, so text order is time order and the
/// workspace can sort and range-filter the stored text directly.
///
/// Models keep the text the SDK round-trips; this is the one place that text is read
/// and written, for the store (which writes it) and the browser (which shows "3h ago"
/// on every frame, so it is read byte by byte, without Foundation's formatters).
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    public init(epochSeconds: Int64) { microseconds = epochSeconds * 1_000_000 }

    /// The moment this is called.
    public static var current: Timestamp {
        Timestamp(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }

    /// Seconds since 1970, rounded down.
    public var epochSeconds: Int64 { Self.floorDivide(microseconds, 1_000_000) }

    // MARK: Reading

    /// Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fraction]]`, then an optional `Z` or
    /// `±HH:MM` offset (a time without one is UTC, reference 3.10). Dates that do not exist,
    /// out-of-range fields and anything else are nil. Up to 9 fraction digits; beyond
    /// microseconds they are dropped.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        var reader = Reader(bytes: bytes)
        guard let year = reader.number(digits: 4), reader.skip("-"), let month = reader.number(digits: 2),
            reader.skip("-"), let day = reader.number(digits: 2),
            (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var micros: Int64 = 0
        if reader.skip("T") {
            guard let hour = reader.number(digits: 2), reader.skip(":"), let minute = reader.number(digits: 2),
                hour < 24, minute < 60
            else { return nil }
            var second: Int64 = 0
            if reader.skip(":") {
                guard let value = reader.number(digits: 2), value < 60 else { return nil }
                second = value
            }
            micros = ((hour * 60 + minute) * 60 + second) * 1_000_000
            if reader.skip(".") {
                guard let (fraction, count) = reader.digits(upTo: 9), count > 0 else { return nil }
                var scaled = fraction
                if count < 6 {
                    for _ in count..<6 { scaled *= 10 }
                } else {
                    for _ in 6..<count { scaled /= 10 }
                }
                micros += scaled
            }
            if reader.skip("Z") {
            } else if let sign = reader.sign() {
                guard let hours = reader.number(digits: 2), reader.skip(":"), let minutes = reader.number(digits: 2),
                    hours < 24, minutes < 60
                else { return nil }
                micros -= sign * (hours * 60 + minutes) * 60 * 1_000_000
            }
        }
        guard reader.isAtEnd else { return nil }
        self.microseconds = CivilCalendar.days(year: year, month: month, day: day) * 86_400_000_000 + micros
    }

    // MARK: Writing

    /// `2024-05-01T12:34:56.123456Z`: what the API sends and the workspace stores.
    public var text: String {
        let (days, secondsOfDay, fraction) = parts
        return Self.dateText(days: days) + "T" + Self.clockText(secondsOfDay) + "." + Self.pad(fraction, 6) + "Z"
    }

    /// `2024-05-01T12:34:56`, UTC without a zone: the form of query parameters (workunits' `start`).
    public var secondsText: String {
        let (days, secondsOfDay, _) = parts
        return Self.dateText(days: days) + "T" + Self.clockText(secondsOfDay)
    }

    /// `12:34:56` in UTC, for the message log.
    public var clockText: String { Self.clockText(parts.secondsOfDay) }

    private var parts: (days: Int64, secondsOfDay: Int64, fraction: Int64) {
        let microsPerDay: Int64 = 86_400_000_000
        let days = Self.floorDivide(microseconds, microsPerDay)
        let remainder = microseconds - days * microsPerDay
        return (days, remainder / 1_000_000, remainder % 1_000_000)
    }

    private static func dateText(days: Int64) -> String {
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static func clockText(_ secondsOfDay: Int64) -> String {
        "\(pad(secondsOfDay / 3600, 2)):\(pad(secondsOfDay / 60 % 60, 2)):\(pad(secondsOfDay % 60, 2))"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A cursor over the text's bytes.
    private struct Reader {
        var bytes: ArraySlice<UInt8>

        var isAtEnd: Bool { bytes.isEmpty }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard bytes.first == UInt8(ascii: character) else { return false }
            bytes = bytes.dropFirst()
            return true
        }

        /// Exactly `digits` decimal digits.
        mutating func number(digits: Int) -> Int64? {
            guard let (value, count) = self.digits(upTo: digits), count == digits else { return nil }
            return value
        }

        /// As many decimal digits as there are, at most `limit`, and how many were read.
        mutating func digits(upTo limit: Int) -> (Int64, Int)? {
            var value: Int64 = 0
            var count = 0
            while count < limit, let byte = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                count += 1
                bytes = bytes.dropFirst()
            }
            return (value, count)
        }

        /// +1 for `+`, -1 for `-`, nil otherwise.
        mutating func sign() -> Int64? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }
    }
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let timestamp = Timestamp(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a datetime of the form YYYY-MM-DDTHH:MM:SS.")
        }
        self = timestamp
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// Text in, text out, for the models that keep the wire text (`created_at` and the like).
extension Timestamp {
    /// The API text of now.
    public static func now() -> String { current.text }

    public static func nowMicros() -> Int64 { current.microseconds }

    public static func string(micros: Int64) -> String { Timestamp(microseconds: micros).text }

    public static func parseMicros(_ text: String) -> Int64? { Timestamp(text)?.microseconds }

    /// The canonical text of a datetime given by a caller, or nil when it is not one.
    public static func normalize(_ text: String) -> String? { Timestamp(text)?.text }

    public static func epochSeconds(_ text: String) -> Int64? { Timestamp(text)?.epochSeconds }

    /// `YYYY-MM-DDTHH:MM:SS` in UTC.
    public static func isoString(epochSeconds: Int64) -> String { Timestamp(epochSeconds: epochSeconds).secondsText }

    /// `HH:MM:SS` in UTC, for the message log.
    public static func clock(epochSeconds: Int64) -> String { Timestamp(epochSeconds: epochSeconds).clockText }
}
