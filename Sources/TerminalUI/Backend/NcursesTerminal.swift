import CNcurses
import Dispatch

public enum TerminalError: Error, Equatable, Sendable {
    /// ncurses could not start (no terminal, unknown TERM, ...).
    case cannotOpenTerminal(String)
    /// Only one ncurses terminal can be active in a process.
    case alreadyActive
}

/// The real terminal, on ncursesw. All ncurses calls happen on the main actor.
///
/// Input, resizes and signals arrive through Dispatch sources on the main queue, so an idle
/// UI uses no CPU. Frames are written cell by cell into `stdscr` (only rows that changed since
/// the last frame), then one `doupdate` lets ncurses send only the changed cells.
@MainActor
public final class NcursesTerminal: TerminalBackend {
    public struct Options: Sendable {
        /// Report mouse clicks and the wheel.
        public var mouse = false
        /// `--no-color`: monochrome theme regardless of the terminal.
        public var noColor = false
        /// Milliseconds ncurses waits after ESC for the rest of a sequence (Alt-x, arrows).
        public var escapeDelay: Int32 = 25
        /// Deliver Ctrl-C (SIGINT) as the key `.ctrl("c")` instead of restoring and exiting,
        /// so the application can use it (close a dialog, cancel, quit cleanly). A second
        /// Ctrl-C while the first is still unhandled kills the process all the same.
        public var interruptAsKey = false
        /// Whether `NO_COLOR` in the environment turns colour off (the convention; tests of
        /// colour itself run where the test runner sets it).
        public var honoursNoColorVariable = true
        /// Bytes typed before the terminal was taken (during `TerminalQuery`): they are the
        /// first input, decoded as keys before anything ncurses reads.
        public var typeAhead: [UInt8] = []

        public init(mouse: Bool = false, noColor: Bool = false, escapeDelay: Int32 = 25, interruptAsKey: Bool = false) {
            self.mouse = mouse
            self.noColor = noColor
            self.escapeDelay = escapeDelay
            self.interruptAsKey = interruptAsKey
        }
    }

    public private(set) var size: Size
    public private(set) var theme: Theme
    public let events: AsyncStream<TerminalEvent>
    private let continuation: AsyncStream<TerminalEvent>.Continuation
    /// Called on SIGINT (unless `interruptAsKey`), SIGTERM or SIGHUP, just before the terminal is restored and the
    /// process exits with 128 + signal: the place to flush logs.
    public var onExitSignal: (@MainActor (Int32) -> Void)?

    private static var isActive = false
    private var isRunning = true
    private let screenPointer: OpaquePointer
    private let options: Options
    let isInteractive: Bool
    private var previousFrame: Screen?
    /// `FrameScroll.fingerprints(previousFrame)`, kept for the next frame.
    private var previousFingerprints: [UInt64] = []
    private var inputSource: (any DispatchSourceRead)?
    private var signalSource: (any DispatchSourceRead)?
    private var idleWakeups = 0
    private var wcharBuffer = [wchar_t](repeating: 0, count: 8)
    /// The terminal's own background may be used (`use_default_colors`).
    private var hasDefaultColors = false
    private struct TintKey: Hashable {
        var tint: TerminalRGB
        var role: ColorRole
    }
    private var tintPairs: [TintKey: Int16] = [:]
    /// The background each colour pair shows (pair 0: the terminal's own).
    private var pairBackgrounds: [Int16: TerminalColor] = [:]
    /// How a blank on the terminal's own colours is drawn: in the normal role's pair, whose
    /// colours are the terminal's (ncurses switches to it with a colour change, where pair 0
    /// would cost a full attribute reset), else pair 0.
    private var blankLook = CellLook.terminalBlank
    /// The terminal can scroll a range of lines (and ncurses will use it).
    private let canScroll: Bool
    /// Scroll moved rows in a step of their own (`FrameScroll`); off only to compare in tests.
    var plansScrolls = true
    private let output: CoalescedOutput

    /// Takes over the terminal on stdin/stdout: curses mode until `stop()`.
    public convenience init(options: Options = Options()) throws {
        _ = TerminalLocale.isUTF8
        guard !Self.isActive else { throw TerminalError.alreadyActive }
        // Our handlers go in first so that ncurses does not install its own.
        let signalFD = tui_install_signal_handlers()
        guard let screen = newterm(nil, tui_stdout(), tui_stdin()) else {
            tui_restore_default_signals()
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError.cannotOpenTerminal("cannot open terminal (TERM=\(term))")
        }
        self.init(screen: screen, options: options, interactive: true)
        if signalFD >= 0 { signalSource = makeReadSource(fd: signalFD) { $0.handleSignals() } }
        inputSource = makeReadSource(fd: 0) { $0.drainInput() }
    }

    /// An ncurses screen writing to /dev/null (or to the file `outputPath`) with a fixed size:
    /// the real backend, minus a terminal. For tests that read back what ncurses holds
    /// (`readBackLines`) or count the bytes it sends.
    public convenience init(
        offscreenSize size: Size, termType: String = "xterm-256color", options: Options = Options(),
        outputPath: String = "/dev/null"
    ) throws {
        _ = TerminalLocale.isUTF8
        guard !Self.isActive else { throw TerminalError.alreadyActive }
        guard let output = tui_open_file(outputPath, "w"), let input = tui_open_file("/dev/null", "r"),
            let screen = newterm(termType, output, input)
        else { throw TerminalError.cannotOpenTerminal("cannot open \(outputPath) as \(termType)") }
        self.init(screen: screen, options: options, interactive: false)
        _ = resizeterm(Int32(max(1, size.height)), Int32(max(1, size.width)))
        self.size = Size(width: Int(tui_cols()), height: Int(tui_lines()))
    }

    private init(screen: OpaquePointer, options: Options, interactive: Bool) {
        Self.isActive = true
        screenPointer = screen
        self.options = options
        isInteractive = interactive
        output = CoalescedOutput(enabled: interactive)
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        tui_set_curses_active(1)
        tui_register_exit_restore()
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(tui_stdscr(), true)
        _ = set_escdelay(options.escapeDelay)
        _ = nodelay(tui_stdscr(), true)
        _ = leaveok(tui_stdscr(), true)
        _ = curs_set(0)
        (theme, hasDefaultColors) = Self.startColors(noColor: options.noColor, honoursEnvironment: options.honoursNoColorVariable)
        if options.mouse {
            _ = mousemask(tui_all_mouse_events(), nil)
            _ = mouseinterval(0)
        }
        size = Size(width: Int(tui_cols()), height: Int(tui_lines()))
        canScroll = has_il()
        if theme.usesColor {
            for role in ColorRole.allCases { pairBackgrounds[Int16(role.rawValue) + 1] = theme.appearance(of: role).background }
            let normal = theme.appearance(of: .normal)
            if normal.foreground == .default, normal.background == .default, normal.attributes.isEmpty {
                blankLook = CellLook(attributes: 0, pair: Int16(ColorRole.normal.rawValue) + 1, background: .default, marksBlanks: false)
            }
        }
        // Every key counts: what was typed during the terminal query comes first, in order.
        for event in InputDecoder.decode(options.typeAhead) { emit(event) }
    }

    /// Restores the terminal. Safe to call more than once; the event stream finishes.
    public func stop() {
        guard isRunning else { return }
        isRunning = false
        inputSource?.cancel()
        signalSource?.cancel()
        inputSource = nil
        signalSource = nil
        if options.mouse { _ = mousemask(0, nil) }
        _ = curs_set(1)
        _ = endwin()
        delscreen(screenPointer)
        tui_set_curses_active(0)
        if isInteractive { tui_restore_default_signals() }
        Self.isActive = false
        continuation.finish()
    }

    // MARK: output

    public func draw(_ screen: Screen) {
        guard isRunning else { return }
        let sameSize = screen.size == Size(width: Int(tui_cols()), height: Int(tui_lines()))
        let previous = previousFrame.flatMap { $0.size == screen.size ? $0 : nil }
        let previousKeys = previousFingerprints
        let keys = canScroll && plansScrolls ? FrameScroll.fingerprints(screen) : []
        previousFrame = screen
        previousFingerprints = keys
        guard let previous else {
            _ = werase(tui_stdscr())
            update(screen, over: nil)
            return
        }
        let shifts = sameSize && !keys.isEmpty
            ? FrameScroll.shifts(from: previous, fingerprints: previousKeys, to: screen, fingerprints: keys) : []
        guard !shifts.isEmpty else {
            update(screen, over: previous)
            return
        }
        // Two updates, one write: the first only scrolls the moved rows (see FrameScroll),
        // the second changes the cells that really differ.
        output.coalescing {
            scroll(shifts)
            update(screen, over: FrameScroll.scrolled(previous, by: shifts))
        }
    }

    /// Scrolls stdscr's rows as `shifts` says (the cells move exactly as they are, the rows
    /// left behind become ncurses' blank) and sends that: ncurses finds the moved lines and
    /// scrolls the terminal.
    private func scroll(_ shifts: [RowShift]) {
        let window = tui_stdscr()
        _ = scrollok(window, true)
        for shift in shifts {
            _ = wsetscrreg(window, Int32(shift.region.lowerBound), Int32(shift.region.upperBound))
            _ = wscrl(window, Int32(shift.offset))
        }
        _ = wsetscrreg(window, 0, tui_lines() - 1)
        // Off again: with it on, writing the bottom-right cell would scroll the window.
        _ = scrollok(window, false)
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    /// Writes the rows of `screen` that differ from `previous` into stdscr, then lets ncurses
    /// send the cells that changed.
    private func update(_ screen: Screen, over previous: Screen?) {
        let window = tui_stdscr()
        let rows = min(screen.height, Int(tui_lines()))
        let columns = min(screen.width, Int(tui_cols()))
        var own = [CellLook?](repeating: nil, count: columns)
        var isBlank = [Bool](repeating: false, count: columns)
        for y in 0..<rows {
            if let previous, previous.row(y) == screen.row(y) { continue }
            for x in 0..<columns {
                let cell = screen[x, y]
                own[x] = nil
                isBlank[x] = false
                if cell.isContinuation || (cell.width == 2 && x + 1 >= columns) { continue }
                let look = look(of: cell)
                own[x] = look
                isBlank[x] = cell.base == " " && cell.marks.isEmpty && !look.marksBlanks
            }
            let looks = BlankLooks.choose(own: own, isBlank: isBlank, blank: blankLook) { heldBlankLook(window: window, x: $0, y: y) }
            for x in 0..<columns {
                if let look = looks[x] { put(screen[x, y], look: look, window: window, x: x, y: y) }
            }
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    private func look(of cell: Cell) -> CellLook {
        let appearance = theme.appearance(of: cell.style.role)
        let attributes = appearance.attributes.union(cell.style.attributes)
        let pair: Int16 = theme.usesColor ? cell.style.tint.flatMap { tintPair($0, role: cell.style.role) } ?? Int16(cell.style.role.rawValue) + 1 : 0
        return CellLook(
            attributes: Self.cursesAttributes(attributes), pair: pair, background: appearance.background,
            marksBlanks: !attributes.isDisjoint(with: [.reverse, .underline]))
    }

    /// The look of the blank stdscr holds at (x, y) if it shows only the terminal's
    /// background; nil when something else is there.
    private func heldBlankLook(window: UnsafeMutablePointer<WINDOW>?, x: Int, y: Int) -> CellLook? {
        var attributes: attr_t = 0
        var pair: Int16 = 0
        let read = wcharBuffer.withUnsafeMutableBufferPointer {
            tui_read_cell(window, Int32(y), Int32(x), $0.baseAddress, &attributes, &pair)
        }
        guard read != ERR, wcharBuffer[0] == 0x20, wcharBuffer[1] == 0,
            attributes & (tui_a_reverse() | tui_a_underline()) == 0,
            pair == 0 || pairBackgrounds[pair] == .default
        else { return nil }
        // An erased cell (pair 0) shows what a blank in the normal colours shows; ncurses
        // sends nothing to turn one into the other.
        if pair == 0 && attributes == 0 { return blankLook }
        return CellLook(attributes: attributes, pair: pair, background: .default, marksBlanks: false)
    }

    private func put(_ cell: Cell, look: CellLook, window: UnsafeMutablePointer<WINDOW>?, x: Int, y: Int) {
        wcharBuffer[0] = wchar_t(bitPattern: cell.base.value)
        var count = 1
        if !cell.marks.isEmpty {
            for mark in cell.marks.scalars {
                wcharBuffer[count] = wchar_t(bitPattern: mark.value)
                count += 1
            }
        }
        wcharBuffer[count] = 0
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) but stores the cell.
        _ = wcharBuffer.withUnsafeBufferPointer { buffer in
            tui_put_cell(window, Int32(y), Int32(x), buffer.baseAddress, look.attributes, look.pair)
        }
    }

    /// The colour pair of a tinted cell: the tint over the role's background, made once
    /// (ncurses' `alloc_pair`); nil below 256 colours, where the role's colour stands in.
    private func tintPair(_ tint: TerminalRGB, role: ColorRole) -> Int16? {
        let key = TintKey(tint: tint, role: role)
        if let pair = tintPairs[key] { return pair }
        guard tui_colors() >= 256 else { return nil }
        let background = Self.cursesColor(theme.appearance(of: role).background, fallback: 0, hasDefaults: hasDefaultColors)
        let made = alloc_pair(Int32(tint.xterm256Index), Int32(background))
        guard made > 0, made <= Int32(Int16.max) else { return nil }
        tintPairs[key] = Int16(made)
        pairBackgrounds[Int16(made)] = theme.appearance(of: role).background
        return Int16(made)
    }

    public func copyToClipboard(_ text: String) {
        guard isInteractive, let sequence = Clipboard.osc52Sequence(for: text) else { return }
        // Straight to the tty, after ncurses has flushed its own output.
        _ = doupdate()
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    }

    /// Forces ncurses to repaint every cell at the next frame (Ctrl-L).
    public func invalidate() {
        previousFrame = nil
        _ = clearok(tui_curscr(), true)
    }

    /// The colour numbers ncurses holds for one cell (tests: a tint's pair).
    func readBackColors(x: Int, y: Int) -> (foreground: Int, background: Int)? {
        var buffer = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        let read = buffer.withUnsafeMutableBufferPointer {
            tui_read_cell(tui_stdscr(), Int32(y), Int32(x), $0.baseAddress, &attributes, &pair)
        }
        var foreground: Int32 = 0
        var background: Int32 = 0
        guard read != ERR, tui_pair_content(Int32(pair), &foreground, &background) != ERR else { return nil }
        return (Int(foreground), Int(background))
    }

    /// What ncurses holds for each row, as text (wide glyphs once, as on screen).
    public func readBackLines() -> [String] {
        let window = tui_stdscr()
        var buffer = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        return (0..<Int(tui_lines())).map { y in
            var scalars = String.UnicodeScalarView()
            var x = 0
            while x < Int(tui_cols()) {
                let rc = buffer.withUnsafeMutableBufferPointer {
                    tui_read_cell(window, Int32(y), Int32(x), $0.baseAddress, &attributes, &pair)
                }
                if rc != ERR {
                    for value in buffer.prefix(while: { $0 != 0 }) {
                        if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { scalars.append(scalar) }
                    }
                    let first = buffer[0]
                    x += first != 0 ? max(1, Int(tui_wcwidth(first))) : 1
                } else {
                    x += 1
                }
            }
            return String(scalars)
        }
    }

    // MARK: colours

    private static func startColors(noColor: Bool, honoursEnvironment: Bool) -> (Theme, hasDefaults: Bool) {
        guard has_colors(), !noColor else { return (.monochrome, false) }
        _ = start_color()
        let hasDefaults = use_default_colors() == OK
        let theme = Theme.forTerminal(
            colorCount: Int(tui_colors()), hasColors: true, environment: honoursEnvironment ? environmentNoColor() : [:], noColorFlag: noColor)
        guard theme.usesColor else { return (theme, hasDefaults) }
        for role in ColorRole.allCases {
            let appearance = theme.appearance(of: role)
            let foreground = cursesColor(appearance.foreground, fallback: 7, hasDefaults: hasDefaults)
            let background = cursesColor(appearance.background, fallback: 0, hasDefaults: hasDefaults)
            _ = init_pair(Int16(role.rawValue) + 1, foreground, background)
        }
        return (theme, hasDefaults)
    }

    private static func environmentNoColor() -> [String: String] {
        guard let value = getenv("NO_COLOR") else { return [:] }
        return ["NO_COLOR": String(cString: value)]
    }

    private static func cursesColor(_ color: TerminalColor, fallback: Int16, hasDefaults: Bool) -> Int16 {
        switch color {
        case .default: hasDefaults ? -1 : fallback
        case .indexed(let index): Int16(index)
        }
    }

    /// `cursesAttributes` of every combination (the frame loop asks once per cell).
    private static let attributeTable: [attr_t] = (0...Int(UInt8.max >> 3)).map {
        computeCursesAttributes(TextAttributes(rawValue: UInt8($0)))
    }

    private static func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        Int(attributes.rawValue) < attributeTable.count ? attributeTable[Int(attributes.rawValue)] : computeCursesAttributes(attributes)
    }

    private static func computeCursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var result = tui_a_normal()
        if attributes.contains(.bold) { result |= tui_a_bold() }
        if attributes.contains(.dim) { result |= tui_a_dim() }
        if attributes.contains(.italic) { result |= tui_a_italic() }
        if attributes.contains(.underline) { result |= tui_a_underline() }
        if attributes.contains(.reverse) { result |= tui_a_reverse() }
        return result
    }

    // MARK: input and signals

    private func makeReadSource(fd: Int32, handler: @escaping @MainActor (NcursesTerminal) -> Void)
        -> any DispatchSourceRead
    {
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: .main)
        source.setEventHandler { [weak self] in
            MainActor.assumeIsolated {
                guard let self else { return }
                handler(self)
            }
        }
        source.resume()
        return source
    }

    /// Reads every key ncurses has, without blocking (the window is in nodelay mode).
    func drainInput() {
        guard isRunning else { return }
        var delivered = 0
        var pendingEscape = false
        while true {
            var character: wint_t = 0
            let rc = wget_wch(tui_stdscr(), &character)
            if rc == ERR { break }
            delivered += 1
            if rc == tui_key_code_yes() {
                if pendingEscape { emit(.key(.escape)) }
                pendingEscape = false
                handleKeyCode(Int32(bitPattern: character))
                continue
            }
            if character == 0x1B {
                if pendingEscape { emit(.key(.escape)) }
                pendingEscape = true
                continue
            }
            guard let key = CursesKeys.key(forCharacter: character) else { continue }
            if pendingEscape, case .character(let typed) = key {
                emit(.key(.alt(typed)))
            } else if pendingEscape, key == .enter || key == .ctrl("j") {
                emit(.key(.alt("\n")))
            } else {
                if pendingEscape { emit(.key(.escape)) }
                emit(.key(key))
            }
            pendingEscape = false
        }
        if pendingEscape { emit(.key(.escape)) }
        // A readable stdin that yields nothing, again and again, is a closed terminal.
        idleWakeups = delivered == 0 ? idleWakeups + 1 : 0
        if idleWakeups > 100 { exitOnSignal(tui_sighup()) }
    }

    private func handleKeyCode(_ code: Int32) {
        switch code {
        case KEY_RESIZE:
            updateSize()
        case KEY_MOUSE:
            var x: Int32 = 0
            var y: Int32 = 0
            var buttons: mmask_t = 0
            while tui_get_mouse(&x, &y, &buttons) == OK {
                if let event = CursesKeys.mouseEvent(x: x, y: y, buttons: buttons) { emit(.mouse(event)) }
            }
        default:
            if let key = CursesKeys.key(forKeyCode: code) { emit(.key(key)) }
        }
    }

    private func handleSignals() {
        while isRunning {
            let signal = tui_next_pending_signal()
            if signal == 0 { break }
            switch signal {
            case tui_sigwinch(): handleResize()
            case tui_sigtstp(): suspend()
            case tui_sigcont(): resume()
            case tui_sigint() where options.interruptAsKey:
                tui_clear_exit_signal_seen()
                emit(.key(.ctrl("c")))
            default: exitOnSignal(signal)
            }
        }
    }

    private func handleResize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if tui_terminal_size(1, &rows, &columns) == 0 || tui_terminal_size(0, &rows, &columns) == 0,
            rows > 0, columns > 0
        {
            _ = resizeterm(rows, columns)
        }
        updateSize()
        // resizeterm queues a KEY_RESIZE of its own; consume it now.
        drainInput()
    }

    private func updateSize() {
        let newSize = Size(width: Int(tui_cols()), height: Int(tui_lines()))
        guard newSize != size else { return }
        size = newSize
        previousFrame = nil
        emit(.resize(newSize))
    }

    /// Ctrl-Z: give the terminal back, stop, and continue here after `fg`.
    private func suspend() {
        _ = endwin()
        tui_suspend_process()
    }

    /// After SIGCONT: back to curses mode and repaint everything, at the (maybe new) size.
    private func resume() {
        _ = clearok(tui_curscr(), true)
        _ = wnoutrefresh(tui_stdscr())
        _ = doupdate()
        let before = size
        handleResize()
        previousFrame = nil
        if size == before { emit(.redraw) }
    }

    private func exitOnSignal(_ signal: Int32) {
        onExitSignal?(signal)
        stop()
        exit(128 + signal)
    }

    private func emit(_ event: TerminalEvent) {
        continuation.yield(event)
    }
}
