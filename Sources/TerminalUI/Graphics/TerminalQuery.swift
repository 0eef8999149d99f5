import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the terminal what it can draw, before ncurses takes it over: the kitty graphics
/// query, the cell size in pixels and the primary device attributes (DA1), in that order.
/// Every terminal answers DA1 and answers in order, so DA1's reply ends the wait; a
/// terminal that answers nothing costs the timeout.
///
/// Keys typed meanwhile arrive mixed with the replies; they come back in `typeAhead`, in
/// order, for the program's input (`NcursesTerminal.Options.typeAhead`).
public enum TerminalQuery {
    /// kitty's `a=q` query (a 1×1 RGB image, id 31, which a kitty-capable terminal checks
    /// and answers without showing), `CSI 16 t` (cell size) and `CSI c` (DA1).
    public static let request: [UInt8] = Array("\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[16t\u{1B}[c".utf8)

    /// What came back.
    public struct Outcome: Hashable, Sendable {
        public var replies: TerminalReplies
        /// Bytes that were not replies (keys typed during the query), in order.
        public var typeAhead: [UInt8]
        public var elapsed: Duration

        public init(replies: TerminalReplies, typeAhead: [UInt8], elapsed: Duration) {
            self.replies = replies
            self.typeAhead = typeAhead
            self.elapsed = elapsed
        }

        /// For the log (never the typed bytes themselves): "answered in 12 ms: DA1 63;1;2;4, kitty OK,
        /// cell 9×18 px, 2 bytes typed ahead".
        public var summary: String {
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            var parts: [String] = []
            if let attributes = replies.deviceAttributes {
                parts.append("DA1 " + attributes.map(String.init).joined(separator: ";"))
            }
            switch replies.kittyGraphics {
            case .ok?: parts.append("kitty OK")
            case .error(let message)?: parts.append("kitty refused (\(message))")
            case nil: break
            }
            if let cell = replies.cellPixels { parts.append("cell \(cell.width)×\(cell.height) px") }
            if !typeAhead.isEmpty { parts.append("\(typeAhead.count) \(typeAhead.count == 1 ? "byte" : "bytes") typed ahead") }
            let head = replies.isComplete ? "answered in \(milliseconds) ms" : "no answer in \(milliseconds) ms"
            return parts.isEmpty ? head : head + ": " + parts.joined(separator: ", ")
        }
    }

    /// Set to 1 to never query (the environment alone decides).
    public static let skipVariable = "SEGMENTS_TUI_NO_TERMINAL_QUERY"

    /// How long to wait for an answer: long enough for a round trip, short enough that a
    /// terminal answering nothing is not noticed. Over SSH the round trip can be long, and
    /// a reply arriving after ncurses took the terminal would read as keys, so wait longer.
    public static func timeout(environment: [String: String]) -> Duration {
        let overSSH = ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"].contains { environment[$0]?.isEmpty == false }
        return overSSH ? .seconds(1) : .milliseconds(150)
    }

    /// Asks the terminal on stdin/stdout. Nil when there is none to ask: stdin or stdout is
    /// not a terminal, or the process is not in the terminal's foreground (it would be stopped).
    public static func ask(timeout: Duration) -> Outcome? {
        guard isatty(0) == 1, isatty(1) == 1, tcgetpgrp(0) == getpgrp() else { return nil }
        // Signals that arrive meanwhile wait in the UI's signal pipe until the terminal
        // is back as it was; then they take their default course.
        _ = tui_install_signal_handlers()
        let outcome = exchange(input: 0, output: 1, timeout: timeout)
        var pending: [Int32] = []
        while true {
            let signal = tui_next_pending_signal()
            if signal == 0 { break }
            pending.append(signal)
        }
        tui_restore_default_signals()
        for signal in pending where signal != SIGWINCH && signal != SIGCONT { raise(signal) }
        return outcome
    }

    /// The exchange itself on a terminal's file descriptors (a pseudo-terminal in tests):
    /// raw mode, the request, replies read until DA1 or the timeout, the mode restored.
    /// Nil when `input` is not a terminal.
    public static func exchange(
        input: Int32, output: Int32, timeout: Duration, request: [UInt8] = TerminalQuery.request
    ) -> Outcome? {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return nil }
        var raw = saved
        // No echo, no line editing, no signals from keys (Ctrl-C is typed input, handed on
        // as a key), CR stays CR (Enter); reads return what is there.
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(ICRNL | INLCR | IGNCR | ISTRIP)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        // TCSANOW, not TCSAFLUSH: keys already typed stay in the queue for us (or ncurses).
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return nil }
        defer { _ = tcsetattr(input, TCSANOW, &saved) }

        let clock = ContinuousClock()
        let start = clock.now
        var deadline = start + timeout
        guard writeAll(request, to: output) else {
            return Outcome(replies: TerminalReplies(), typeAhead: [], elapsed: clock.now - start)
        }
        var parser = TerminalReplyParser()
        var buffer = [UInt8](repeating: 0, count: 1024)
        var extended = false
        while !(parser.replies.isComplete && !parser.isWaitingForRest) {
            if parser.replies.isComplete && !extended {
                // DA1 is in, with the start of a key's sequence after it: wait a moment
                // (ncurses' escape delay) for the rest, so the key is handed on whole.
                extended = true
                deadline = min(deadline, clock.now + .milliseconds(25))
            }
            let remaining = deadline - clock.now
            guard remaining > .zero else { break }
            var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds(remaining))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0, descriptor.revents & Int16(POLLIN) != 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count > 0 {
                parser.feed(buffer[0..<count])
            } else if count < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                break
            }
        }
        parser.finish()
        return Outcome(replies: parser.replies, typeAhead: parser.typeAhead, elapsed: clock.now - start)
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// A poll timeout in whole milliseconds, rounded up so that a short wait is not a busy loop.
    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(1, total))
    }
}
