import Browser
import SegmentsAPI

extension Effect {
    /// The request this effect starts, if it starts one.
    var ticket: RequestTicket? {
        if case .request(let ticket) = self { return ticket }
        return nil
    }

    /// The slot this effect cancels, if it cancels one.
    var cancelledSlot: Slot? {
        if case .cancel(let slot) = self { return slot }
        return nil
    }
}

extension Array {
    /// A test's stand-in network keeping its requests in flight: a request `effects` start
    /// joins (as `hold(ticket)`), and one they cancel leaves.
    mutating func follow(_ effects: [Effect], slot: (Element) -> Slot, hold: (RequestTicket) -> Element) {
        for effect in effects {
            if let ticket = effect.ticket { append(hold(ticket)) }
            if let cancelled = effect.cancelledSlot { removeAll { slot($0) == cancelled } }
        }
    }
}

extension Array where Element == Effect {
    /// The first request started in `slot`.
    func ticket(in slot: Slot) -> RequestTicket? {
        lazy.compactMap(\.ticket).first { $0.slot == slot }
    }
}

extension AppState {
    /// Feeds `ticket` the answer `value`; fails the test when the call answers another type.
    mutating func answer(_ ticket: RequestTicket, with value: any Sendable) throws -> [Effect] {
        guard let event = ticket.answered(value) else { throw TestFailure("\(ticket.request) does not answer \(type(of: value))") }
        return handle(event)
    }

    mutating func fail(_ ticket: RequestTicket, with error: SegmentsError) throws -> [Effect] {
        guard let event = ticket.failed(error) else { throw TestFailure("no landing for \(ticket.request)") }
        return handle(event)
    }
}
