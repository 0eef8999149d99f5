import SegmentsAPI
import TerminalUI

/// One issue with its whole comment thread, wrapped to a width: used by the sample detail
/// and below the Issues tab's table.
enum IssueThreadView {
    static func lines(_ issue: Issue, now: Int64, width: Int, marker: String = "●", highlighted: Bool = false) -> [StyledLine] {
        let width = max(10, width)
        var lines: [StyledLine] = []
        let status = DisplayText(marker + " " + issue.status.rawValue.lowercased() + " ")
        let description = DisplayText.lines(issue.description).flatMap { TextView.wrap($0, width: width - status.width) }
        for (index, line) in description.enumerated() {
            lines.append(StyledLine([
                (index == 0 ? status : DisplayText(String(repeating: " ", count: status.width)), Style(Palette.role(for: issue.status.rawValue))),
                (line, highlighted ? Style(.accent, .bold) : .plain),
            ]))
        }
        let count = issue.comments.count
        lines.append(StyledLine(
            DisplayText("  \(issue.createdBy) · \(Formatting.relative(issue.createdAt, now: now)) · \(Formatting.count(count, "comment"))"),
            Style(.muted)))
        for comment in issue.comments {
            let author = DisplayText("    \(comment.createdBy): ")
            let indent = DisplayText("      ")
            let text = DisplayText.lines(comment.text).flatMap { TextView.wrap($0, width: width - indent.width) }
            for (index, line) in text.enumerated() {
                lines.append(StyledLine(index == 0 ? [(author, Style(.accent)), (line, .plain)] : [(indent, .plain), (line, .plain)]))
            }
            lines.append(StyledLine(DisplayText("      " + Formatting.relative(comment.createdAt, now: now)), Style(.muted)))
        }
        return lines
    }
}
