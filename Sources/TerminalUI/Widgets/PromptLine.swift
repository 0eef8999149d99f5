/// A one-row prompt (`:` command line, `/` filter): a prefix followed by an editable field.
public struct PromptLine: Hashable, Sendable {
    public var prefix: DisplayText
    public var field: TextField

    public init(prefix: DisplayText, field: TextField = TextField()) {
        self.prefix = prefix
        self.field = field
    }

    public func render(into screen: inout Screen, area: Rect, style: Style = .plain) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let (label, rest) = row.splitLeft(min(prefix.width, row.width))
        screen.put(prefix, in: label, style: style)
        field.render(into: &screen, area: rest, style: style)
    }
}
