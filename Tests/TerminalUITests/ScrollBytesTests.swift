import Foundation
import Testing

@testable import TerminalUI

/// What the real ncurses backend sends while a table scrolls, counted from its output (a
/// file standing in for the terminal, as tmux-256color: tmux's own terminal type).
@Suite("ncurses bytes per row step (offscreen)", .serialized)
@MainActor
struct ScrollBytesTests {
    static let size = Size(width: 120, height: 35)
    static let statuses = ["labeled", "reviewed", "rejected", "labeling in progress", "unlabeled", "skipped", "verified"]
    static let statusRoles: [ColorRole] = [.accent, .success, .error, .accent, .muted, .muted, .success]

    /// A frame like the browser's samples tab: a datasets pane on the left whose list stops
    /// beside the table's first rows, the table on the right with its selection bar and
    /// coloured status column, a position counter, a footer.
    static func frame(selected: Int, offset: Int) -> Screen {
        var screen = Screen(size: size)
        screen.put(" ◆ segments-tui  jane @ embedded", in: Rect(x: 0, y: 0, width: size.width, height: 1), style: Style(.statusBar))
        let left = Rect(x: 0, y: 1, width: 38, height: size.height - 2)
        let right = Rect(x: 38, y: 1, width: size.width - 38, height: size.height - 2)
        screen.drawBox(left, glyphs: .rounded, title: "Datasets (5)")
        screen.drawBox(right, style: Style(.accent), glyphs: .rounded, title: "jane/scale-100000")
        for (index, name) in ["flower-segmentation", "lidar-highway", "acme/parking-lots", "scale-100000", "street-scenes"].enumerated() {
            screen.put(DisplayText(name), in: Rect(x: 1, y: 3 + index, width: 36, height: 1), style: index == 3 ? Style(.selectionInactive) : .plain)
        }
        let position = DisplayText("\(selected + 1) of 100,000 ")
        screen.put(position, at: Point(x: right.maxX - 1 - position.width, y: 3), style: Style(.accent))
        let columns = [
            TableColumn("Name", minWidth: 12, priority: 10, flexible: true), TableColumn("Label status", minWidth: 12),
            TableColumn("Score", minWidth: 5, alignment: .trailing), TableColumn("Updated", minWidth: 8),
        ]
        let table = TableView(columns: columns, rowCount: 100_000) { row in
            [DisplayText(String(format: "café_🌧_%05d.jpg", row * 40 + 27)), DisplayText(statuses[row * 7 % statuses.count]), DisplayText("\(row % 11)"), "8d ago"]
        }
        let area = Rect(x: right.x + 1, y: 4, width: right.width - 2, height: right.height - 4)
        table.render(into: &screen, area: area, state: ScrollState(selected: selected, offset: offset))
        // The status column in its colours on unselected rows, as the browser restyles it.
        for line in 0..<(area.height - 1) where offset + line != selected {
            let role = statusRoles[(offset + line) * 7 % statuses.count]
            screen.restyle(Rect(x: area.x + 28, y: area.y + 1 + line, width: 21, height: 1), style: Style(role))
        }
        screen.put(" j down  k up  Enter open  ? help", in: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), style: Style(.statusBar))
        return screen
    }

    /// Bytes written for each of `steps` presses of j after the bar reached the bottom row
    /// (the table scrolls by one row per press), and the terminal's final read-back.
    static func scrollSteps(_ steps: Int, planning: Bool) throws -> (bytes: [Int], matches: Bool) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scroll-bytes-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = NcursesTerminal.Options()
        options.honoursNoColorVariable = false
        let terminal = try NcursesTerminal(offscreenSize: size, termType: "tmux-256color", options: options, outputPath: path)
        defer { terminal.stop() }
        terminal.plansScrolls = planning
        let rows = 35 - 6
        var state = ScrollState(selected: rows - 1, offset: 0)
        terminal.draw(frame(selected: state.selected, offset: state.offset))
        var written = try fileSize(path)
        var bytes: [Int] = []
        var matches = true
        for _ in 0..<steps {
            state = state.applying(.down, count: 100_000, visibleRows: rows)
            let screen = frame(selected: state.selected, offset: state.offset)
            terminal.draw(screen)
            let now = try fileSize(path)
            bytes.append(now - written)
            written = now
            matches = matches && terminal.readBackLines() == HeadlessTerminal.render(screen)
        }
        return (bytes, matches)
    }

    static func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    @Test("a one-row scroll sends the new row and the bar's changed characters, not the table")
    func oneRowScrollSendsLittle() throws {
        let planned = try Self.scrollSteps(20, planning: true)
        let unplanned = try Self.scrollSteps(20, planning: false)
        #expect(planned.matches && unplanned.matches, "ncurses holds each frame")
        let plannedMean = planned.bytes.reduce(0, +) / planned.bytes.count
        let unplannedMean = unplanned.bytes.reduce(0, +) / unplanned.bytes.count
        // Scrolling the rows under the bar (not the bar with them) saves the rewrite of two
        // whole rows per step; what is left: the scroll, the row that lost the bar drawn on a
        // blank line, the bar's changed characters, the rows beside the datasets list, the counter.
        #expect(plannedMean * 100 < unplannedMean * 85, "planned \(planned.bytes), unplanned \(unplanned.bytes)")
        #expect(plannedMean < 320, "bytes per step: \(planned.bytes)")
    }
}
