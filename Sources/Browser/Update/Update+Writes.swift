import SegmentsAPI

/// The one write policy (see `PendingWrite`) for issues, releases, collaborators and
/// labelsets. The triage decisions keep an outbox of their own (`TriageState`) because
/// their rollback also moves the detail and drops the keys typed ahead; the rule is the same.
extension AppState {
    /// Queues `call` in `slot`: sent now if nothing is in flight there, else after the
    /// writes before it. `landed` applies the server's answer; `rollback` undoes what the
    /// caller showed before queueing, if the server refuses this write or one before it.
    mutating func write<Response>(
        _ slot: Slot, _ summary: String, _ call: ServiceCall<Response>, undone: String? = nil,
        rollback: @escaping @Sendable (inout AppState) -> Void = { _ in },
        landed: @escaping @Sendable (inout AppState, Response) -> [Effect]
    ) -> [Effect] {
        let write = PendingWrite(
            summary: summary, undone: undone, dataset: dataset?.fullName,
            send: { state in
                state.start(
                    slot, call,
                    then: { state, answer in landed(&state, answer) + state.writeSaved(in: slot) },
                    otherwise: { state, error in state.writeRefused(in: slot, error) })
            },
            rollback: rollback)
        let ahead = writes.pending(in: slot).count
        writes.queues[slot, default: []].append(write)
        guard ahead == 0 else {
            showInfo("\(summary): queued after \(Formatting.count(ahead, "change")) still saving")
            return []
        }
        return [send(write)]
    }

    /// A removal under the write policy: the row goes at once and comes back where it was
    /// if the server refuses.
    mutating func removeAndWrite<Tab: ResourceTab, Response>(
        _ tab: Tab.Type, _ item: Tab.Item, in slot: Slot, _ summary: String, _ call: ServiceCall<Response>, undone: String = "it is back",
        landed: @escaping @Sendable (inout AppState, Response) -> [Effect]
    ) -> [Effect] {
        let key = Tab.identity(item)
        let index = dataset?[keyPath: Tab.items].items?.firstIndex { Tab.identity($0) == key } ?? 0
        remove(tab, identity: key)
        return write(slot, summary, call, undone: undone, rollback: { $0.reinsert(tab, item, at: index) }, landed: landed)
    }

    private mutating func send(_ write: PendingWrite) -> Effect {
        let effect = write.send(&self)
        if case .request(let ticket) = effect { writeDatasets[ticket.slot] = write.dataset }
        return effect
    }

    /// Whether a later write in `slot` will change what this answer shows: then the answer
    /// is not shown over the change the user already sees.
    func laterWritesPending(in slot: Slot) -> Bool { writes.pending(in: slot).count > 1 }

    /// The first write of the slot is saved: the next one goes.
    mutating func writeSaved(in slot: Slot) -> [Effect] {
        guard var queue = writes.queues[slot], !queue.isEmpty else { return [] }
        queue.removeFirst()
        writes.queues[slot] = queue.isEmpty ? nil : queue
        return queue.first.map { [send($0)] } ?? []
    }

    /// The first write of the slot was refused: it and every later one in the slot are
    /// undone (newest first, so each rollback finds the state its change left), and said.
    mutating func writeRefused(in slot: Slot, _ error: SegmentsError) -> [Effect] {
        let queue = writes.pending(in: slot)
        writes.queues[slot] = nil
        guard let first = queue.first else {
            showError(error.text)
            return []
        }
        for write in queue.reversed() where write.dataset == dataset?.fullName { write.rollback(&self) }
        let later = queue.dropFirst().map(\.summary)
        let stopped = later.isEmpty ? "" : " Not applied either: \(later.joined(separator: "; "))."
        let undone = first.undone.map { ", \($0)" } ?? ""
        showError("Could not \(first.summary)\(undone): \(error.text)\(stopped)")
        return []
    }

    /// A write landed after its dataset was closed: nothing on screen is its, but the
    /// queue goes on (or, refused, stops) all the same.
    mutating func writeSettledElsewhere(in slot: Slot, _ failure: SegmentsError?) -> [Effect] {
        guard writes.queues[slot] != nil else { return [] }
        guard failure != nil else { return writeSaved(in: slot) }
        writes.queues[slot] = nil
        return []
    }
}
