/// Which graphics protocol to use, and why, decided from the environment.
///
/// The environment is what survives SSH and what answers instantly; terminal queries
/// (kitty's `a=q`, device attributes for sixel) would race ncurses for the input and are
/// left out. Inside tmux or screen only symbols are safe: their grid keeps text, not
/// pixels, and libchafa 1.12 cannot wrap sequences for passthrough.
public struct GraphicsDetection: Hashable, Sendable {
    public var graphics: GraphicsProtocol
    public var symbolColors: SymbolColors
    /// A few words for the status line ("kitty: KITTY_WINDOW_ID set", "symbols: inside tmux").
    public var reason: String

    public init(graphics: GraphicsProtocol, symbolColors: SymbolColors, reason: String) {
        self.graphics = graphics
        self.symbolColors = symbolColors
        self.reason = reason
    }

    public static func detect(environment: [String: String], setting: GraphicsSetting = .auto) -> GraphicsDetection {
        let colors = symbolColors(environment: environment)
        if case .forced(let chosen) = setting {
            return GraphicsDetection(graphics: chosen, symbolColors: colors, reason: "\(chosen.rawValue): --graphics")
        }
        let term = environment["TERM"]?.lowercased() ?? ""
        let program = environment["TERM_PROGRAM"]?.lowercased() ?? ""
        func found(_ graphics: GraphicsProtocol, _ why: String) -> GraphicsDetection {
            GraphicsDetection(graphics: graphics, symbolColors: colors, reason: "\(graphics.rawValue): \(why)")
        }
        if environment["TMUX"] != nil || term.hasPrefix("tmux") {
            return found(.symbols, "inside tmux")
        }
        if environment["STY"] != nil || term.hasPrefix("screen") {
            return found(.symbols, "inside screen")
        }
        if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" { return found(.kitty, "kitty") }
        if program == "ghostty" || term == "xterm-ghostty" { return found(.kitty, "Ghostty") }
        if program == "wezterm" { return found(.kitty, "WezTerm") }
        if environment["KONSOLE_VERSION"] != nil { return found(.kitty, "Konsole") }
        if program == "iterm.app" || environment["LC_TERMINAL"]?.lowercased() == "iterm2" {
            return found(.iterm, "iTerm2")
        }
        if program == "vscode" || program == "tabby" || program == "warpterminal" {
            return found(.iterm, environment["TERM_PROGRAM"] ?? program)
        }
        if term.hasPrefix("foot") { return found(.sixel, "foot") }
        if term.hasPrefix("mlterm") { return found(.sixel, "mlterm") }
        if environment["WT_SESSION"] != nil { return found(.sixel, "Windows Terminal") }
        if term.isEmpty || term == "dumb" || term == "linux" {
            return found(term.isEmpty || term == "dumb" ? .none : .symbols, "TERM=\(term.isEmpty ? "unset" : term)")
        }
        return found(.symbols, "no graphics protocol known for TERM=\(term)")
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
