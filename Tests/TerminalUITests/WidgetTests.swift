import Testing

@testable import TerminalUI

final class CallCounter {
    var rows: [Int] = []
}

@Suite("Widgets")
struct WidgetTests {
    func lines(_ screen: Screen) -> [String] { HeadlessTerminal.render(screen) }

    // MARK: scrolling

    @Test func scrollStateKeepsSelectionVisible() {
        var state = ScrollState()
        for _ in 0..<7 { state = state.applying(.down, count: 100, visibleRows: 5) }
        #expect(state == ScrollState(selected: 7, offset: 3))
        state = state.applying(.pageDown, count: 100, visibleRows: 5)
        #expect(state.selected == 12)
        state = state.applying(.bottom, count: 100, visibleRows: 5)
        #expect(state == ScrollState(selected: 99, offset: 95))
        state = state.applying(.top, count: 100, visibleRows: 5)
        #expect(state == ScrollState(selected: 0, offset: 0))
        state = state.applying(.up, count: 100, visibleRows: 5)
        #expect(state == ScrollState(selected: 0, offset: 0))
    }

    @Test func scrollStateSurvivesEmptyAndShrinkingLists() {
        #expect(ScrollState(selected: 50, offset: 40).clamped(count: 0, visibleRows: 10) == ScrollState())
        #expect(ScrollState(selected: 50, offset: 40).clamped(count: 10, visibleRows: 5) == ScrollState(selected: 9, offset: 5))
        #expect(ScrollState().visibleRange(count: 3, visibleRows: 10) == 0..<3)
    }

    @Test func navigationKeys() {
        #expect(NavigationCommand(key: .down) == .down)
        #expect(NavigationCommand(key: .character("j")) == .down)
        #expect(NavigationCommand(key: .character("G")) == .bottom)
        #expect(NavigationCommand(key: .pageUp) == .pageUp)
        #expect(NavigationCommand(key: .character("x")) == nil)
    }

    // MARK: table

    static let columns = [
        TableColumn("Name", minWidth: 6, priority: 10, flexible: true),
        TableColumn("Status", minWidth: 6, priority: 5),
        TableColumn("N", minWidth: 3, priority: 1, alignment: .trailing),
    ]

    @Test func millionRowTableRendersOnlyVisibleRows() {
        let counter = CallCounter()
        let table = TableView(columns: Self.columns, rowCount: 1_000_000) { index in
            counter.rows.append(index)
            return [DisplayText("row \(index)"), "OK", DisplayText(String(index % 100))]
        }
        var screen = Screen(width: 40, height: 11)
        let state = TableState(selected: 500_000, offset: 499_995).clamped(count: 1_000_000, visibleRows: 10)
        table.render(into: &screen, area: screen.bounds, state: state)
        #expect(counter.rows == Array(499_995..<500_005))
        let text = lines(screen)
        #expect(text[0].hasPrefix("Name"))
        #expect(text[1].hasPrefix("row 499995"))
        #expect(text[10].hasPrefix("row 500004"))
        #expect(screen[0, 6].style.role == .selection)
        #expect(screen[0, 5].style.role == .normal)
    }

    @Test func headerStaysWhileScrolling() {
        let table = TableView(columns: Self.columns, rowCount: 50) { [DisplayText("r\($0)"), "x", "1"] }
        var screen = Screen(width: 30, height: 4)
        table.render(into: &screen, area: screen.bounds, state: TableState(selected: 40, offset: 38))
        let text = lines(screen)
        #expect(text[0].hasPrefix("Name"))
        #expect(text[1].hasPrefix("r38"))
        #expect(text[3].hasPrefix("r40"))
    }

    @Test func columnWidthsFollowContentAndPriority() {
        let widths = TableView.columnWidths(columns: Self.columns, contentWidths: [10, 8, 3], available: 40, gap: 1)
        // Status gets its content width (8), N its 3; Name gets the rest as the flexible column.
        #expect(widths == [27, 8, 3])
        let narrow = TableView.columnWidths(columns: Self.columns, contentWidths: [10, 8, 3], available: 14, gap: 1)
        // Not enough for all minimums (6+6+3+2): the lowest priority column goes first.
        #expect(narrow == [7, 6, nil])
        let tiny = TableView.columnWidths(columns: Self.columns, contentWidths: [10, 8, 3], available: 5, gap: 1)
        #expect(tiny == [nil, nil, nil])
    }

    @Test func maxWidthCapsAColumn() {
        let columns = [TableColumn("A", minWidth: 2, maxWidth: 5), TableColumn("B", minWidth: 2)]
        let widths = TableView.columnWidths(columns: columns, contentWidths: [30, 4], available: 20, gap: 1)
        #expect(widths == [5, 4])
    }

    @Test func flexibleColumnsShareLeftoverUpToTheirMaximum() {
        let columns = [
            TableColumn("A", minWidth: 2, maxWidth: 6, flexible: true), TableColumn("B", minWidth: 2, flexible: true),
        ]
        let widths = TableView.columnWidths(columns: columns, contentWidths: [2, 2], available: 21, gap: 1)
        #expect(widths == [6, 14])
    }

    @Test func tableTruncatesWideCellsWithEllipsis() {
        let table = TableView(columns: [TableColumn("Name", minWidth: 4, maxWidth: 6)], rowCount: 1) { _ in
            ["東京タワー夜景"]
        }
        var screen = Screen(width: 6, height: 2)
        table.render(into: &screen, area: screen.bounds, state: TableState())
        #expect(lines(screen)[1] == "東京… ")
    }

    // MARK: list

    @Test func listRendersVisibleRowsWithSelectionAndScrollbar() {
        let counter = CallCounter()
        let list = ListView(count: 1000) { index in
            counter.rows.append(index)
            return DisplayText("item \(index)")
        }
        var screen = Screen(width: 12, height: 3)
        list.render(into: &screen, area: screen.bounds, state: ListState(selected: 999, offset: 0))
        #expect(counter.rows == [997, 998, 999])
        #expect(lines(screen)[2].hasPrefix(" item 999"))
        #expect(screen[0, 2].style.role == .selection)
        #expect(screen[11, 2].base == "█")
    }

    @Test func scrollbarThumb() {
        #expect(Scrollbar.thumb(offset: 0, visible: 10, total: 100, length: 10) == 0..<1)
        #expect(Scrollbar.thumb(offset: 90, visible: 10, total: 100, length: 10) == 9..<10)
        #expect(Scrollbar.thumb(offset: 0, visible: 10, total: 5, length: 10) == 0..<10)
    }

    // MARK: tabs

    @Test func tabsHighlightSelected() {
        var screen = Screen(width: 30, height: 1)
        Tabs(titles: ["Samples", "Issues", "Info"], selected: 1).render(into: &screen, area: screen.bounds)
        #expect(lines(screen) == [" Samples   Issues   Info      "])
        #expect(HeadlessTerminal.renderStyled(screen)[0].contains("{tabActive} Issues {/}"))
    }

    @Test func tabsScrollToKeepSelectedVisible() {
        let tabs = Tabs(titles: ["Samples", "Issues", "Collaborators", "Releases", "Labelsets"], selected: 4)
        var screen = Screen(width: 24, height: 1)
        tabs.render(into: &screen, area: screen.bounds)
        #expect(lines(screen)[0].contains("Labelsets"))
        #expect(lines(screen)[0].hasPrefix("‹"))
        #expect(tabs.index(atColumn: 20, width: 24) == 4)
        #expect(tabs.index(atColumn: 0, width: 24) == nil)
        #expect(tabs.selecting(offset: 1).selected == 0)
        #expect(tabs.selecting(offset: -5).selected == 4)
    }

    @Test("tabs that do not fit padded close up before they scroll; a click still finds its tab")
    func tabsCloseUpBeforeScrolling() {
        let tabs = Tabs(titles: ["Samples", "Issues", "Info"], selected: 1)
        var screen = Screen(width: 24, height: 1)
        tabs.render(into: &screen, area: screen.bounds)
        #expect(lines(screen) == ["Samples   Issues   Info  "].map { String($0.prefix(24)) })
        #expect(HeadlessTerminal.renderStyled(screen)[0].contains("{tabActive} Issues {/}"))
        #expect(tabs.index(atColumn: 0, width: 24) == 0)
        #expect(tabs.index(atColumn: 19, width: 24) == 2)
    }

    // MARK: text view

    @Test func textViewWrapsAtSpacesAndScrolls() {
        let view = TextView(text: "the quick brown fox\njumps")
        #expect(view.displayLines(width: 10).map(\.string) == ["the quick ", "brown fox", "jumps"])
        var screen = Screen(width: 10, height: 2)
        view.render(into: &screen, area: screen.bounds, offset: 1)
        #expect(lines(screen) == ["brown fox ", "jumps     "])
        view.render(into: &screen, area: screen.bounds, offset: 99)
        #expect(lines(screen) == ["brown fox ", "jumps     "])
    }

    @Test func wrappingNeverSplitsWideGlyphsOrClusters() {
        let wrapped = TextView.wrap("東京タワー🇯🇵", width: 5)
        #expect(wrapped.map(\.string) == ["東京", "タワ", "ー🇯🇵"])
        #expect(wrapped.allSatisfy { $0.width <= 5 })
    }

    // MARK: text field

    @Test func textFieldEditing() {
        var field = TextField("hello")
        field.handle(.left)
        field.handle(.left)
        field.handle(.character("X"))
        #expect(field.text == "helXlo")
        field.handle(.backspace)
        field.handle(.delete)
        #expect(field.text == "helo")
        field.handle(.home)
        field.handle(.character("東"))
        #expect(field.text.hasPrefix("東"))
        field.handle(.end)
        field.insert(" world\u{1B}[2J")
        #expect(field.text == "東helo world[2J")
        field.handle(.ctrl("w"))
        #expect(field.text == "東helo ")
        field.handle(.ctrl("u"))
        #expect(field.text == "")
        #expect(field.cursor == 0)
        let consumedEnter = field.handle(.enter)
        #expect(!consumedEnter)
    }

    @Test func textFieldScrollsToShowCursor() {
        let field = TextField("abcdefghij")
        var screen = Screen(width: 5, height: 1)
        field.render(into: &screen, area: screen.bounds)
        #expect(lines(screen) == ["ghij "])
        #expect(screen[4, 0].style.attributes.contains(.reverse))
    }

    // MARK: modal

    @Test func destructiveConfirmDefaultsToCancel() {
        var modal = Modal.confirm(title: "Delete", message: "Sure?", destructive: true)
        #expect(modal.handle(.enter) == .cancelled)
        modal = Modal.confirm(title: "Delete", message: "Sure?", destructive: true)
        #expect(modal.handle(.tab) == .pending)
        #expect(modal.handle(.enter) == .confirmed)
        var yes = Modal.confirm(title: "Delete", message: "Sure?", destructive: true)
        #expect(yes.handle(.character("y")) == .confirmed)
        #expect(yes.handle(.escape) == .cancelled)
    }

    @Test func choiceModal() {
        var modal = Modal.choice(title: "Status", options: ["a", "b", "c"])
        #expect(modal.handle(.down) == .pending)
        #expect(modal.handle(.down) == .pending)
        #expect(modal.handle(.down) == .pending)
        #expect(modal.handle(.enter) == .chosen(2))
        #expect(modal.handle(.character("1")) == .chosen(0))
    }

    @Test func textInputModal() {
        var modal = Modal.textInput(title: "Filter", prompt: "Name:")
        for character in "cat" { _ = modal.handle(.character(character)) }
        _ = modal.handle(.backspace)
        #expect(modal.handle(.enter) == .submitted("ca"))
    }

    @Test func modalRendersCentredWithTitleAndButtons() {
        var screen = Screen(width: 40, height: 9)
        Modal.confirm(title: "Delete", message: "Delete \u{1B}[31mx?", destructive: true)
            .render(into: &screen, area: screen.bounds)
        let text = lines(screen).joined(separator: "\n")
        #expect(text.contains("╭─ Delete ─"))
        #expect(text.contains("Delete ^[[31mx?"))
        #expect(text.contains("[ Yes ]  [ No ]"))
        #expect(HeadlessTerminal.renderStyled(screen).joined().contains("{selection}[ No ]{/}"))
    }

    @Test func modalSurvivesATinyScreen() {
        var screen = Screen(width: 3, height: 2)
        Modal.choice(title: "Pick", options: ["one", "two"]).render(into: &screen, area: screen.bounds)
        #expect(lines(screen).count == 2)
    }

    // MARK: status bar, spinner

    @Test func statusBarKeepsRightSideAndTruncatesLeft() {
        var screen = Screen(width: 30, height: 1)
        StatusBar(left: ["datasets", "a very long breadcrumb"], right: ["2 requests"]).render(into: &screen, area: screen.bounds)
        let line = lines(screen)[0]
        #expect(line.hasSuffix("2 requests "))
        #expect(line.hasPrefix(" datasets │ a"))
        #expect(line.contains("…"))
        #expect(screen[0, 0].style.role == .statusBar)
    }

    @Test func spinnerCyclesFrames() {
        #expect(Spinner.ascii.frame(tick: 0).string == "|")
        #expect(Spinner.ascii.frame(tick: 5).string == "/")
        #expect(Spinner.ascii.frame(tick: -1).string == "\\")
        #expect(Spinner.braille.frames.allSatisfy { $0.width == 1 })
    }
}

@Suite("Prompt line")
struct PromptLineTests {
    @Test func promptShowsPrefixAndEditableText() {
        var prompt = PromptLine(prefix: ":")
        for character in "jump 東京" { prompt.field.handle(.character(character)) }
        var screen = Screen(width: 14, height: 1)
        prompt.render(into: &screen, area: screen.bounds)
        #expect(HeadlessTerminal.render(screen) == [":jump 東京    "])
        #expect(screen[10, 0].style.attributes.contains(.reverse))
    }
}
