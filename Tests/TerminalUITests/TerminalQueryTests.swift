import Foundation
import Testing

@testable import TerminalUI

/// The query's I/O on a real pseudo-terminal: our side is the slave (what the program has
/// as its tty); a thread on the master plays the terminal, reading the request and answering.
@Suite("terminal query on a pseudo-terminal")
struct TerminalQueryTests {
    /// A pseudo-terminal pair; the slave starts in the kernel's default (cooked) mode.
    final class PseudoTerminal: @unchecked Sendable {
        let master: Int32
        let slave: Int32

        init() throws {
            var master: Int32 = -1
            var slave: Int32 = -1
            guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw PseudoTerminalError() }
            self.master = master
            self.slave = slave
        }

        deinit {
            close(slave)
            close(master)
        }

        /// Reads from the master until `count` bytes came or `timeout` passed.
        func readMaster(count: Int, timeout: Duration = .seconds(5)) -> [UInt8] {
            readAvailable(master, count: count, timeout: timeout)
        }

        func writeMaster(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        }

        func readAvailable(_ fd: Int32, count: Int, timeout: Duration) -> [UInt8] {
            var result: [UInt8] = []
            let deadline = ContinuousClock.now + timeout
            var buffer = [UInt8](repeating: 0, count: 4096)
            while result.count < count, ContinuousClock.now < deadline {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, 20) > 0 else { continue }
                let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, count - result.count)) }
                if got > 0 { result += buffer[0..<got] }
            }
            return result
        }

        func modes() -> (lflag: tcflag_t, iflag: tcflag_t) {
            var current = termios()
            _ = tcgetattr(slave, &current)
            return (current.c_lflag, current.c_iflag)
        }
    }

    struct PseudoTerminalError: Error {}

    /// Runs the exchange on the slave while `terminal` plays the other side on a thread.
    static func exchange(
        _ pty: PseudoTerminal, timeout: Duration = .seconds(2), terminal: @escaping @Sendable (PseudoTerminal) -> Void
    ) -> TerminalQuery.Outcome? {
        let player = Thread { terminal(pty) }
        player.start()
        return TerminalQuery.exchange(input: pty.slave, output: pty.slave, timeout: timeout)
    }

    @Test("the request reaches the terminal; its replies decide and keys typed around them are handed on")
    func exchangeWithAnsweringTerminal() throws {
        let pty = try PseudoTerminal()
        let outcome = try #require(Self.exchange(pty) { pty in
            let request = pty.readMaster(count: TerminalQuery.request.count)
            guard request == TerminalQuery.request else { return }
            pty.writeMaster("j\r")
            pty.writeMaster("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[6;20;")
            Thread.sleep(forTimeInterval: 0.02)
            pty.writeMaster("10t\u{1B}[?62;4;22c\u{1B}[A")
        })
        #expect(outcome.replies == TerminalReplies(kittyGraphics: .ok, deviceAttributes: [62, 4, 22], cellPixels: Size(width: 10, height: 20)))
        #expect(outcome.typeAhead == Array("j\r\u{1B}[A".utf8))
        #expect(outcome.elapsed < .seconds(2))
    }

    @Test("raw mode (no echo, no line editing, no signals from keys, CR kept) only while asking; the mode is restored")
    func terminalModeIsRestored() throws {
        let pty = try PseudoTerminal()
        let before = pty.modes()
        #expect(before.lflag & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO), "a fresh pty is cooked")
        let seenDuring = LockedBox<(lflag: tcflag_t, iflag: tcflag_t)?>(nil)
        let outcome = Self.exchange(pty) { pty in
            _ = pty.readMaster(count: TerminalQuery.request.count)
            seenDuring.value = pty.modes()
            pty.writeMaster("\r\u{1B}[?1;2c")
        }
        let during = try #require(seenDuring.value)
        #expect(during.lflag & tcflag_t(ICANON | ECHO | ISIG) == 0)
        #expect(during.iflag & tcflag_t(ICRNL) == 0)
        #expect(outcome?.typeAhead == [0x0D], "Enter stays CR, not LF")
        #expect(pty.modes() == before)
    }

    @Test("a terminal that answers nothing costs the timeout; keys typed meanwhile are kept; the mode is restored")
    func silentTerminalTimesOut() throws {
        let pty = try PseudoTerminal()
        let before = pty.modes()
        let outcome = try #require(Self.exchange(pty, timeout: .milliseconds(150)) { pty in
            _ = pty.readMaster(count: TerminalQuery.request.count)
            pty.writeMaster("q\u{1B}")
        })
        #expect(!outcome.replies.isComplete)
        #expect(outcome.typeAhead == Array("q\u{1B}".utf8), "the Escape typed last is handed on too")
        #expect(outcome.elapsed >= .milliseconds(150))
        // A loaded machine stalls, but nowhere near this long.
        #expect(outcome.elapsed < .seconds(3))
        #expect(GraphicsDetection.TerminalAnswer(outcome) == .noAnswer)
        #expect(GraphicsDetection.detect(environment: ["TERM": "foot"], terminal: .init(outcome)).graphics == .sixel)
        #expect(pty.modes() == before)
    }

    @Test("keys typed after the answer was complete are not read: they wait in the terminal for the program")
    func laterKeysStayQueued() throws {
        let pty = try PseudoTerminal()
        let outcome = try #require(Self.exchange(pty) { pty in
            _ = pty.readMaster(count: TerminalQuery.request.count)
            pty.writeMaster("\u{1B}[?62;c")
        })
        #expect(outcome.replies.deviceAttributes == [62])
        // Switch off canonical mode as ncurses would, then the key typed next is there to read.
        var raw = termios()
        _ = tcgetattr(pty.slave, &raw)
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        _ = tcsetattr(pty.slave, TCSANOW, &raw)
        pty.writeMaster("x")
        #expect(pty.readAvailable(pty.slave, count: 1, timeout: .seconds(5)) == Array("x".utf8))
    }

    @Test("keys typed before the query started are read as typed ahead, not flushed")
    func keysTypedBeforeAreKept() throws {
        let pty = try PseudoTerminal()
        var raw = termios()
        _ = tcgetattr(pty.slave, &raw)
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        _ = tcsetattr(pty.slave, TCSANOW, &raw)
        pty.writeMaster("ab")
        let outcome = try #require(Self.exchange(pty) { pty in
            _ = pty.readMaster(count: TerminalQuery.request.count)
            pty.writeMaster("\u{1B}[?62;c")
        })
        #expect(outcome.typeAhead == Array("ab".utf8))
        #expect(outcome.replies.isComplete)
    }

    @Test("not a terminal: nothing is asked")
    func notATerminal() throws {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        defer { fds.forEach { close($0) } }
        #expect(TerminalQuery.exchange(input: fds[0], output: fds[1], timeout: .milliseconds(10)) == nil)
    }

    @Test("the local timeout is short; over SSH the round trip may be long, so it waits longer")
    func timeouts() {
        #expect(TerminalQuery.timeout(environment: [:]) == .milliseconds(150))
        #expect(TerminalQuery.timeout(environment: ["SSH_CONNECTION": "10.0.0.1 5 10.0.0.2 22"]) == .seconds(1))
    }

    @Test("the log line says what came back")
    func summary() {
        let outcome = TerminalQuery.Outcome(
            replies: TerminalReplies(kittyGraphics: .ok, deviceAttributes: [62, 4], cellPixels: Size(width: 9, height: 18)),
            typeAhead: [0x6A], elapsed: .milliseconds(12))
        #expect(outcome.summary == "answered in 12 ms: DA1 62;4, kitty OK, cell 9×18 px, 1 byte typed ahead")
        #expect(TerminalQuery.Outcome(replies: TerminalReplies(), typeAhead: [], elapsed: .milliseconds(150)).summary
                == "no answer in 150 ms")
    }
}

/// A value shared with the thread playing the terminal.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
