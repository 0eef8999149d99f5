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
        for context in state.bindingContexts {
            for binding in Bindings.active(readOnly: state.session.readOnly) where binding.context == context {
                guard let short = binding.short, !seen.contains(short), let key = binding.keys.first,
                    state.reason(binding) == nil
                else { continue }
                seen.insert(short)
                let keyText = DisplayText(key.description)
                let shortText = DisplayText(" " + short + "  ")
                // A hint that does not fit whole is left out; a shorter one after it may fit.
                guard used + keyText.width + shortText.width - 2 <= width else { continue }
                used += keyText.width + shortText.width
                spans.append((keyText, Style(.statusBar, .bold)))
                spans.append((shortText, Style(.statusBar)))
            }
        }
        return StyledLine(spans)
    }
}
