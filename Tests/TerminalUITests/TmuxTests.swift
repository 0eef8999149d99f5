import Foundation
import Testing

@testable import TerminalUI

/// End-to-end: the demo on real ncurses inside tmux.
@Suite("tmux end-to-end", .serialized)
struct TmuxTests {
    static let shell = "env PS1='PROMPT$ ' bash --norc --noprofile"

    @Test func wideCharactersAndHostileNamesShowCorrectly() throws {
        let tmux = try TmuxHarness(name: "wide", width: 90, height: 16, command: try TmuxHarness.demoPath())
        defer { tmux.close() }
        // The status bar is the last row ncurses writes: once it is there, the frame is complete.
        let lines = try tmux.waitFor("a complete first frame") { lines in
            lines.contains { $0.contains("東京タワー_夜景.jpg") } && lines.contains { $0.contains("row 1/1000") }
        }
        let header = try #require(lines.first { $0.hasPrefix("Name") })
        let statusColumn = try #require(displayColumn(of: "Status", in: header))
        // Every row's second column starts where the header says, whatever the name holds.
        for name in ["東京タワー_夜景.jpg", "猫と犬 🐱🐶 pets.png", "ｆｕｌｌ ｗｉｄｔｈ 全角.tif", "sample_00006.png"] {
            let row = try #require(lines.first { $0.contains(name) }, "row \(name) missing")
            let status = try #require(Self.demoStatuses.first { row.contains($0) }, "no status in \(row)")
            #expect(displayColumn(of: status, in: row) == statusColumn, "misaligned: \(row)")
        }
        // The hostile name is shown, not executed: no title change, no cleared screen.
        #expect(lines.contains { $0.contains("evil^[]0;PWNED^G^[[2J\\u{202E}gpj.exe") })
        #expect(try tmux.display("#{pane_title}") != "PWNED")
        #expect(lines.contains { $0.contains("segments-tui · terminal demo") })
    }

    static let demoStatuses = ["LABELED", "REVIEWED", "UNLABELED", "SKIPPED", "PRELABELED", "REJECTED"]

    @Test func arrowKeysMoveSelectionAndQQuits() throws {
        let tmux = try TmuxHarness(name: "keys", width: 80, height: 20, command: Self.shell)
        defer { tmux.close() }
        try tmux.waitForText("PROMPT$")
        try tmux.type("\(try TmuxHarness.demoPath()); echo EXIT=$?")
        try tmux.sendKeys("Enter")
        try tmux.waitForText("row 1/1000")
        try tmux.sendKeys("Down", "Down", "Down")
        try tmux.waitForText("row 4/1000")
        try tmux.sendKeys("Up")
        try tmux.waitForText("row 3/1000")
        try tmux.sendKeys("End")
        try tmux.waitForText("row 1000/1000")
        try tmux.sendKeys("q")
        try tmux.waitForText("EXIT=0")
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    /// Keys through real ncurses: the escape delay must tell Esc, Alt-x and arrows apart.
    @Test func keysAreDecodedThroughNcurses() throws {
        let tmux = try TmuxHarness(name: "decode", width: 100, height: 12, command: try TmuxHarness.demoPath())
        defer { tmux.close() }
        try tmux.waitForText("row 1/1000")
        let cases: [([String], String)] = [
            (["Escape"], "key: Esc"), (["M-x"], "key: Alt-x"), (["Right"], "key: →"), (["F5"], "key: F5"),
            (["BTab"], "key: Shift-Tab"), (["PageDown"], "key: PgDn"), (["Home"], "key: Home"),
            (["C-a"], "key: Ctrl-A"), (["Tab"], "key: Tab"), (["BSpace"], "key: Backspace"),
        ]
        for (keys, expected) in cases {
            try tmux.sendKeys(keys)
            try tmux.waitForText(expected + " ")
        }
        try tmux.type("日")
        try tmux.waitForText("key: 日")
        try tmux.type("é")
        try tmux.waitForText("key: é")
    }

    @Test func survivesResizeDownToTenByThreeAndBack() throws {
        let tmux = try TmuxHarness(name: "resize", width: 90, height: 16, command: try TmuxHarness.demoPath())
        defer { tmux.close() }
        try tmux.waitForText("row 1/1000")
        try tmux.resize(width: 10, height: 3)
        try tmux.waitForText("Terminal")
        try tmux.resize(width: 1, height: 1)
        // A blank 1×1 frame captures as an empty line: at most one column is the check; the
        // resize back below shows the program survived it.
        try tmux.waitFor("a 1×1 frame") { lines in lines.allSatisfy { $0.count <= 1 } }
        try tmux.resize(width: 45, height: 8)
        // tmux may capture a frame while it is still arriving: wait for the whole one.
        try tmux.waitFor("the table at 45×8") { lines in
            lines.contains { $0.contains("row 1/1000") } && lines.contains { $0.contains("東京タワー") }
        }
        try tmux.resize(width: 90, height: 16)
        try tmux.waitFor("the full layout again") { $0.contains { $0.contains("Updated") } && $0.contains { $0.contains("row 1/1000") } }
        #expect(try tmux.display("#{pane_dead}") == "0")
    }

    @Test(arguments: [("TERM", 143), ("HUP", 129), ("INT", 130)])
    func terminalIsRestoredAfterSignal(signal: String, expectedStatus: Int) throws {
        let tmux = try TmuxHarness(name: "sig\(signal)", width: 80, height: 20, command: Self.shell)
        defer { tmux.close() }
        try tmux.waitForText("PROMPT$")
        try tmux.type("\(try TmuxHarness.demoPath()); echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo")
        try tmux.sendKeys("Enter")
        try tmux.waitForText("row 1/1000")
        let pid = try #require(try tmux.childOfPane(), "demo process not found")
        #expect(kill(pid, signalNumber(signal)) == 0)
        // stty's answer is a line of its own, "icanon echo" when the terminal is restored
        // ("-icanon -echo" if it were left in curses mode); the command line also mentions both.
        let lines = try tmux.waitFor("stty's answer") { lines in
            lines.contains { Self.isModesLine($0) }
        }
        #expect(lines.contains { $0.contains("EXIT=\(expectedStatus)") })
        let modes = try #require(lines.first { Self.isModesLine($0) })
        #expect(modes.trimmingCharacters(in: .whitespaces) == "icanon echo")
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(try tmux.display("#{cursor_flag}") == "1")
        try tmux.waitForText("PROMPT$ ")
    }

    @Test func terminalIsRestoredAfterAThrownError() throws {
        let tmux = try TmuxHarness(name: "throw", width: 80, height: 20, command: Self.shell)
        defer { tmux.close() }
        try tmux.waitForText("PROMPT$")
        try tmux.type(
            "\(try TmuxHarness.demoPath()) --fail-after-first-frame; echo EXIT=$?; echo ECHO_OFF=$(stty -a | grep -c -- '-echo ')")
        try tmux.sendKeys("Enter")
        // The command line itself contains "ECHO_OFF=$(", so wait for the digit.
        let lines = try tmux.waitFor("stty's answer") { lines in
            lines.contains { $0.contains("ECHO_OFF=0") || $0.contains("ECHO_OFF=1") }
        }
        #expect(lines.contains { $0.contains("EXIT=1") })
        #expect(lines.contains { $0.contains("terminal-demo: requestedFailure") })
        #expect(lines.contains { $0.contains("ECHO_OFF=0") })
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(try tmux.display("#{cursor_flag}") == "1")
    }

    @Test func ctrlCCanBeAKeyForTheApplication() throws {
        let tmux = try TmuxHarness(name: "ctrlc", width: 80, height: 20, command: Self.shell)
        defer { tmux.close() }
        try tmux.waitForText("PROMPT$")
        try tmux.type("\(try TmuxHarness.demoPath()) --ctrl-c-key; echo EXIT=$?")
        try tmux.sendKeys("Enter")
        try tmux.waitForText("row 1/1000")
        // The demo quits on Ctrl-C through its own loop: exit status 0, not 130.
        try tmux.sendKeys("C-c")
        try tmux.waitForText("EXIT=0")
        #expect(try tmux.capture().contains { $0.contains("terminal-demo: bye") })
    }

    static func isModesLine(_ line: String) -> Bool {
        ["icanon echo", "-icanon echo", "icanon -echo", "-icanon -echo"].contains(line.trimmingCharacters(in: .whitespaces))
    }

    func signalNumber(_ name: String) -> Int32 {
        switch name {
        case "TERM": SIGTERM
        case "HUP": SIGHUP
        default: SIGINT
        }
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let tmux = try TmuxHarness(name: "tstp", width: 80, height: 20, command: Self.shell)
        defer { tmux.close() }
        try tmux.waitForText("PROMPT$")
        // Run alone, not in a list: bash would go on to the next command when it stops.
        try tmux.type(try TmuxHarness.demoPath())
        try tmux.sendKeys("Enter")
        try tmux.waitForText("row 1/1000")
        try tmux.sendKeys("Down")
        try tmux.waitForText("row 2/1000")
        try tmux.sendKeys("C-z")
        try tmux.waitForText("Stopped")
        #expect(try tmux.display("#{alternate_on}") == "0")
        try tmux.type("stty -a | grep -c -- '-icanon'; fg")
        try tmux.sendKeys("Enter")
        // Full redraw after fg, with the state the program had.
        let lines = try tmux.waitFor("the demo redrawn") { lines in
            lines.contains { $0.contains("row 2/1000") } && lines.contains { $0.contains("東京タワー") }
        }
        #expect(!lines.contains { $0.contains("Stopped") })
        try tmux.sendKeys("Down")
        try tmux.waitForText("row 3/1000")
        try tmux.sendKeys("q")
        let after = try tmux.waitForText("terminal-demo: bye")
        // While suspended, the shell saw a cooked terminal: no "-icanon" in stty's output.
        #expect(after.contains { $0.trimmingCharacters(in: .whitespaces) == "0" })
    }

    @Test func noColorLeavesOnlyAttributes() throws {
        let tmux = try TmuxHarness(name: "nocolor", width: 80, height: 12, command: "env NO_COLOR=1 \(try TmuxHarness.demoPath())")
        defer { tmux.close() }
        try tmux.waitForText("row 1/1000")
        let styled = try tmux.capture(escapes: true).joined(separator: "\n")
        #expect(!styled.contains("38;5;") && !styled.contains("48;5;"))
        // 39/49 ("default colour") are resets tmux emits itself; 30–37/40–47 would be colours.
        for code in Array(30...37) + Array(40...47) { #expect(!styled.contains("\u{1B}[\(code)m") && !styled.contains(";\(code)m")) }
        #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m") || styled.contains("[1;7m"))
    }

    @Test func coloursAreUsedByDefault() throws {
        let tmux = try TmuxHarness(name: "color", width: 80, height: 12, command: try TmuxHarness.demoPath())
        defer { tmux.close() }
        try tmux.waitForText("row 1/1000")
        let styled = try tmux.capture(escapes: true).joined(separator: "\n")
        #expect(styled.contains("\u{1B}[3") || styled.contains("\u{1B}[4") || styled.contains("38;5"))
    }
}
