import SegmentsAPI
import TerminalUI

extension AppState {
    /// An overlay is open: it gets every key. Ctrl-C and Esc close it; a dialog holding
    /// typed text asks before the text is thrown away.
    mutating func handleOverlayKey(_ pressed: Key) -> [Effect] {
        guard let current = overlay else { return [] }
        if case .modal(_, .quit) = current, pressed == .ctrl("c") { return quitNow() }
        let key = pressed == .ctrl("c") ? Key.escape : pressed
        switch current {
        case .help(let scroll):
            if let next = scrolled(scroll, by: key, lineCount: HelpView.lines(self).count) {
                overlay = .help(scroll: next)
            } else if [.escape, .character("q"), .character("?"), .enter].contains(key) {
                overlay = nil
            }
            return []
        case .messages(let scroll):
            if let next = scrolled(scroll, by: key, lineCount: messageLog.count) {
                overlay = .messages(scroll: next)
            } else if [.escape, .character("q"), .enter].contains(key) {
                overlay = nil
            }
            return []
        case .prompt(let prompt):
            return handlePromptKey(key, prompt)
        case .modal(var modal, let purpose):
            if key == .escape, let draft = modal.draftText {
                askToDiscard(draft, editor: modal, purpose: purpose)
                return []
            }
            let outcome = modal.handle(key)
            overlay = outcome == .pending ? .modal(modal, purpose) : nil
            return answer(outcome, for: purpose)
        case .choice(var choice):
            switch key {
            case .escape, .character("q"):
                overlay = nil
            case .enter:
                overlay = nil
                return choose(choice.options.indices.contains(choice.selected) ? choice.selected : 0, for: choice.purpose)
            case .character(let digit) where digit.wholeNumberValue.map { choice.options.indices.contains($0 - 1) } == true:
                overlay = nil
                return choose((digit.wholeNumberValue ?? 1) - 1, for: choice.purpose)
            default:
                if let navigation = NavigationCommand(key: key) {
                    choice.selected = ScrollState(selected: choice.selected)
                        .applying(navigation, count: choice.options.count, visibleRows: choice.options.count).selected
                    overlay = .choice(choice)
                }
            }
            return []
        case .statusPicker(var picker):
            let statuses = StatusPickerState.statuses
            switch key {
            case .escape, .character("q"):
                overlay = nil
            case .character(" "), .character("x"):
                let raw = statuses[picker.cursor].rawValue
                if picker.chosen.contains(raw) { picker.chosen.remove(raw) } else { picker.chosen.insert(raw) }
                overlay = .statusPicker(picker)
            case .character("c"):
                picker.chosen = []
                overlay = .statusPicker(picker)
            case .character(let digit) where digit.wholeNumberValue.map { statuses.indices.contains($0 - 1) } == true:
                picker.cursor = (digit.wholeNumberValue ?? 1) - 1
                let raw = statuses[picker.cursor].rawValue
                if picker.chosen.contains(raw) { picker.chosen.remove(raw) } else { picker.chosen.insert(raw) }
                overlay = .statusPicker(picker)
            case .enter:
                overlay = nil
                let chosen = statuses.filter { picker.chosen.contains($0.rawValue) }
                return changeSampleFilter { $0.statuses = chosen }
            default:
                if let navigation = NavigationCommand(key: key) {
                    picker.cursor = ScrollState(selected: picker.cursor)
                        .applying(navigation, count: statuses.count, visibleRows: statuses.count).selected
                    overlay = .statusPicker(picker)
                }
            }
            return []
        }
    }

    /// The new offset of a scrolled text (help, messages) after a movement key, or nil
    /// when the key is not one.
    private func scrolled(_ offset: Int, by key: Key, lineCount: Int) -> Int? {
        guard let navigation = NavigationCommand(key: key) ?? (key == .character(" ") ? .pageDown : nil) else { return nil }
        let rows = Layout.overlayTextRows(size)
        let page = max(1, rows - 1)
        let last = max(0, lineCount - rows)
        let next: Int = switch navigation {
        case .up: offset - 1
        case .down: offset + 1
        case .pageUp: offset - page
        case .pageDown: offset + page
        case .halfPageUp: offset - page / 2
        case .halfPageDown: offset + page / 2
        case .top: 0
        case .row(let index): index
        case .bottom: last
        }
        return max(0, min(next, last))
    }

    /// Esc or Ctrl-C in a dialog that holds typed text: keep editing, or throw it away.
    private mutating func askToDiscard(_ draft: String, editor: Modal, purpose: ModalPurpose) {
        let lines = draft.split(separator: "\n", omittingEmptySubsequences: false).count
        let size = lines > 1 ? "\(lines) lines" : Formatting.count(draft.count, "character")
        overlay = .modal(
            .confirm(
                title: "Discard your text?", message: "The text of “\(editor.title.string)” (\(size)) is not saved.",
                confirmLabel: "Discard", cancelLabel: "Keep editing"),
            .discardDraft(editor: editor, purpose: purpose))
    }

    private mutating func handlePromptKey(_ key: Key, _ original: PromptState) -> [Effect] {
        var prompt = original
        switch key {
        case .escape:
            overlay = nil
            // Esc on `/` puts the list back as it was.
            return prompt.kind == .filter ? applyFilterText(prompt.original) : []
        case .enter:
            overlay = nil
            switch prompt.kind {
            case .filter: return filterSubmitted(prompt.field.text)
            case .command: return CommandLine.run(prompt.field.text, state: &self)
            case .metadata: return applyMetadata(prompt.field.text)
            }
        case .tab where prompt.kind == .command:
            if let first = prompt.completions.first {
                prompt.field = TextField(first + (first.hasSuffix(" ") ? "" : " "))
                prompt.completions = CommandLine.completions(for: prompt.field.text, state: self)
            }
            overlay = .prompt(prompt)
            return []
        default:
            guard prompt.field.handle(key) else { return [] }
            overlay = .prompt(prompt)
            switch prompt.kind {
            case .filter:
                return applyFilterText(prompt.field.text)
            case .command:
                prompt.completions = CommandLine.completions(for: prompt.field.text, state: self)
                overlay = .prompt(prompt)
            case .metadata:
                break
            }
            return []
        }
    }

    private mutating func applyMetadata(_ text: String) -> [Effect] {
        let parts = text.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        var filters: [MetadataFilter] = []
        for part in parts {
            do {
                filters.append(try MetadataFilter(parsing: part))
            } catch {
                showError(SegmentsError(wrapping: error).message)
                return []
            }
        }
        return changeSampleFilter { $0.metadata = filters }
    }

    private mutating func choose(_ index: Int, for purpose: ChoiceState.Purpose) -> [Effect] {
        switch purpose {
        case .sort:
            let sort = SampleSort.allCases[index]
            return changeSampleFilter { $0.sort = sort }
        case .labelset:
            guard let name = dataset?.labelsetNames[safe: index] else { return [] }
            return switchLabelset(to: name)
        case .removeMetadataFilter:
            guard let removed = dataset?.samples.filter.metadata[safe: index] else { return [] }
            showInfo("Removed the filter \(removed.description)")
            return changeSampleFilter { $0.metadata.removeAll { $0 == removed } }
        case .collaboratorRole(let username, let existing):
            return setCollaboratorRole(username: username, existing: existing, roleIndex: index)
        case .queueAssignee(let choices):
            return filterQueue(by: index == 0 ? nil : choices[safe: index - 1])
        case .workunitRange:
            dataset?.workunitRange = WorkunitRange.allCases[index]
            dataset?.workunits = ListResource()
            return loadTab()
        }
    }

    mutating func switchLabelset(to name: String) -> [Effect] {
        guard let current = dataset else { return [] }
        guard current.labelset != name else { return [] }
        dataset?.labelset = name
        var effects = reloadSamples()
        if let detail = current.detail, !detail.uuid.isEmpty {
            effects += openDetail(uuid: detail.uuid, source: detail.source, sample: detail.sample)
        }
        showInfo("Labelset \(name)")
        return effects
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

extension String {
    var trimmingSpaces: String { self[...].trimmingSpaces }
}
