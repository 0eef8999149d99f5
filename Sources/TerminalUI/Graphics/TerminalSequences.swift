import CChafa
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// chafa's terminal knowledge, used only for the sequences of a pixel protocol: its term
/// database is asked about a terminal that speaks the protocol (the protocol itself was
/// chosen by `GraphicsDetection`), so chafa writes exactly that protocol's sequences.
enum TerminalSequences {
    static func info(for graphics: GraphicsProtocol) -> OpaquePointer? {
        let environment: [String]
        switch graphics {
        case .kitty: environment = ["TERM=xterm-kitty", "KITTY_WINDOW_ID=1"]
        case .sixel: environment = ["TERM=mlterm"]
        case .iterm: environment = ["TERM=xterm-256color", "TERM_PROGRAM=iTerm.app", "LC_TERMINAL=iTerm2"]
        case .symbols, .none: environment = ["TERM=xterm-256color", "COLORTERM=truecolor"]
        }
        guard let database = chafa_term_db_new() else { return nil }
        defer { chafa_term_db_unref(database) }
        var strings = environment.map { strdup($0) }
        strings.append(nil)
        defer { for pointer in strings { free(pointer) } }
        return strings.withUnsafeMutableBufferPointer { buffer in
            chafa_term_db_detect(database, buffer.baseAddress)
        }
    }
}
