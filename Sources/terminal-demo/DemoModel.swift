import TerminalUI

/// One row of the demo table, sanitised once when it is made (as the Browser does when
/// API data becomes view models), so frames only copy glyphs.
struct DemoRow: Sendable {
    let name: DisplayText
    let status: DisplayText
    let labels: DisplayText
    let updated: DisplayText
    let rawName: String

    init(name: String, status: String, labels: Int, updated: String) {
        rawName = name
        self.name = DisplayText(name)
        self.status = DisplayText(status)
        self.labels = DisplayText(String(labels))
        self.updated = DisplayText(updated)
    }

    var cells: [DisplayText] { [name, status, labels, updated] }
}

enum DemoData {
    /// Names a real dataset can contain: CJK, emoji, combining marks, flags, and a hostile
    /// one that tries to set the window title and reverse the text direction.
    static let specialNames = [
        "東京タワー_夜景.jpg",
        "猫と犬 🐱🐶 pets.png",
        "Café́ crème — naïve.png",
        "🇯🇵 flag + 👨‍👩‍👧 family.png",
        "evil\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{202E}gpj.exe",
        "ｆｕｌｌ ｗｉｄｔｈ 全角.tif",
    ]

    static let statuses = ["LABELED", "REVIEWED", "UNLABELED", "SKIPPED", "PRELABELED", "REJECTED"]

    static func rows(count: Int) -> [DemoRow] {
        (0..<count).map { index in
            let name =
                index < specialNames.count
                ? specialNames[index] : "sample_\(String(repeating: "0", count: max(0, 5 - String(index).count)))\(index).png"
            return DemoRow(
                name: name, status: statuses[index % statuses.count], labels: (index * 7) % 23,
                updated: "2026-11-\(String(format2(index % 28 + 1)))")
        }
    }

    private static func format2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

/// The demo's whole state: a value, changed only by `update`.
struct DemoState: Sendable {
    var rows: [DemoRow]
    var table = TableState()
    var tabs = Tabs(titles: ["Samples", "Issues", "Info"], selected: 0)
    var modal: Modal?
    var filter = ""
    var lastKey = "none"
    var message = ""
    var size: Size
    var tick = 0
    var quit = false

    init(rows: [DemoRow], size: Size) {
        self.rows = rows
        self.size = size
    }

    /// Rows that pass the filter, computed when the filter changes (nil: all rows).
    var filteredIndices: [Int]?

    var visibleCount: Int { filteredIndices?.count ?? rows.count }

    func rowIndex(_ position: Int) -> Int { filteredIndices?[position] ?? position }

    mutating func setFilter(_ text: String) {
        filter = text
        filteredIndices = text.isEmpty ? nil : rows.indices.filter { rows[$0].rawName.localizedStandardContains(text) }
        table = TableState()
    }
}

extension String {
    /// Case-insensitive containment without Foundation.
    func localizedStandardContains(_ other: String) -> Bool {
        lowercased().contains(other.lowercased())
    }
}

enum DemoUpdate {
    static func apply(_ event: TerminalEvent, to state: inout DemoState) {
        switch event {
        case .resize(let size): state.size = size
        case .redraw: break
        case .mouse(let mouse):
            if mouse.kind == .wheelDown { move(.down, &state) }
            if mouse.kind == .wheelUp { move(.up, &state) }
        case .key(let key):
            state.lastKey = key.description
            if var modal = state.modal {
                let outcome = modal.handle(key)
                state.modal = modal
                finish(outcome, &state)
                return
            }
            handle(key, &state)
        }
    }

    private static func handle(_ key: Key, _ state: inout DemoState) {
        switch key {
        case .character("q"), .ctrl("c"): state.quit = true
        case .tab: state.tabs = state.tabs.selecting(offset: 1)
        case .backTab: state.tabs = state.tabs.selecting(offset: -1)
        case .character("/"): state.modal = .textInput(title: "Filter", prompt: "Name contains:", text: state.filter)
        case .character("d"):
            state.modal = .confirm(
                title: "Delete sample", message: "Delete the selected sample?\nThis cannot be undone.",
                destructive: true)
        case .character("s"):
            state.modal = .choice(title: "Label status", options: DemoData.statuses.map { DisplayText($0) })
        default:
            if let command = NavigationCommand(key: key) { move(command, &state) }
        }
    }

    private static func finish(_ outcome: Modal.Outcome, _ state: inout DemoState) {
        switch outcome {
        case .pending: return
        case .cancelled: state.message = "cancelled"
        case .confirmed: state.message = "confirmed (the demo deletes nothing)"
        case .chosen(let index): state.message = "status: \(DemoData.statuses[index])"
        case .submitted(let text):
            state.setFilter(text)
            state.message = text.isEmpty ? "filter cleared" : "filter: \(text)"
        }
        state.modal = nil
    }

    private static func move(_ command: NavigationCommand, _ state: inout DemoState) {
        let visible = DemoView.tableRows(for: state.size)
        state.table = state.table.applying(command, count: state.visibleCount, visibleRows: visible)
    }
}
