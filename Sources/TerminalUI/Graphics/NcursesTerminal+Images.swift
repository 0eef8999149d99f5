import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NcursesTerminal {
    /// Writes an image's terminal output (from `TerminalImage.output(at:)`) straight to the
    /// tty, after ncurses has sent its frame: ncurses knows nothing of images, so the
    /// frame leaves the image's rectangle blank and the image goes over it. Call again after
    /// anything drew over that rectangle (a dialog, a resize, Ctrl-L).
    public func writeImageOutput(_ bytes: [UInt8]) {
        guard isInteractive, !bytes.isEmpty else { return }
        _ = doupdate()
        var offset = 0
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while offset < raw.count {
                let written = write(1, base + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// Makes ncurses repaint these rows completely (they hold a picture it knows nothing
    /// of), without clearing the rest of the screen the way `invalidate()` does.
    public func repaintRows(_ rows: Range<Int>) {
        let visible = rows.clamped(to: 0..<Int(tui_lines()))
        guard isInteractive, !visible.isEmpty else { return }
        _ = wredrawln(tui_stdscr(), Int32(visible.lowerBound), Int32(visible.count))
        _ = wnoutrefresh(tui_stdscr())
        _ = doupdate()
    }
}
