import Testing

@testable import TerminalUI

/// The order of the decision: the setting, the environment rules that must win, the
/// terminal's answer, then the environment's guesses.
@Suite("graphics detection")
struct GraphicsDetectionTests {
    static let xterm = ["TERM": "xterm-256color"]
    static let sixel = GraphicsDetection.TerminalAnswer.answered(TerminalReplies(deviceAttributes: [63, 1, 2, 4, 6]))
    static let kitty = GraphicsDetection.TerminalAnswer.answered(
        TerminalReplies(kittyGraphics: .ok, deviceAttributes: [62], cellPixels: Size(width: 9, height: 18)))
    static let neither = GraphicsDetection.TerminalAnswer.answered(TerminalReplies(deviceAttributes: [64, 1, 2, 6, 22]))

    static func detect(
        _ environment: [String: String], _ answer: GraphicsDetection.TerminalAnswer, _ setting: GraphicsSetting = .auto
    ) -> GraphicsDetection {
        GraphicsDetection.detect(environment: environment, setting: setting, terminal: answer)
    }

    @Test("a terminal reporting sixel in DA1 gets sixel, and the reason says so")
    func sixelFromDeviceAttributes() {
        let detection = Self.detect(Self.xterm, Self.sixel)
        #expect(detection.graphics == .sixel)
        #expect(detection.reason == "sixel: terminal reports sixel (DA1 4)")
    }

    @Test("a terminal answering the kitty query OK gets kitty, with its cell size")
    func kittyFromQuery() {
        let detection = Self.detect(Self.xterm, Self.kitty)
        #expect(detection.graphics == .kitty)
        #expect(detection.reason == "kitty: terminal answers the kitty graphics query")
        #expect(detection.cellPixels == Size(width: 9, height: 18))
    }

    @Test("kitty wins over sixel when the terminal has both (WezTerm)")
    func kittyBeforeSixel() {
        let both = GraphicsDetection.TerminalAnswer.answered(TerminalReplies(kittyGraphics: .ok, deviceAttributes: [65, 4]))
        #expect(Self.detect(Self.xterm, both).graphics == .kitty)
    }

    @Test("the flag or config setting wins over the terminal's answer and is never queried")
    func settingWins() {
        #expect(Self.detect(Self.xterm, Self.sixel, .forced(.symbols)).graphics == .symbols)
        #expect(Self.detect(Self.xterm, Self.sixel, .forced(.symbols)).reason == "symbols: --graphics")
        #expect(!GraphicsDetection.shouldQueryTerminal(environment: Self.xterm, setting: .forced(.kitty)))
        #expect(GraphicsDetection.shouldQueryTerminal(environment: Self.xterm, setting: .auto))
    }

    @Test("inside tmux or screen it is symbols whatever the terminal says, and no query is sent")
    func multiplexersWin() {
        let tmux = ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"]
        let screen = ["TERM": "screen-256color", "STY": "1.pts-0"]
        #expect(Self.detect(tmux, Self.kitty).graphics == .symbols)
        #expect(Self.detect(tmux, Self.kitty).reason == "symbols: inside tmux")
        #expect(Self.detect(screen, Self.sixel).reason == "symbols: inside screen")
        #expect(!GraphicsDetection.shouldQueryTerminal(environment: tmux))
        #expect(!GraphicsDetection.shouldQueryTerminal(environment: screen))
        // tmux started from kitty keeps kitty's variables: still symbols.
        #expect(!GraphicsDetection.shouldQueryTerminal(environment: ["TERM": "xterm-kitty", "TMUX": "x", "KITTY_WINDOW_ID": "1"]))
    }

    @Test("TERM dumb or unset means no picture and no query")
    func dumbTerminal() {
        #expect(Self.detect(["TERM": "dumb"], Self.sixel).graphics == .none)
        #expect(Self.detect([:], .notAsked).reason == "none: TERM=unset")
        #expect(!GraphicsDetection.shouldQueryTerminal(environment: ["TERM": "dumb"]))
        #expect(!GraphicsDetection.shouldQueryTerminal(environment: [:]))
    }

    @Test("SEGMENTS_TUI_NO_TERMINAL_QUERY=1 turns the query off; 0 or empty does not")
    func queryCanBeTurnedOff() {
        #expect(!GraphicsDetection.shouldQueryTerminal(environment: Self.xterm.merging(["SEGMENTS_TUI_NO_TERMINAL_QUERY": "1"]) { $1 }))
        #expect(GraphicsDetection.shouldQueryTerminal(environment: Self.xterm.merging(["SEGMENTS_TUI_NO_TERMINAL_QUERY": "0"]) { $1 }))
        #expect(GraphicsDetection.shouldQueryTerminal(environment: Self.xterm.merging(["SEGMENTS_TUI_NO_TERMINAL_QUERY": ""]) { $1 }))
    }

    @Test("the terminal's answer wins over the environment's guess (foot's TERM over ssh into kitty)")
    func answerBeforeEnvironmentGuesses() {
        #expect(Self.detect(["TERM": "foot"], Self.kitty).graphics == .kitty)
        #expect(Self.detect(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], Self.sixel).graphics == .sixel)
    }

    @Test("a terminal answering with neither kitty nor sixel gets symbols, not the environment's kitty or sixel guess")
    func negativeAnswerIsBelieved() {
        let leaked = ["TERM": "xterm-256color", "KITTY_WINDOW_ID": "3"]
        #expect(Self.detect(leaked, Self.neither).graphics == .symbols)
        #expect(Self.detect(leaked, Self.neither).reason == "symbols: terminal reports neither kitty graphics nor sixel (DA1 64;1;2;6;22)")
        #expect(Self.detect(["TERM": "xterm-256color", "WT_SESSION": "x"], Self.neither).graphics == .symbols)
        let refused = GraphicsDetection.TerminalAnswer.answered(TerminalReplies(kittyGraphics: .error("EINVAL"), deviceAttributes: [62]))
        #expect(Self.detect(Self.xterm, refused).reason == "symbols: terminal reports neither kitty graphics nor sixel (DA1 62; kitty query refused: EINVAL)")
    }

    @Test("iTerm2's protocol, which no query reveals, still comes from the environment after a negative answer")
    func itermAfterNegativeAnswer() {
        let iterm = ["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]
        #expect(Self.detect(iterm, Self.neither).graphics == .iterm)
        #expect(Self.detect(iterm, Self.neither).reason == "iterm: iTerm2")
        #expect(Self.detect(["TERM": "xterm-256color", "TERM_PROGRAM": "vscode"], Self.neither).graphics == .iterm)
    }

    @Test("no answer before the timeout: the environment's guesses decide, and the reason says the terminal was silent")
    func noAnswerFallsBackToTheEnvironment() {
        #expect(Self.detect(["TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"], .noAnswer).graphics == .kitty)
        #expect(Self.detect(["TERM": "foot"], .noAnswer).reason == "sixel: foot, no answer from the terminal")
        #expect(Self.detect(Self.xterm, .noAnswer).reason
                == "symbols: no graphics protocol known for TERM=xterm-256color, no answer from the terminal")
        #expect(GraphicsDetection.TerminalAnswer(TerminalQuery.Outcome(replies: TerminalReplies(), typeAhead: [], elapsed: .zero))
                == .noAnswer)
        #expect(GraphicsDetection.TerminalAnswer(nil) == .notAsked)
    }

    @Test("not asked (no tty, headless): the environment alone decides, as before")
    func notAskedUsesTheEnvironment() {
        #expect(Self.detect(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"], .notAsked).graphics == .kitty)
        #expect(Self.detect(["TERM": "mlterm"], .notAsked).reason == "sixel: mlterm")
        #expect(Self.detect(["TERM": "linux"], .notAsked).graphics == .symbols)
        #expect(Self.detect(Self.xterm, .notAsked).cellPixels == nil)
    }

    @Test("the reported cell size is used only when TIOCGWINSZ gives none")
    func reportedCellSize() {
        let reported = Size(width: 7, height: 15)
        let current = CellMetrics.current(reported: reported)
        #expect(current == (CellMetrics.measured() ?? reported))
        #expect(CellMetrics.current(reported: nil) == (CellMetrics.measured() ?? CellMetrics.assumed))
    }
}
