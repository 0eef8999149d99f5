/// How an image reaches the terminal.
public enum GraphicsProtocol: String, CaseIterable, Hashable, Sendable {
    /// The kitty graphics protocol (kitty, Ghostty, WezTerm, Konsole).
    case kitty
    /// DEC sixel (xterm -ti vt340, foot, mlterm, WezTerm, Windows Terminal).
    case sixel
    /// iTerm2 inline images, OSC 1337 (iTerm2, WezTerm, VS Code, Tabby).
    case iterm
    /// Unicode block symbols in colour: works in every terminal, tmux and SSH included.
    case symbols
    /// No image at all (outline only).
    case none

    /// Whether the terminal draws real pixels (as opposed to characters).
    public var isPixels: Bool { self == .kitty || self == .sixel || self == .iterm }
}

/// `--graphics auto|kitty|sixel|iterm|symbols|none` (and the config key of the same name).
public enum GraphicsSetting: Hashable, Sendable {
    case auto
    case forced(GraphicsProtocol)

    /// Parses the flag's value; nil for anything else.
    public init?(_ text: String) {
        let value = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()).lowercased()
        if value == "auto" {
            self = .auto
        } else if value == "iterm2" {
            self = .forced(.iterm)
        } else if let known = GraphicsProtocol(rawValue: value) {
            self = .forced(known)
        } else {
            return nil
        }
    }

    public static let allowedValues = ["auto"] + GraphicsProtocol.allCases.map(\.rawValue)
}

/// Colour depth for symbol output.
public enum SymbolColors: Hashable, Sendable {
    /// 24-bit RGB (`COLORTERM=truecolor`).
    case trueColor
    /// The xterm 256-colour palette.
    case palette256
}
