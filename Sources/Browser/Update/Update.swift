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
        [start(.datasets, .datasets)]
    }

    public mutating func handle(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            return handleKey(key)
        case .resize(let newSize):
            size = newSize
            return ensureSamplePages()
        case .tick:
            tick &+= 1
            return []
        case .loaded(let slot, let id, let result):
            guard accept(slot, id) else { return [] }
            return handleResult(slot, result)
        }
    }

    mutating func handleKey(_ pressed: Key) -> [Effect] {
        // Ctrl-J (LF) breaks the line in a text area; everywhere else it is Enter.
        let key = pressed == .ctrl("j") && !isEditingText ? Key.enter : pressed
        // Information is read once; the footer hints come back on the next key. Errors stay.
        if message?.kind == .info { message = nil }
        if overlay != nil { return handleOverlayKey(key) }
        guard let binding = Bindings.lookup(key, in: bindingContexts, readOnly: session.readOnly) else { return [] }
        if let reason = reason(binding) {
            showInfo("\(binding.description): \(reason)")
            return []
        }
        return perform(binding.command)
    }
}

extension AppState {
    /// A multi-line text input has the keys.
    public var isEditingText: Bool {
        if case .modal(let modal, _)? = overlay, case .textArea = modal.kind { return true }
        return false
    }
}
