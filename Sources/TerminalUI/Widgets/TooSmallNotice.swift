/// What to draw when the terminal is smaller than the layout needs: a notice instead of a
/// broken (or crashing) layout, at any size down to 1×1.
public enum TooSmallNotice {
    public static func render(into screen: inout Screen, minimum: Size) {
        screen.fill(screen.bounds)
        let lines: [DisplayText] = [
            "Terminal too small",
            DisplayText("need \(minimum.width)×\(minimum.height), have \(screen.width)×\(screen.height)"),
        ]
        let shown = lines.prefix(screen.height)
        let top = max(0, (screen.height - shown.count) / 2)
        for (offset, line) in shown.enumerated() {
            screen.put(line, in: Rect(x: 0, y: top + offset, width: screen.width, height: 1), style: Style(.warning), alignment: .center)
        }
    }
}

/// Building one frame for the terminal: a screen of the terminal's size, drawn by `draw`,
/// or the too-small notice when the size is below `minimum`.
public enum Frame {
    public static func make(size: Size, minimum: Size, draw: (inout Screen) -> Void) -> Screen {
        var screen = Screen(width: max(1, size.width), height: max(1, size.height))
        if screen.size.fits(minimum) {
            draw(&screen)
        } else {
            TooSmallNotice.render(into: &screen, minimum: minimum)
        }
        return screen
    }
}
