import TerminalUI

/// The `--keys` notation: plain characters stand for themselves; names in angle brackets
/// for the rest: `<Enter> <Esc> <Tab> <S-Tab> <BS> <Del> <Space> <Up> <Down> <Left> <Right>
/// <Home> <End> <PgUp> <PgDn> <F1>…<F12> <C-x> (Ctrl) <A-x> (Alt) <lt>` (a literal `<`),
/// and `<Resize 100x30>`, which resizes the headless terminal. Keys between `<Burst>` and
/// `</Burst>` arrive together, faster than any answer (typing ahead).
public enum KeyNotation {
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// The events in order (bursts flattened).
    public static func parse(_ text: String) throws -> [Event] {
        try steps(text).flatMap { $0 }
    }

    /// The events grouped as they are fed: one per step, or a whole burst in one step.
    public static func steps(_ text: String) throws -> [[Event]] {
        var steps: [[Event]] = []
        var burst: [Event]?
        for token in try tokens(text) {
            switch token {
            case .burstStart:
                guard burst == nil else { throw ParseError(description: "<Burst> inside a <Burst>") }
                burst = []
            case .burstEnd:
                guard let keys = burst else { throw ParseError(description: "</Burst> without <Burst>") }
                steps.append(keys)
                burst = nil
            case .event(let event):
                if burst != nil { burst?.append(event) } else { steps.append([event]) }
            }
        }
        if burst != nil { throw ParseError(description: "<Burst> without </Burst>") }
        return steps
    }

    private enum Token { case event(Event), burstStart, burstEnd }

    private static func tokens(_ text: String) throws -> [Token] {
        var events: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "<", let close = text[index...].firstIndex(of: ">") else {
                events.append(.event(.key(character == "\n" ? .enter : .character(character))))
                index = text.index(after: index)
                continue
            }
            let name = String(text[text.index(after: index)..<close])
            switch name.lowercased() {
            case "burst": events.append(.burstStart)
            case "/burst": events.append(.burstEnd)
            default: events.append(.event(try event(named: name)))
            }
            index = text.index(after: close)
        }
        return events
    }

    static let named: [String: Key] = [
        "enter": .enter, "cr": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
        "s-tab": .backTab, "bs": .backspace, "backspace": .backspace, "del": .delete, "delete": .delete,
        "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right, "home": .home,
        "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "lt": .character("<"), "insert": .insert,
    ]

    static func event(named name: String) throws -> Event {
        let lowered = name.lowercased()
        if let key = named[lowered] { return .key(key) }
        for (word, kind) in [("click ", MouseEvent.Kind.press(.left)), ("wheelup ", .wheelUp), ("wheeldown ", .wheelDown)]
        where lowered.hasPrefix(word) {
            let parts = lowered.dropFirst(word.count).split(separator: ",").compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 0, parts[1] >= 0 else {
                throw ParseError(description: "<\(name)>: expected <\(word)X,Y> (0-based column, row)")
            }
            return .mouse(MouseEvent(kind: kind, position: Point(x: parts[0], y: parts[1])))
        }
        if lowered.hasPrefix("resize ") {
            let parts = lowered.dropFirst(7).split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
                throw ParseError(description: "<\(name)>: expected <Resize WIDTHxHEIGHT>")
            }
            return .resize(Size(width: parts[0], height: parts[1]))
        }
        if lowered.count == 3, lowered.hasPrefix("c-") || lowered.hasPrefix("a-"), let last = name.last {
            return .key(lowered.hasPrefix("c-") ? .ctrl(Character(last.lowercased())) : .alt(last))
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number) {
            return .key(.function(number))
        }
        throw ParseError(description: "<\(name)> is not a key name (see docs/keys.md, \"--keys notation\")")
    }
}

/// The `--keys` notation as docs/keys.md documents it.
public enum KeyNotationDoc {
    public static let text = """
        ## --keys notation (headless runs)

        `segments-tui --headless --keys "…" [--size 120x35]` feeds the keys one at a time, waits after each \
        until the browser is idle (no request in flight, no event queued), then prints the screen.

        | Write | For |
        |---|---|
        | `a`, `/`, `:` … | the character itself |
        | `<Enter>` `<Esc>` `<Tab>` `<S-Tab>` `<BS>` `<Del>` `<Space>` | those keys |
        | `<Up>` `<Down>` `<Left>` `<Right>` `<Home>` `<End>` `<PgUp>` `<PgDn>` | movement keys |
        | `<F1>` … `<F24>` | function keys |
        | `<C-c>`, `<A-x>` | Ctrl-C, Alt-x |
        | `<lt>` | a literal `<` |
        | `<Resize 100x30>` | resize the headless terminal |
        | `<Click 10,5>` `<WheelUp 10,5>` `<WheelDown 10,5>` | a left click, or the wheel, at column 10, row 5 (0-based) |
        | `<Burst>aaa</Burst>` | these keys at once, without waiting in between (typing ahead) |

        """
}
