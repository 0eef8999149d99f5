import SegmentsAPI
import TerminalUI

/// Help, prompts, choices and the status picker, drawn over the panes.
enum OverlayView {
    static func render(_ state: AppState, into screen: inout Screen, layout: Layout) {
        guard let overlay = state.overlay else { return }
        switch overlay {
        case .help(let scroll):
            ScrolledTextBox.render(HelpView.lines(state), title: "Keys — ? or Esc closes", scroll: scroll, into: &screen)
        case .messages(let scroll):
            ScrolledTextBox.render(MessagesView.lines(state), title: "Messages — Esc closes", scroll: scroll, into: &screen)
        case .prompt(let prompt):
            let row = layout.status
            let symbol = DisplayText(prompt.symbol)
            let x = screen.put(symbol, at: row.origin, style: Style(.input, .bold), clip: row)
            prompt.field.render(into: &screen, area: Rect(x: x, y: row.y, width: row.maxX - x, height: 1))
            if prompt.kind == .metadata {
                MetadataPromptHelp.render(state, above: row, into: &screen)
            }
            if prompt.kind == .command, !prompt.completions.isEmpty {
                let shown = prompt.completions.prefix(8)
                let width = min(row.width, max(20, (shown.map { DisplayText($0).width }.max() ?? 0) + 4))
                let box = Rect(x: row.x, y: row.y - shown.count - 2, width: width, height: shown.count + 2)
                screen.fill(box, style: Style(.modal))
                screen.drawBox(box, style: Style(.border), glyphs: .rounded, title: "Tab completes")
                for (index, completion) in shown.enumerated() {
                    screen.put(DisplayText(completion), in: box.inset(by: 1).row(index).inset(left: 1), style: Style(index == 0 ? .selection : .modal))
                }
            }
        case .modal(let modal, _):
            modal.render(into: &screen, area: screen.bounds)
        case .choice(let choice):
            Modal.choice(title: DisplayText(choice.title), options: choice.options.map { DisplayText($0) }, selected: choice.selected)
                .render(into: &screen, area: screen.bounds)
        case .statusPicker(let picker):
            let statuses = StatusPickerState.statuses
            let box = screen.bounds.centered(Size(width: 42, height: statuses.count + 5))
            screen.fill(box, style: Style(.modal))
            screen.drawBox(box, style: Style(.accent), glyphs: .rounded, title: "Label status filter")
            let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
            for (index, status) in statuses.enumerated() {
                let mark = "\(index + 1) " + (picker.chosen.contains(status.rawValue) ? "[x] " : "[ ] ")
                let style = index == picker.cursor ? Style(.selection) : Style(.modal)
                screen.put(DisplayText(mark + Formatting.status(status.rawValue)), in: inner.row(index), style: style)
                if index != picker.cursor {
                    screen.restyle(Rect(x: inner.x + 6, y: inner.y + index, width: inner.width - 6, height: 1), style: Style(Palette.role(for: status.rawValue)))
                }
            }
            screen.put("1–9/Space toggle · c clear · Enter apply", in: inner.row(inner.height - 1), style: Style(.muted))
        }
    }
}

/// Above the `m` prompt: the filters in force as chips, and how to write several.
enum MetadataPromptHelp {
    static func render(_ state: AppState, above row: Rect, into screen: inout Screen) {
        let active = state.dataset?.samples.filter.metadata ?? []
        var chips: [(DisplayText, Style)] = [(DisplayText(active.isEmpty ? "none yet" : ""), Style(.muted))]
        for filter in active {
            chips += [(DisplayText(" \(filter.description) "), Style(.accent).with(.reverse)), (" ", Style(.modal))]
        }
        let lines = [
            StyledLine([("in force: ", Style(.muted))] + chips),
            StyledLine("several: key:value, key:value (comma-separated) · empty clears them all", Style(.modal)),
            StyledLine("typing replaces the selection · ← → Home End edit it · M removes one", Style(.muted)),
        ]
        let width = min(row.width, max(40, (lines.map(\.plain.width).max() ?? 0) + 4))
        let box = Rect(x: row.x, y: row.y - lines.count - 2, width: width, height: lines.count + 2)
        screen.fill(box, style: Style(.modal))
        screen.drawBox(box, style: Style(.border), glyphs: .rounded, title: "Metadata filters")
        for (index, line) in lines.enumerated() {
            line.draw(into: &screen, rect: box.inset(by: 1).row(index).inset(left: 1))
        }
    }
}

/// The help overlay, generated from the key table: the keys of where you are first, then
/// the rest.
enum HelpView {
    static func lines(_ state: AppState) -> [StyledLine] {
        let here = state.bindingContexts
        let order = here + BindingContext.allCases.filter { !here.contains($0) }
        var lines: [StyledLine] = []
        for context in order {
            // Every binding is listed; in read-only mode the writes say why they do nothing.
            let rows = Bindings.all.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append(StyledLine()) }
            let title = context == here.first ? "\(context.rawValue) (here)" : context.rawValue
            lines.append(StyledLine(DisplayText(title), Style(.title)))
            for binding in rows {
                let refusal = state.session.readOnly && (binding.writes || binding.isDestructive)
                    ? Bindings.readOnlyReason : state.permissionReason(binding).map { _ in "needs \(binding.requires?.requiredLevel.description ?? "a higher role")" }
                lines.append(StyledLine([
                    (DisplayText("  " + binding.keyLabel.padding(to: 22)), Style(refusal != nil ? .muted : .accent)),
                    (DisplayText(binding.description), Style(refusal != nil ? .muted : .modal)),
                    (DisplayText(refusal.map { " — " + $0 } ?? ""), Style(.muted)),
                ]))
            }
        }
        return lines
    }
}

/// `:messages`: every message of the session with its time, errors marked.
enum MessagesView {
    static func lines(_ state: AppState) -> [StyledLine] {
        guard !state.messageLog.isEmpty else { return [StyledLine("No messages yet.", Style(.muted))] }
        return state.messageLog.map { message in
            StyledLine([
                (DisplayText(Timestamp.clock(epochSeconds: message.time) + "  "), Style(.muted)),
                (DisplayText(message.kind == .error ? "✗ " : "  "), Style(.error)),
                (DisplayText(message.text), Style(message.kind == .error ? .error : .modal)),
            ])
        }
    }
}

/// A full-screen box of lines that scrolls with the list keys and says when more is
/// above or below.
enum ScrolledTextBox {
    static func render(_ lines: [StyledLine], title: String, scroll: Int, into screen: inout Screen) {
        let rows = Layout.overlayTextRows(screen.bounds.size)
        let box = screen.bounds.inset(top: 1, left: 2, bottom: 1, right: 2).centered(Size(width: 100, height: min(lines.count, rows) + 2))
        screen.fill(box, style: Style(.modal))
        screen.drawBox(box, style: Style(.accent), glyphs: .rounded, title: DisplayText(title))
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 1)
        let offset = TextView.clampedOffset(scroll, lineCount: lines.count, visibleRows: inner.height)
        for (row, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
            line.draw(into: &screen, rect: inner.row(row))
        }
        let below = lines.count - offset - inner.height
        var marks: [String] = []
        if offset > 0 { marks.append("↑ \(offset) more") }
        if below > 0 { marks.append("↓ \(below) more · j/PgDn/G") }
        guard !marks.isEmpty else { return }
        let text = DisplayText(" " + marks.joined(separator: " · ") + " ")
        screen.put(text, at: Point(x: max(box.x + 1, box.maxX - text.width - 2), y: box.maxY - 1), style: Style(.accent), clip: box)
    }
}
