/// One row of status: segments on the left (e.g. breadcrumbs, hints) and on the right
/// (user, server, requests in flight, last error). The right side is kept whole as long as
/// it fits; the left side is truncated first.
public struct StatusBar: Hashable, Sendable {
    public var left: [DisplayText]
    public var right: [DisplayText]
    public var separator: DisplayText = " │ "

    public init(left: [DisplayText], right: [DisplayText] = []) {
        self.left = left
        self.right = right
    }

    public func render(into screen: inout Screen, area: Rect, style: Style = Style(.statusBar)) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        screen.fill(row, style: style)
        let rightText = joined(right).truncated(to: max(0, row.width - 2))
        let leftWidth = max(0, row.width - rightText.width - (rightText.isEmpty ? 0 : 1))
        screen.put(" " + joined(left), in: Rect(x: row.x, y: row.y, width: leftWidth, height: 1), style: style)
        if !rightText.isEmpty {
            screen.put(rightText + " ", in: Rect(x: row.maxX - rightText.width - 1, y: row.y, width: rightText.width + 1, height: 1), style: style)
        }
    }

    private func joined(_ segments: [DisplayText]) -> DisplayText {
        guard var result = segments.first else { return .empty }
        for segment in segments.dropFirst() { result = result + separator + segment }
        return result
    }
}
