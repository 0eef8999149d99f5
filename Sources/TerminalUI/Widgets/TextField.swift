/// The editing model of a one-line text input: text, cursor, and the usual readline keys.
public struct TextField: Hashable, Sendable {
    /// The text as grapheme clusters, so the cursor can never land inside one.
    public private(set) var characters: [Character]
    /// Insertion point, 0...characters.count.
    public private(set) var cursor: Int
    /// The whole text is selected, as a browser's address bar opens: typing replaces it,
    /// Backspace clears it, and a cursor key keeps it for editing.
    public private(set) var isAllSelected: Bool

    public init(_ text: String = "", selectingAll: Bool = false) {
        characters = Array(Self.filtered(text))
        cursor = characters.count
        isAllSelected = selectingAll && !characters.isEmpty
    }

    public var text: String { String(characters) }

    /// Inserts at the cursor (typing or pasting). Control characters are dropped: a
    /// one-line field has no use for them and they must not reach the terminal.
    public mutating func insert(_ text: String) {
        if isAllSelected { clear() }
        let inserted = Array(Self.filtered(text))
        characters.insert(contentsOf: inserted, at: cursor)
        cursor += inserted.count
    }

    /// Puts the cursor at `position`, clamped to the text.
    public mutating func moveCursor(to position: Int) {
        cursor = max(0, min(position, characters.count))
    }

    /// Applies an editing key; returns false when the key is not an editing key
    /// (Enter, Esc, Tab ... are left to the caller).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if isAllSelected {
            switch key {
            case .character: break  // replaces the text, in `insert`
            case .backspace, .ctrl("h"), .delete, .ctrl("d"), .ctrl("u"), .ctrl("k"), .ctrl("w"):
                clear()
                return true
            default:
                isAllSelected = false
            }
        }
        switch key {
        case .character(let character): insert(String(character))
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .alt("b"): cursor = wordStart(before: cursor)
        case .alt("f"): cursor = wordEnd(after: cursor)
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .ctrl("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .ctrl("k"):
            characters.removeSubrange(cursor..<characters.count)
        case .ctrl("w"):
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    private mutating func clear() {
        characters = []
        cursor = 0
        isAllSelected = false
    }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0 && characters[index - 1].isWhitespace { index -= 1 }
        while index > 0 && !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        var index = position
        while index < characters.count && characters[index].isWhitespace { index += 1 }
        while index < characters.count && !characters[index].isWhitespace { index += 1 }
        return index
    }

    private static func filtered(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }.map(Character.init))
    }

    /// Draws the field in the first row of `area`, scrolled so the cursor is visible; the
    /// cursor is a reversed cell (the terminal cursor stays hidden).
    public func render(into screen: inout Screen, area: Rect, style: Style = Style(.input), focused: Bool = true) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        screen.fill(row, style: style)
        let before = DisplayText(String(characters[..<cursor]))
        let whole = DisplayText(text)
        // Keep one column free after the cursor so it stays visible at the end of the text.
        let scroll = max(0, before.width - (row.width - 1))
        screen.put(whole, at: Point(x: row.x - scroll, y: row.y), style: isAllSelected ? style.with(.reverse) : style, clip: row)
        guard focused, !isAllSelected else { return }
        let cursorX = row.x + before.width - scroll
        if cursorX < row.maxX {
            let cursorText: DisplayText = cursor < characters.count ? DisplayText(String(characters[cursor])) : " "
            screen.put(cursorText, at: Point(x: cursorX, y: row.y), style: style.with(.reverse), clip: row)
        }
    }
}
