import Logging
import SegmentsAPI

/// Runs request tickets off the UI loop, one Task per slot: a new request for a slot cancels the
/// task before it (latest wins). Results come back to `post` on the main actor.
@MainActor
final class EffectRunner {
    private let service: any SegmentsService
    private let post: @MainActor (Event) -> Void
    private let logger: Logger
    private var tasks: [Slot: Task<Void, Never>] = [:]

    init(service: any SegmentsService, logger: Logger, post: @escaping @MainActor (Event) -> Void) {
        self.service = service
        self.logger = logger
        self.post = post
    }

    func run(_ ticket: RequestTicket) {
        let slot = ticket.slot
        tasks[slot]?.cancel()
        let service = service
        let logger = logger
        tasks[slot] = Task { [weak self] in
            logger.debug("request \(ticket.id) \(String(describing: ticket.request).prefix(160))")
            let landing = await ticket.run(service)
            if let failure = landing.failure { logger.info("request \(ticket.id) failed: \(failure)") }
            guard !Task.isCancelled else { return }
            self?.tasks[slot] = nil
            self?.post(.loaded(landing))
        }
    }

    func cancel(_ slot: Slot) {
        tasks.removeValue(forKey: slot)?.cancel()
    }

    func cancelAll() {
        tasks.values.forEach { $0.cancel() }
        tasks = [:]
    }
}
