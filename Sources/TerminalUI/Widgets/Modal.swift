/// A dialog over the current view: confirm, choose one of N, or enter text. The value holds
/// its own state; `handle` returns what the user decided, `render` draws it centred.
public struct Modal: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A yes/no question. Destructive confirmations start on "cancel".
        case confirm(message: [DisplayText], confirmLabel: DisplayText, cancelLabel: DisplayText, destructive: Bool)
        case choice(options: [DisplayText], selected: Int)
        case textInput(prompt: DisplayText, field: TextField)
        /// Several lines (a description): Enter submits, Ctrl-J or Alt-Enter breaks the line.
        case textArea(prompt: DisplayText, area: TextArea)
    }

    /// The rows a text area shows; longer text scrolls.
    public static let textAreaRows = 5
    public static let textAreaHint: DisplayText = "Enter saves · Ctrl-J or Alt-Enter: new line · Esc cancels"

    public enum Outcome: Hashable, Sendable {
        /// Still open.
        case pending
        case cancelled
        case confirmed
        case chosen(Int)
        case submitted(String)
    }

    public var title: DisplayText
    public var kind: Kind
    /// For `.confirm`: whether the confirm button has focus.
    public private(set) var confirmFocused: Bool

    public init(title: DisplayText, kind: Kind) {
        self.title = title
        self.kind = kind
        if case .confirm(_, _, _, let destructive) = kind {
            confirmFocused = !destructive
        } else {
            confirmFocused = false
        }
    }

    public static func confirm(
        title: DisplayText, message: String, confirmLabel: DisplayText = "Yes", cancelLabel: DisplayText = "No",
        destructive: Bool = false
    ) -> Modal {
        Modal(
            title: title,
            kind: .confirm(
                message: DisplayText.lines(message), confirmLabel: confirmLabel, cancelLabel: cancelLabel,
                destructive: destructive))
    }

    public static func choice(title: DisplayText, options: [DisplayText], selected: Int = 0) -> Modal {
        Modal(title: title, kind: .choice(options: options, selected: selected))
    }

    public static func textInput(title: DisplayText, prompt: DisplayText, text: String = "") -> Modal {
        Modal(title: title, kind: .textInput(prompt: prompt, field: TextField(text)))
    }

    /// "↑↓ or 1–4 · Enter chooses · Esc cancels".
    static func choiceHint(count: Int) -> DisplayText {
        let digits = count > 1 && count <= 9 ? " or 1–\(count)" : ""
        return DisplayText("↑↓\(digits) · Enter chooses · Esc cancels")
    }

    public static func textArea(title: DisplayText, prompt: DisplayText, text: String = "") -> Modal {
        Modal(title: title, kind: .textArea(prompt: prompt, area: TextArea(text)))
    }

    /// The text typed into a text input or area, when it holds any that is not blank:
    /// closing the dialog would lose it.
    public var draftText: String? {
        let text: String
        switch kind {
        case .textInput(_, let field): text = field.text
        case .textArea(_, let area): text = area.text
        case .confirm, .choice: return nil
        }
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }

    public mutating func handle(_ key: Key) -> Outcome {
        if key == .escape || key == .ctrl("c") { return .cancelled }
        switch kind {
        case .confirm:
            switch key {
            case .character("y"), .character("Y"): return .confirmed
            case .character("n"), .character("N"): return .cancelled
            case .tab, .backTab, .left, .right, .character("h"), .character("l"): confirmFocused.toggle()
            case .enter: return confirmFocused ? .confirmed : .cancelled
            default: break
            }
        case .choice(let options, let selected):
            if key == .enter { return options.isEmpty ? .cancelled : .chosen(selected) }
            if case .character(let digit) = key, let number = digit.wholeNumberValue, number >= 1, number <= options.count {
                return .chosen(number - 1)
            }
            if let command = NavigationCommand(key: key) {
                let next = ScrollState(selected: selected).applying(command, count: options.count, visibleRows: options.count)
                kind = .choice(options: options, selected: next.selected)
            }
        case .textInput(let prompt, var field):
            if key == .enter { return .submitted(field.text) }
            field.handle(key)
            kind = .textInput(prompt: prompt, field: field)
        case .textArea(let prompt, var area):
            if key == .enter { return .submitted(area.text) }
            area.handle(key)
            kind = .textArea(prompt: prompt, area: area)
        }
        return .pending
    }

    /// Draws the dialog centred in `area` (usually the whole screen).
    public func render(into screen: inout Screen, area: Rect) {
        let body = bodyLines
        let contentWidth = max(title.width + 4, body.map(\.width).max() ?? 0, 30)
        let box = area.centered(Size(width: contentWidth + 4, height: body.count + 4))
        guard box.width >= 3, box.height >= 3 else { return }
        screen.fill(box, style: Style(.modal))
        screen.drawBox(box, style: Style(.border), glyphs: .rounded, title: title)
        let inner = box.inset(top: 2, left: 2, bottom: 1, right: 2)
        switch kind {
        case .confirm(let message, let confirmLabel, let cancelLabel, _):
            for (row, line) in message.prefix(max(0, inner.height - 2)).enumerated() {
                screen.put(line, in: inner.row(row), style: Style(.modal))
            }
            let confirm = "[ " + confirmLabel + " ]"
            let cancel = "[ " + cancelLabel + " ]"
            let buttonsRow = inner.row(inner.height - 1)
            let start = buttonsRow.x + max(0, (buttonsRow.width - confirm.width - cancel.width - 2) / 2)
            let afterConfirm = screen.put(
                confirm, at: Point(x: start, y: buttonsRow.y),
                style: Style(confirmFocused ? .selection : .modal), clip: buttonsRow)
            screen.put(
                cancel, at: Point(x: afterConfirm + 2, y: buttonsRow.y),
                style: Style(confirmFocused ? .modal : .selection), clip: buttonsRow)
        case .choice(let options, let selected):
            let hinted = inner.height > options.count + 1
            let listArea = hinted ? Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 2) : inner
            let state = ScrollState(selected: selected).clamped(count: options.count, visibleRows: listArea.height)
            ListView(count: options.count, row: { options[$0] })
                .render(into: &screen, area: listArea, state: state)
            if hinted { screen.put(Self.choiceHint(count: options.count), in: inner.row(inner.height - 1), style: Style(.muted)) }
        case .textInput(let prompt, let field):
            screen.put(prompt, in: inner.row(0), style: Style(.modal))
            if inner.height > 1 { field.render(into: &screen, area: inner.row(1)) }
        case .textArea(let prompt, let area):
            screen.put(prompt, in: inner.row(0), style: Style(.modal))
            let rows = max(0, min(Self.textAreaRows, inner.height - 2))
            area.render(into: &screen, area: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: rows))
            screen.put(Self.textAreaHint, in: inner.row(inner.height - 1), style: Style(.muted))
        }
    }

    private var bodyLines: [DisplayText] {
        switch kind {
        case .confirm(let message, _, _, _): message + [.empty, "[ Yes ]  [ No ]"]
        case .choice(let options, _): options.map { " " + $0 } + [.empty, Self.choiceHint(count: options.count)]
        case .textInput(let prompt, _): [prompt, DisplayText(String(repeating: " ", count: 40))]
        case .textArea(let prompt, _):
            [prompt] + Array(repeating: DisplayText(String(repeating: " ", count: 60)), count: Self.textAreaRows) + [Self.textAreaHint]
        }
    }
}
