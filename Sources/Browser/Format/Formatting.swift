import SegmentsAPI

/// How numbers and times read in the browser.
public enum Formatting {
    /// "1 later decision", "3 later decisions".
    static func count(_ value: Int, _ singular: String, plural: String? = nil) -> String {
        "\(thousands(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// A URL as the detail shows it: a file of the embedded workspace by its place in the
    /// workspace ("workspace assets/…/frame.jpg"), not by a machine's folder path; others whole.
    static func url(_ text: String) -> String {
        guard text.hasPrefix("file://"), let assets = text.range(of: "/assets/", options: .backwards) else { return text }
        return "workspace assets/" + text[assets.upperBound...]
    }

    /// 100000 → "100,000".
    public static func thousands(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// "just now", "5m ago", "3h ago", "2d ago", "4mo ago", "1y ago"; "" for an unreadable time.
    public static func relative(_ timestamp: String?, now: Int64) -> String {
        guard let timestamp, let seconds = Timestamp.epochSeconds(timestamp) else { return "" }
        let age = now - seconds
        if age < 0 { return "in the future" }
        switch age {
        case ..<60: return "just now"
        case ..<3600: return "\(age / 60)m ago"
        case ..<86_400: return "\(age / 3600)h ago"
        case ..<(30 * 86_400): return "\(age / 86_400)d ago"
        case ..<(365 * 86_400): return "\(age / (30 * 86_400))mo ago"
        default: return "\(age / (365 * 86_400))y ago"
        }
    }

    /// A score or priority with at most two decimals, "" for nil.
    public static func decimal(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let hundredths = (value * 100).rounded()
        if hundredths == (value.rounded() * 100) { return String(Int64(value.rounded())) }
        let whole = Int64(hundredths / 100)
        let fraction = Int64(abs(hundredths).truncatingRemainder(dividingBy: 100))
        let sign = value < 0 && whole == 0 ? "-" : ""
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Seconds as "1h 02m", "3m 20s", "12s".
    public static func duration(seconds: Int) -> String {
        if seconds >= 3600 { return "\(seconds / 3600)h \(pad(seconds % 3600 / 60))m" }
        if seconds >= 60 { return "\(seconds / 60)m \(pad(seconds % 60))s" }
        return "\(seconds)s"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// A label status as the table shows it: "REVIEWING_IN_PROGRESS" → "reviewing in progress".
    public static func status(_ raw: String) -> String {
        String(raw.lowercased().map { $0 == "_" ? " " : $0 })
    }

    /// A multi-line text in one table cell: its lines joined with " ↵ ".
    static func oneLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " ↵ ")
    }
}
