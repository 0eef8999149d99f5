/// A key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    /// A printable character, including any UTF-8 input (CJK, emoji, accented letters).
    case character(Character)
    /// Ctrl plus a letter, lowercase: `.ctrl("c")`. Tab, Enter and Backspace have their own cases.
    case ctrl(Character)
    /// Alt (Meta) plus a character: the terminal sends ESC followed by it.
    case alt(Character)
    case enter
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case escape
    case delete
    case insert
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// F1 … F24.
    case function(Int)
}

extension Key: CustomStringConvertible {
    /// The key as help screens show it, e.g. "Ctrl-C", "Alt-x", "PgDn", "F5".
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .ctrl(let character): "Ctrl-" + String(character).uppercased()
        case .alt(let character): "Alt-" + String(character)
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .escape: "Esc"
        case .delete: "Delete"
        case .insert: "Insert"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        }
    }
}

public enum MouseButton: Hashable, Sendable {
    case left, middle, right
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press(MouseButton)
        case release
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var position: Point

    public init(kind: Kind, position: Point) {
        self.kind = kind
        self.position = position
    }
}

/// Everything the terminal tells the application.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal has a new size; draw a frame of that size.
    case resize(Size)
    /// The terminal's content was lost (e.g. after Ctrl-Z and `fg`); draw a full frame.
    case redraw
}
