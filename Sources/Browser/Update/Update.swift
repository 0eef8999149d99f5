import TerminalUI

/// The pure heart of the browser: an event and a state give the next state and the effects
/// to run. Nothing in here does I/O or reads a clock.
public func update(_ state: AppState, _ event: Event) -> (AppState, [Effect]) {
    var next = state
    let effects = next.handle(event)
    return (next, effects)
}

extension AppState {
    /// The effects to run when the browser starts.
    public mutating func start() -> [Effect] {
        [loadDatasets()]
    }

    public mutating func handle(_ event: Event) -> [Effect] {
        var effects: [Effect]
        switch event {
        case .key(let key):
            effects = takeKey(key)
        case .mouse(let mouse):
            effects = typeAhead.isEmpty && !isWaitingForScreen ? handleMouse(mouse) : []
        case .resize(let newSize):
            size = newSize
            effects = ensureSamplePages()
        case .tick:
            tick &+= 1
            return []
        case .loaded(let landing):
            guard accept(landing.slot, landing.id) else { return [] }
            effects = land(landing)
        }
        return effects + replayTypeAhead()
    }

    /// Every key counts, in order: while the screen a key acts on is still loading (the
    /// sample the last decision moved to), it waits with the keys typed after it and is
    /// applied once that screen is there. Ctrl-C never waits.
    mutating func takeKey(_ key: Key) -> [Effect] {
        guard key != .ctrl("c") else { return handleKey(key) }
        if !typeAhead.isEmpty || waits(key) {
            typeAhead.append(key)
            return []
        }
        return handleKey(key)
    }

    /// Applies the keys that waited, for as long as nothing new is loading.
    mutating func replayTypeAhead() -> [Effect] {
        var effects: [Effect] = []
        while let next = typeAhead.first, !waits(next), !isQuitting {
            effects += handleKey(typeAhead.removeFirst())
        }
        return effects
    }

    /// The sample detail is on its way (opened, or moved to by a decision or `n`): the next
    /// key is meant for it, not for the emptiness before it. Only while a request that ends
    /// the wait is in flight, so a failed load never holds keys back.
    var isWaitingForScreen: Bool {
        guard overlay == nil, let detail = dataset?.detail else { return false }
        return !detail.isLoaded && (samplePageInFlight || inFlight[.sampleDetail] != nil)
    }

    /// Whether `key` waits: every key while the detail is on its way; while a list's rows
    /// are (the datasets at start, a dataset's samples after `:dataset`), the keys that act
    /// on its rows, so Enter opens the first row instead of nothing. In the samples table,
    /// Enter, `y` and `T` wait for the selected row's page wherever it is (`G` then Enter
    /// opens the last sample); moving waits only while there are no rows to move over.
    /// Enter on `:dataset NAME` waits for the datasets list (typed at the first frame).
    /// Help, `:`, `r` and quitting do not wait for a list (keys after a waiting one wait too,
    /// in order).
    func waits(_ pressed: Key) -> Bool {
        let key = meaning(of: pressed)
        if isWaitingForScreen || waitsForDatasets(key) { return true }
        guard overlay == nil, dataset?.detail == nil else { return false }
        let rowsMissing: Bool
        let selectedRowMissing: Bool
        if focus == .content, let current = dataset, current.tab == .samples {
            let samples = current.samples
            let selected = samples.table.clamped(count: samples.rowCount, visibleRows: layout.samplesTableRows).selected
            rowsMissing = samples.rowCount == 0 && samplePageInFlight
            selectedRowMissing = samples.sample(at: selected) == nil && inFlight[.samplePage(samples.page(of: selected))] != nil
        } else {
            rowsMissing = focus == .datasets && !datasets.isLoaded && inFlight[.datasets] != nil
            selectedRowMissing = rowsMissing
        }
        guard rowsMissing || selectedRowMissing,
            let binding = Bindings.lookup(key, in: bindingContexts, readOnly: session.readOnly)
        else { return false }
        switch binding.command {
        case .open, .copy, .startTriage: return selectedRowMissing || rowsMissing
        case .navigate, .nextTab: return rowsMissing
        default: return false
        }
    }

    /// Enter on a `:dataset` command line while the datasets list is still on its way (typed
    /// at the first frame): the name is looked up in that list, so Enter waits for it instead
    /// of failing with "No dataset … among yours". A failed load ends the wait.
    private func waitsForDatasets(_ key: Key) -> Bool {
        guard key == .enter, case .prompt(let prompt)? = overlay, prompt.kind == .command,
            !datasets.isLoaded, inFlight[.datasets] != nil
        else { return false }
        let command = prompt.field.text.trimmingSpaces.split(separator: " ", maxSplits: 1).first
        return command == "dataset" || command == "d"
    }

    /// Ctrl-J (LF) breaks the line in a text area; everywhere else it is Enter (a terminal
    /// in newline mode sends it for the Enter key).
    private func meaning(of pressed: Key) -> Key {
        pressed == .ctrl("j") && !isEditingText ? .enter : pressed
    }

    private var samplePageInFlight: Bool {
        inFlight.keys.contains { if case .samplePage = $0 { true } else { false } }
    }

    mutating func handleKey(_ pressed: Key) -> [Effect] {
        let key = meaning(of: pressed)
        // A message is read once: the next key files it in the log (`:messages`) and the
        // footer's hints come back.
        message = nil
        if overlay != nil { return handleOverlayKey(key) }
        guard let binding = Bindings.lookup(key, in: bindingContexts, readOnly: session.readOnly) else {
            return unboundKey(key)
        }
        if let reason = reason(binding) {
            showInfo("\(binding.description): \(reason)")
            return []
        }
        return perform(binding.command)
    }

    /// A key with no meaning here is said, not silently dropped (plain movement and
    /// modifier noise excepted).
    private mutating func unboundKey(_ key: Key) -> [Effect] {
        if case .character(let character) = key, !character.isWhitespace {
            showInfo("\(character) does nothing here · ? shows the keys")
        }
        return []
    }
}

extension AppState {
    /// A multi-line text input has the keys.
    public var isEditingText: Bool {
        if case .modal(let modal, _)? = overlay, case .textArea = modal.kind { return true }
        return false
    }
}
