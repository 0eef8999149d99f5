import SegmentsAPI
import TerminalUI

/// The request bookkeeping on AppState: one id per slot, latest wins.
extension AppState {
    /// Starts `call` in `slot`, replacing whatever was in flight there. Its answer goes to
    /// `then`, typed as the call answers; a failure to `otherwise`, or, without one, to the
    /// slot's own failure handling (`recordFailure`).
    mutating func start<Response>(
        _ slot: Slot, _ call: ServiceCall<Response>,
        then succeed: @escaping @Sendable (inout AppState, Response) -> [Effect],
        otherwise fail: (@Sendable (inout AppState, SegmentsError) -> [Effect])? = nil
    ) -> Effect {
        let id = RequestID(value: nextRequestNumber)
        nextRequestNumber += 1
        inFlight[slot] = id
        let fail = fail ?? { state, error in state.recordFailure(error, in: slot) }
        @Sendable func landing(_ result: Result<Response, SegmentsError>) -> Landing {
            switch result {
            case .success(let value): Landing(slot: slot, id: id, failure: nil) { succeed(&$0, value) }
            case .failure(let error): Landing(slot: slot, id: id, failure: error) { fail(&$0, error) }
            }
        }
        let perform = call.perform
        return .request(
            RequestTicket(
                slot: slot, id: id, request: call.request,
                run: { service in
                    do {
                        return landing(.success(try await perform(service)))
                    } catch {
                        return landing(.failure(SegmentsError(wrapping: error)))
                    }
                },
                land: { given in
                    switch given {
                    case .success(let value): (value as? Response).map { landing(.success($0)) }
                    case .failure(let error): landing(.failure(error))
                    }
                }))
    }

    /// Forgets the slot's request; its result will be dropped as stale.
    mutating func cancel(_ slot: Slot) -> Effect? {
        guard inFlight.removeValue(forKey: slot) != nil else { return nil }
        return .cancel(slot)
    }

    mutating func cancel(where matches: (Slot) -> Bool) -> [Effect] {
        inFlight.keys.filter(matches).compactMap { cancel($0) }
    }

    /// True (and the slot freed) when `id` is the slot's current request.
    mutating func accept(_ slot: Slot, _ id: RequestID) -> Bool {
        guard inFlight[slot] == id else { return false }
        inFlight[slot] = nil
        return true
    }

    /// Every slot that belongs to the open dataset.
    static func isDatasetSlot(_ slot: Slot) -> Bool {
        switch slot {
        // Writes finish even when the dataset changes (a cancelled request may still have
        // landed): a label's or an issue's result names its sample, and the others are
        // applied only to the dataset they were made in (see `writeDatasets`).
        case .datasets, .sampleLookup, .labelWrite, .issueWrite, .releaseWrite, .collaboratorWrite, .labelsetWrite: false
        default: true
        }
    }

    /// A destructive question naming what goes; it starts on "Keep".
    mutating func askToConfirm(_ title: String, _ message: String, confirm: String = "Delete", for purpose: ModalPurpose) {
        overlay = .modal(
            .confirm(title: DisplayText(title), message: message, confirmLabel: DisplayText(confirm), cancelLabel: "Keep", destructive: true),
            purpose)
    }

    mutating func showError(_ text: String) {
        say(StatusMessage(kind: .error, text: text, time: now))
    }

    mutating func showInfo(_ text: String) {
        say(StatusMessage(kind: .info, text: text, time: now))
    }

    /// Shows the message in the status bar and files it in the log (`:messages`); the
    /// same text said again in a row is filed once.
    private mutating func say(_ said: StatusMessage) {
        message = said
        if messageLog.last?.text == said.text && messageLog.last?.kind == said.kind {
            messageLog[messageLog.count - 1] = said
        } else {
            messageLog.append(said)
            if messageLog.count > Self.messageLogLimit { messageLog.removeFirst(messageLog.count - Self.messageLogLimit) }
        }
    }
}
