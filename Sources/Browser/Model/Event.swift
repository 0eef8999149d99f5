import TerminalUI

/// Everything that changes the state: input from the terminal, and results of requests.
public enum Event: Sendable {
    case key(Key)
    /// A click or the wheel (off with --no-mouse).
    case mouse(MouseEvent)
    case resize(Size)
    /// The spinner's clock; only sent while something is in flight.
    case tick
    /// A request's answer, typed by the call that asked for it.
    case loaded(Landing)
}

/// What `update` asks the outside world to do.
public enum Effect: Hashable, Sendable {
    case request(RequestTicket)
    case cancel(Slot)
    case copyToClipboard(String)
    case quit
}
