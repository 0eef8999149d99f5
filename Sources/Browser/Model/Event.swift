import TerminalUI

/// Everything that changes the state: input from the terminal, and results of requests.
public enum Event: Sendable {
    case key(Key)
    /// A click or the wheel (off with --no-mouse).
    case mouse(MouseEvent)
    case resize(Size)
    /// The spinner's clock; only sent while something is in flight.
    case tick
    case loaded(Slot, RequestID, Result<ServiceResponse, RequestFailure>)
}

/// What `update` asks the outside world to do.
public enum Effect: Hashable, Sendable {
    case request(Slot, RequestID, ServiceRequest)
    case cancel(Slot)
    case copyToClipboard(String)
    case quit
}
