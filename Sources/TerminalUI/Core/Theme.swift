/// A terminal colour: the terminal's default, or an index into its palette (0–255).
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case indexed(UInt8)

    public static let black = TerminalColor.indexed(0)
    public static let red = TerminalColor.indexed(1)
    public static let green = TerminalColor.indexed(2)
    public static let yellow = TerminalColor.indexed(3)
    public static let blue = TerminalColor.indexed(4)
    public static let magenta = TerminalColor.indexed(5)
    public static let cyan = TerminalColor.indexed(6)
    public static let white = TerminalColor.indexed(7)
}

/// How one colour role looks in a theme.
public struct RoleAppearance: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(
        _ foreground: TerminalColor = .default, on background: TerminalColor = .default,
        _ attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Maps every colour role to an appearance. Three built-ins: 256 colours, 16 colours
/// (only the 8 base colours plus bold, so it also works on 8-colour terminals), and
/// monochrome (attributes only) for `NO_COLOR`, `--no-color` and terminals without colour.
public struct Theme: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case color256, color16, monochrome
    }

    public let kind: Kind
    private let appearances: [RoleAppearance]

    public init(kind: Kind, appearance: (ColorRole) -> RoleAppearance) {
        self.kind = kind
        self.appearances = ColorRole.allCases.map(appearance)
    }

    public func appearance(of role: ColorRole) -> RoleAppearance {
        appearances[Int(role.rawValue)]
    }

    public var usesColor: Bool { kind != .monochrome }

    public static let default256 = Theme(kind: .color256) { role in
        switch role {
        case .normal: RoleAppearance()
        case .header: RoleAppearance(.indexed(75), on: .default, .bold)
        case .selection: RoleAppearance(.indexed(231), on: .indexed(25), .bold)
        case .selectionInactive: RoleAppearance(.default, on: .indexed(238))
        case .border: RoleAppearance(.indexed(244))
        case .title: RoleAppearance(.indexed(221), on: .default, .bold)
        case .statusBar: RoleAppearance(.indexed(252), on: .indexed(236))
        case .accent: RoleAppearance(.indexed(81))
        case .muted: RoleAppearance(.indexed(245))
        case .success: RoleAppearance(.indexed(114))
        case .warning: RoleAppearance(.indexed(214))
        case .error: RoleAppearance(.indexed(203), on: .default, .bold)
        case .tabActive: RoleAppearance(.indexed(231), on: .indexed(25), .bold)
        case .tabInactive: RoleAppearance(.indexed(250), on: .indexed(237))
        case .modal: RoleAppearance(.indexed(252), on: .indexed(235))
        case .input: RoleAppearance(.indexed(231), on: .indexed(238))
        case .escaped: RoleAppearance(.indexed(213), on: .default, .underline)
        }
    }

    public static let default16 = Theme(kind: .color16) { role in
        switch role {
        case .normal: RoleAppearance()
        case .header: RoleAppearance(.cyan, on: .default, .bold)
        case .selection: RoleAppearance(.white, on: .blue, .bold)
        case .selectionInactive: RoleAppearance(.default, on: .default, .reverse)
        case .border: RoleAppearance(.default, on: .default, .dim)
        case .title: RoleAppearance(.yellow, on: .default, .bold)
        case .statusBar: RoleAppearance(.black, on: .white)
        case .accent: RoleAppearance(.cyan)
        case .muted: RoleAppearance(.default, on: .default, .dim)
        case .success: RoleAppearance(.green)
        case .warning: RoleAppearance(.yellow)
        case .error: RoleAppearance(.red, on: .default, .bold)
        case .tabActive: RoleAppearance(.white, on: .blue, .bold)
        case .tabInactive: RoleAppearance(.black, on: .white)
        case .modal: RoleAppearance(.white, on: .black)
        case .input: RoleAppearance(.black, on: .white)
        case .escaped: RoleAppearance(.magenta, on: .default, .underline)
        }
    }

    public static let monochrome = Theme(kind: .monochrome) { role in
        switch role {
        case .normal, .modal, .accent: RoleAppearance()
        case .header, .title, .error, .tabActive: RoleAppearance(.default, on: .default, .bold)
        case .selection: RoleAppearance(.default, on: .default, [.reverse, .bold])
        case .selectionInactive, .statusBar, .input: RoleAppearance(.default, on: .default, .reverse)
        case .border, .muted, .tabInactive: RoleAppearance(.default, on: .default, .dim)
        case .success, .warning: RoleAppearance(.default, on: .default, .bold)
        case .escaped: RoleAppearance(.default, on: .default, .underline)
        }
    }

    /// Picks the theme for a terminal: `NO_COLOR` (any non-empty value, see no-color.org)
    /// and `--no-color` win, then the number of colours the terminal reports.
    public static func forTerminal(
        colorCount: Int, hasColors: Bool = true, environment: [String: String], noColorFlag: Bool = false
    ) -> Theme {
        if noColorFlag { return .monochrome }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        guard hasColors else { return .monochrome }
        if colorCount >= 256 { return .default256 }
        if colorCount >= 8 { return .default16 }
        return .monochrome
    }
}
