/// The app's inbox: terminal events and request results, in arrival order. Unlike an
/// AsyncStream it can be drained without waiting, which render coalescing needs.
@MainActor
final class EventQueue {
    private var pending: [Event] = []
    private var waiter: CheckedContinuation<Event?, Never>?
    private(set) var isFinished = false
    /// Posted but not yet handled (including one taken by `next()` and being handled now):
    /// the app is idle only at zero.
    private(set) var unhandled = 0

    func post(_ event: Event) {
        guard !isFinished else { return }
        unhandled += 1
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

    /// The loop finished handling `count` events it took.
    func handled(_ count: Int) {
        unhandled = max(0, unhandled - count)
    }

    func finish() {
        isFinished = true
        waiter?.resume(returning: nil)
        waiter = nil
    }
}
