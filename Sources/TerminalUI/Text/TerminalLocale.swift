import CNcurses

/// The character-type locale that ncurses output and `wcwidth` depend on.
///
/// Only `LC_CTYPE` is touched, so number formatting elsewhere in the process keeps
/// the C locale. Without a UTF-8 codeset CJK and emoji vanish and widths are wrong,
/// so a non-UTF-8 environment falls back to `C.UTF-8`.
public enum TerminalLocale {
    /// Whether `LC_CTYPE` ended up UTF-8. Evaluated once, on first use, before any width is measured.
    public static let isUTF8: Bool = configure()

    private static func configure() -> Bool {
        _ = setlocale(LC_CTYPE, "")
        if tui_codeset_is_utf8() != 0 { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if tui_codeset_is_utf8() != 0 { return true }
        }
        return false
    }
}
