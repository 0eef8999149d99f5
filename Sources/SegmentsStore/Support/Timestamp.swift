import Foundation
import SegmentsAPI

/// Datetimes as the API writes them: ISO 8601, UTC, microseconds, `Z`
/// (`2024-05-01T12:34:56.123456Z`). Fixed width, so text order is time order and
/// the database can sort and range-filter the strings directly.
enum Timestamp {
    /// Microseconds since 1970 now.
    static func nowMicros() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }

    static func now() -> String { string(micros: nowMicros()) }

    static func string(micros: Int64) -> String {
        let microsPerDay: Int64 = 86_400_000_000
        var days = micros / microsPerDay
        var remainder = micros % microsPerDay
        if remainder < 0 {
            remainder += microsPerDay
            days -= 1
        }
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        let seconds = remainder / 1_000_000
        let fraction = remainder % 1_000_000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(seconds / 3600, 2)):"
            + "\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(fraction, 6))Z"
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` with an optional fraction and an
    /// optional `Z` / `+00:00`; a datetime without zone is UTC (reference 3.10).
    static func parseMicros(_ text: String) -> Int64? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasSuffix("Z") { rest = rest.dropLast() } else if rest.hasSuffix("+00:00") { rest = rest.dropLast(6) }
        let parts = rest.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let dateParts = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard dateParts.count == 3, dateParts[0].count == 4, dateParts[1].count == 2, dateParts[2].count == 2,
            let year = Int64(dateParts[0]), let month = Int64(dateParts[1]), let day = Int64(dateParts[2]),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var micros: Int64 = 0
        if parts.count == 2 {
            let timeAndFraction = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            guard timeAndFraction.count <= 2 else { return nil }
            let timeParts = timeAndFraction[0].split(separator: ":", omittingEmptySubsequences: false)
            guard timeParts.count == 3 || timeParts.count == 2, timeParts.allSatisfy({ $0.count == 2 }),
                let hour = Int64(timeParts[0]), let minute = Int64(timeParts[1]),
                hour < 24, minute < 60
            else { return nil }
            let second = timeParts.count == 3 ? Int64(timeParts[2]) : 0
            guard let second, second < 60 else { return nil }
            micros = ((hour * 60 + minute) * 60 + second) * 1_000_000
            if timeAndFraction.count == 2 {
                let digits = timeAndFraction[1]
                guard !digits.isEmpty, digits.count <= 6, let fraction = Int64(digits), fraction >= 0 else { return nil }
                micros += fraction * Int64(pow(10, Double(6 - digits.count)))
            }
        }
        return CivilCalendar.days(year: year, month: month, day: day) * 86_400_000_000 + micros
    }

    /// The canonical form of a datetime given by a caller, or nil when it is not one.
    static func normalize(_ text: String) -> String? { parseMicros(text).map(string(micros:)) }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
