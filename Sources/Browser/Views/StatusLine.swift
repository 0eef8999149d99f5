import TerminalUI

/// The bottom row: footer hints from the key table (or the last message), and on the
/// right the spinner with the number of requests in flight.
enum StatusLine {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        screen.fill(area, style: Style(.statusBar))
        if case .prompt = state.overlay { return }  // the prompt draws itself here
        var right = ""
        if state.isBusy {
            right = Spinner.braille.frame(tick: state.tick).string + " " + Formatting.count(state.inFlight.count, "request")
        }
        let rightText = DisplayText(right + " ")
        let leftArea = Rect(x: area.x, y: area.y, width: max(0, area.width - rightText.width - 1), height: 1)
        if let message = state.message {
            let style = message.kind == .error ? Style(.error).with(.reverse) : Style(.statusBar, .bold)
            screen.put(DisplayText(" " + message.text + " "), in: leftArea, style: style)
        } else {
            hints(state, width: leftArea.width).draw(into: &screen, rect: leftArea)
        }
        if !right.isEmpty {
            screen.put(rightText, at: Point(x: area.maxX - rightText.width, y: area.y), style: Style(.statusBar, .bold), clip: area)
        }
    }

    /// "a accept  x reject …  ? help": the short names of the bindings that can run now,
    /// the most specific context first, as many whole hints as fit in `width`.
    static func hints(_ state: AppState, width: Int = .max) -> StyledLine {
        var spans: [(DisplayText, Style)] = [(" ", Style(.statusBar))]
        var used = 1
        var seen = Set<String>()
        let active = Bindings.active(readOnly: state.session.readOnly)
        func hint(_ binding: Binding) -> (key: DisplayText, short: DisplayText)? {
            guard let short = binding.short, let key = binding.keys.first else { return nil }
            return (DisplayText(key.description), DisplayText(" " + short + "  "))
        }
        // `? help` always has its place at the end: every other key can be found from it.
        let help = active.first { $0.command == .help }.flatMap(hint)
        let reserved = help.map { $0.key.width + $0.short.width } ?? 0
        for context in state.bindingContexts {
            for binding in active where binding.context == context && binding.command != .help {
                guard let (keyText, shortText) = hint(binding), let short = binding.short, !seen.contains(short),
                    state.reason(binding) == nil
                else { continue }
                seen.insert(short)
                // A hint that does not fit whole is left out; a shorter one after it may fit.
                guard used + keyText.width + shortText.width + reserved - 2 <= width else { continue }
                used += keyText.width + shortText.width
                spans.append((keyText, Style(.statusBar, .bold)))
                spans.append((shortText, Style(.statusBar)))
            }
        }
        if let help, used + reserved - 2 <= width {
            spans.append((help.key, Style(.statusBar, .bold)))
            spans.append((help.short, Style(.statusBar)))
        }
        return StyledLine(spans)
    }
}
