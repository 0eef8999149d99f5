import SegmentsAPI
import TerminalUI

/// The help overlay's text, generated from the key table: the keys of where you are
/// first, then the rest. (The overlay draws it; `update` scrolls within it.)
enum HelpText {
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
enum MessagesText {
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
