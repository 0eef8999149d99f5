import SegmentsAPI
import TerminalUI

extension AppState {
    /// An overlay is open: it gets every key.
    mutating func handleOverlayKey(_ key: Key) -> [Effect] {
        guard let current = overlay else { return [] }
        if key == .ctrl("c") { return perform(.quit) }
        switch current {
        case .help(let scroll):
            switch key {
            case .escape, .character("q"), .character("?"), .enter: overlay = nil
            case .down, .character("j"): overlay = .help(scroll: scroll + 1)
            case .up, .character("k"): overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown, .character(" "): overlay = .help(scroll: scroll + max(1, size.height - 6))
            case .pageUp: overlay = .help(scroll: max(0, scroll - max(1, size.height - 6)))
            case .home, .character("g"): overlay = .help(scroll: 0)
            default: break
            }
            return []
        case .prompt(let prompt):
            return handlePromptKey(key, prompt)
        case .modal(var modal, let purpose):
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
        case .backspace where prompt.field.text.isEmpty:
            overlay = nil
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
                showError(RequestFailure(error).message)
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
