/// The app's inbox: terminal events and request results, in arrival order. Unlike an
/// AsyncStream it can be drained without waiting, which render coalescing needs.
@MainActor
final class EventQueue {
    private var pending: [Event] = []
    private var waiter: CheckedContinuation<Event?, Never>?
    private(set) var isFinished = false

    func post(_ event: Event) {
        guard !isFinished else { return }
        if let waiter {
            self.waiter = nil
            waiter.resume(returning: event)
        } else {
            pending.append(event)
        }
    }

    /// The next event, waiting (without using CPU) until there is one; nil once finished.
    func next() async -> Event? {
        if !pending.isEmpty { return pending.removeFirst() }
        if isFinished { return nil }
        return await withCheckedContinuation { waiter = $0 }
    }

    /// Everything queued now, without waiting.
    func drain() -> [Event] {
        defer { pending = [] }
        return pending
    }

    var isEmpty: Bool { pending.isEmpty }

    func finish() {
        isFinished = true
        waiter?.resume(returning: nil)
        waiter = nil
    }
}
