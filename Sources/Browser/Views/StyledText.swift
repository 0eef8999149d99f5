import Images
import SegmentsAPI
import TerminalUI

/// A line made of differently styled pieces (labels muted, values plain, statuses coloured).
public struct StyledLine: Sendable {
    public var spans: [(text: DisplayText, style: Style)]

    public init(_ spans: [(DisplayText, Style)] = []) {
        self.spans = spans.map { (text: $0.0, style: $0.1) }
    }

    public init(_ text: DisplayText, _ style: Style = .plain) {
        self.init([(text, style)])
    }

    public var plain: DisplayText { spans.reduce(DisplayText.empty) { $0 + $1.text } }

    /// Draws the spans from the left of `rect`'s first row, clipped to it.
    public func draw(into screen: inout Screen, rect: Rect) {
        var x = rect.x
        for span in spans where x < rect.maxX {
            x = screen.put(span.text, at: Point(x: x, y: rect.y), style: span.style, clip: rect)
        }
    }

    static func field(_ name: String, _ value: String, valueStyle: Style = .plain) -> StyledLine {
        StyledLine([(DisplayText(name.padding(to: 10)), Style(.muted)), (DisplayText(value), valueStyle)])
    }

    static func section(_ title: String) -> StyledLine {
        StyledLine([("── ", Style(.border)), (DisplayText(title), Style(.title)), (" ──", Style(.border))])
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}

/// Colours for data that has a meaning.
enum Palette {
    static func role(for status: String) -> ColorRole {
        switch status {
        case "REVIEWED", "VERIFIED", "SUCCEEDED", "CLOSED": .success
        case "REJECTED", "FAILED": .error
        case "LABELED", "PRELABELED", "OPEN", "PENDING": .warning
        case "LABELING_IN_PROGRESS", "REVIEWING_IN_PROGRESS": .accent
        default: .muted
        }
    }

    /// A category's style: its own colour (the dataset's task attributes, or a stable
    /// fallback for one without) where the terminal has 256 colours or more; elsewhere a
    /// theme role, given to the categories in turn.
    static func categoryStyle(index: Int, categories: [TaskCategory], palette: CategoryPalette) -> Style {
        let id = categories[safe: index]?.id ?? index
        let color = palette.color(for: id)
        return Style(categoryRole(index: index), tint: TerminalRGB(red: color.red, green: color.green, blue: color.blue))
    }

    static func categoryStyle(index: Int, dataset: Dataset) -> Style {
        categoryStyle(
            index: index, categories: dataset.taskAttributes?.categories ?? [], palette: CategoryPalette(taskAttributes: dataset.taskAttributes))
    }

    /// The roles categories take in turn where their own colours cannot be shown.
    static let categoryRoles: [ColorRole] = [.accent, .warning, .success, .error, .title, .header, .escaped]

    static func categoryRole(index: Int) -> ColorRole {
        categoryRoles[((index % categoryRoles.count) + categoryRoles.count) % categoryRoles.count]
    }
}
