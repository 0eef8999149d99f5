/// Which graphics protocol to use, and why: decided from the setting, the environment and
/// the terminal's own answer to `TerminalQuery`, in this order:
///
/// 1. `--graphics` (or `graphics =` in the config file), when not `auto`;
/// 2. environment rules that must win: inside tmux or screen only symbols are safe (their
///    grid keeps text, not pixels, and libchafa 1.12 cannot wrap sequences for
///    passthrough); `TERM` unset or `dumb` means no picture. No query is sent then;
/// 3. the terminal's answer, asked before ncurses takes the terminal (so that the replies
///    do not race ncurses for the input): kitty's `a=q` answered OK → kitty; DA1
///    attribute 4 → sixel. A terminal that answered DA1 but neither is believed: the
///    environment's kitty and sixel guesses are not tried then;
/// 4. the environment's guesses (`KITTY_WINDOW_ID`, `TERM_PROGRAM`, `TERM`…): iTerm2's
///    protocol, which no query reveals, and kitty/sixel when the terminal was not asked or
///    did not answer (not a tty, `SEGMENTS_TUI_NO_TERMINAL_QUERY=1`, the timeout);
/// 5. colour symbols.
public struct GraphicsDetection: Hashable, Sendable {
    public var graphics: GraphicsProtocol
    public var symbolColors: SymbolColors
    /// A few words for the status line and the log: what decided ("sixel: terminal reports
    /// sixel (DA1 4)", "symbols: inside tmux").
    public var reason: String
    /// The cell size in pixels the terminal reported to the query, for when `TIOCGWINSZ`
    /// gives none (`CellMetrics.current(reported:)`).
    public var cellPixels: Size?

    public init(graphics: GraphicsProtocol, symbolColors: SymbolColors, reason: String, cellPixels: Size? = nil) {
        self.graphics = graphics
        self.symbolColors = symbolColors
        self.reason = reason
        self.cellPixels = cellPixels
    }

    /// What the terminal query gave.
    public enum TerminalAnswer: Hashable, Sendable {
        /// Not asked: the setting or the environment decided, or there is no terminal.
        case notAsked
        /// Asked, but DA1 did not come back before the timeout.
        case noAnswer
        /// Asked and answered (DA1 arrived).
        case answered(TerminalReplies)

        public init(_ outcome: TerminalQuery.Outcome?) {
            guard let outcome else { self = .notAsked; return }
            self = outcome.replies.isComplete ? .answered(outcome.replies) : .noAnswer
        }
    }

    /// Whether the terminal should be asked: only when neither the setting nor the
    /// environment rules that must win have decided, and the query is not turned off.
    public static func shouldQueryTerminal(environment: [String: String], setting: GraphicsSetting = .auto) -> Bool {
        if case .forced = setting { return false }
        if let skip = environment[TerminalQuery.skipVariable], !skip.isEmpty, skip != "0" { return false }
        return environmentRule(environment) == nil
    }

    public static func detect(
        environment: [String: String], setting: GraphicsSetting = .auto, terminal answer: TerminalAnswer = .notAsked
    ) -> GraphicsDetection {
        let colors = symbolColors(environment: environment)
        var replies: TerminalReplies?
        if case .answered(let answered) = answer { replies = answered }
        let (graphics, reason) = decide(environment: environment, setting: setting, answer: answer)
        return GraphicsDetection(
            graphics: graphics, symbolColors: colors, reason: "\(graphics.rawValue): \(reason)", cellPixels: replies?.cellPixels)
    }

    private static func decide(
        environment: [String: String], setting: GraphicsSetting, answer: TerminalAnswer
    ) -> (GraphicsProtocol, String) {
        if case .forced(let chosen) = setting { return (chosen, "--graphics") }
        if let rule = environmentRule(environment) { return rule }
        switch answer {
        case .answered(let replies):
            if replies.hasKittyGraphics { return (.kitty, "terminal answers the kitty graphics query") }
            if replies.hasSixel { return (.sixel, "terminal reports sixel (DA1 4)") }
            // Neither: it may still have iTerm2's protocol, which no query shows.
            if let iterm = itermGuess(environment) { return iterm }
            let attributes = (replies.deviceAttributes ?? []).map(String.init).joined(separator: ";")
            var refused = ""
            if case .error(let message)? = replies.kittyGraphics { refused = "; kitty query refused: \(message.prefix(40))" }
            return (.symbols, "terminal reports neither kitty graphics nor sixel (DA1 \(attributes)\(refused))")
        case .noAnswer:
            let (graphics, guess) = environmentGuess(environment)
            return (graphics, guess + ", no answer from the terminal")
        case .notAsked:
            return environmentGuess(environment)
        }
    }

    /// The environment rules that win over anything the terminal might answer.
    private static func environmentRule(_ environment: [String: String]) -> (GraphicsProtocol, String)? {
        let term = environment["TERM"]?.lowercased() ?? ""
        if environment["TMUX"] != nil || term.hasPrefix("tmux") { return (.symbols, "inside tmux") }
        if environment["STY"] != nil || term.hasPrefix("screen") { return (.symbols, "inside screen") }
        if term.isEmpty || term == "dumb" { return (.none, "TERM=\(term.isEmpty ? "unset" : term)") }
        return nil
    }

    /// What the environment suggests when the terminal was not asked or did not answer.
    private static func environmentGuess(_ environment: [String: String]) -> (GraphicsProtocol, String) {
        let term = environment["TERM"]?.lowercased() ?? ""
        let program = environment["TERM_PROGRAM"]?.lowercased() ?? ""
        if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" { return (.kitty, "kitty") }
        if program == "ghostty" || term == "xterm-ghostty" { return (.kitty, "Ghostty") }
        if program == "wezterm" { return (.kitty, "WezTerm") }
        if environment["KONSOLE_VERSION"] != nil { return (.kitty, "Konsole") }
        if let iterm = itermGuess(environment) { return iterm }
        if term.hasPrefix("foot") { return (.sixel, "foot") }
        if term.hasPrefix("mlterm") { return (.sixel, "mlterm") }
        if environment["WT_SESSION"] != nil { return (.sixel, "Windows Terminal") }
        if term == "linux" { return (.symbols, "TERM=linux") }
        return (.symbols, "no graphics protocol known for TERM=\(term)")
    }

    /// Terminals known to draw iTerm2's inline images (OSC 1337).
    private static func itermGuess(_ environment: [String: String]) -> (GraphicsProtocol, String)? {
        let program = environment["TERM_PROGRAM"]?.lowercased() ?? ""
        if program == "iterm.app" || environment["LC_TERMINAL"]?.lowercased() == "iterm2" { return (.iterm, "iTerm2") }
        if program == "vscode" || program == "tabby" || program == "warpterminal" {
            return (.iterm, environment["TERM_PROGRAM"] ?? program)
        }
        return nil
    }

    /// 24-bit colour when the terminal says so (`COLORTERM`, a `-direct` terminfo), else 256.
    static func symbolColors(environment: [String: String]) -> SymbolColors {
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        let term = environment["TERM"]?.lowercased() ?? ""
        if colorterm == "truecolor" || colorterm == "24bit" || term.hasSuffix("-direct") || term == "xterm-kitty" {
            return .trueColor
        }
        return .palette256
    }
}
