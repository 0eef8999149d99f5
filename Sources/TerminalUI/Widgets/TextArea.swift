/// The editing model of a multi-line text input (an issue's description): lines, a cursor,
/// and the readline keys of `TextField` within the cursor's line. Enter is left to the
/// caller (it submits); Ctrl-J and Alt-Enter start a new line, as in chat and commit
/// editors, so that a one-line answer stays a single key away.
public struct TextArea: Hashable, Sendable {
    /// One field per line; only the cursor's line is edited at a time.
    public private(set) var lines: [TextField]
    public private(set) var row: Int

    public init(_ text: String = "") {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextField(String($0)) }
        lines = parts.isEmpty ? [TextField()] : parts
        row = lines.count - 1
    }

    public var text: String { lines.map(\.text).joined(separator: "\n") }

    /// The keys that start a new line.
    public static func isNewline(_ key: Key) -> Bool {
        key == .ctrl("j") || key == .alt("\n")
    }

    /// Applies an editing key; returns false when it is not one (Enter, Esc, Tab …).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if Self.isNewline(key) {
            breakLine()
            return true
        }
        switch key {
        case .up:
            move(toRow: row - 1)
        case .down:
            move(toRow: row + 1)
        case .backspace, .ctrl("h"):
            guard lines[row].cursor == 0 else { return lines[row].handle(key) }
            joinWithPrevious()
        case .delete:
            guard lines[row].cursor == lines[row].characters.count, row + 1 < lines.count else { return lines[row].handle(key) }
            move(toRow: row + 1)
            lines[row].moveCursor(to: 0)
            joinWithPrevious()
        case .left where lines[row].cursor == 0 && row > 0:
            move(toRow: row - 1)
            lines[row].moveCursor(to: lines[row].characters.count)
        case .right where lines[row].cursor == lines[row].characters.count && row + 1 < lines.count:
            move(toRow: row + 1)
            lines[row].moveCursor(to: 0)
        default:
            return lines[row].handle(key)
        }
        return true
    }

    /// Inserts text at the cursor; newlines in it (a paste) start new lines.
    public mutating func insert(_ text: String) {
        for (index, part) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { breakLine() }
            lines[row].insert(String(part))
        }
    }

    private mutating func breakLine() {
        let current = lines[row]
        let head = String(current.characters[..<current.cursor])
        let tail = String(current.characters[current.cursor...])
        lines[row] = TextField(head)
        lines.insert(TextField(tail), at: row + 1)
        row += 1
        lines[row].moveCursor(to: 0)
    }

    private mutating func joinWithPrevious() {
        guard row > 0 else { return }
        let tail = lines.remove(at: row)
        row -= 1
        let column = lines[row].characters.count
        lines[row] = TextField(lines[row].text + tail.text)
        lines[row].moveCursor(to: column)
    }

    /// Up and down keep the column where the line is long enough.
    private mutating func move(toRow target: Int) {
        guard lines.indices.contains(target) else { return }
        let column = lines[row].cursor
        row = target
        lines[row].moveCursor(to: min(column, lines[row].characters.count))
    }

    /// Draws the lines in `area`, scrolled so that the cursor's line is visible.
    public func render(into screen: inout Screen, area: Rect, style: Style = Style(.input)) {
        guard !area.isEmpty else { return }
        screen.fill(area, style: style)
        let first = max(0, row - (area.height - 1))
        for (offset, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
            line.render(into: &screen, area: area.row(offset), style: style, focused: first + offset == row)
        }
    }
}
