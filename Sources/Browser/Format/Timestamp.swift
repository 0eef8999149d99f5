import SegmentsAPI

/// API timestamps (`2024-05-01T12:30:00.123456Z`, ISO 8601, UTC) to epoch seconds and back,
/// without Foundation's formatters: rows are formatted on every frame.
public enum Timestamp {
    /// Seconds since 1970 for `YYYY-MM-DDTHH:MM:SS…`, or nil when the text is not one.
    public static func epochSeconds(_ text: String) -> Int64? {
        let digits = Array(text.utf8.prefix(19))
        guard digits.count >= 10 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                guard index < digits.count, (48...57).contains(digits[index]) else { return nil }
                value = value * 10 + Int64(digits[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        let hour = digits.count >= 19 ? number(11..<13) ?? 0 : 0
        let minute = digits.count >= 19 ? number(14..<16) ?? 0 : 0
        let second = digits.count >= 19 ? number(17..<19) ?? 0 : 0
        var offset: Int64 = 0
        // A "+02:00" style offset after the seconds, when present.
        let tail = Array(text.utf8.dropFirst(19).drop { $0 == UInt8(ascii: ".") || (48...57).contains($0) })
        if tail.count >= 6, tail[0] == UInt8(ascii: "+") || tail[0] == UInt8(ascii: "-") {
            let hours = Int64(tail[1] - 48) * 10 + Int64(tail[2] - 48)
            let minutes = Int64(tail[4] - 48) * 10 + Int64(tail[5] - 48)
            offset = (hours * 3600 + minutes * 60) * (tail[0] == UInt8(ascii: "+") ? 1 : -1)
        }
        return CivilCalendar.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    /// `YYYY-MM-DDTHH:MM:SS` in UTC.
    public static func isoString(epochSeconds: Int64) -> String {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let secondsOfDay = epochSeconds - days * 86_400
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60))"
    }

    /// `HH:MM:SS` in UTC, for the message log.
    public static func clock(epochSeconds: Int64) -> String {
        String(isoString(epochSeconds: epochSeconds).suffix(8))
    }
}
