import TerminalUI

/// Where everything goes for a terminal size: computed from state alone, shared by the views
/// (to draw) and by `update` (to know how many rows a page of the table has).
public struct Layout: Hashable, Sendable {
    /// Below this the browser shows a "too small" notice instead of a broken layout.
    public static let minimum = Size(width: 60, height: 14)

    public var header: Rect
    public var status: Rect
    /// The datasets pane's box, or nil when the dataset pane is zoomed.
    public var datasetsBox: Rect?
    /// The dataset pane's box, or nil when the datasets pane is zoomed.
    public var contentBox: Rect?
    public var datasetsList: Rect
    public var tabsRow: Rect
    /// Inside the dataset box, below the tabs.
    public var content: Rect

    /// `folded`: the sample detail (or the triage queue) is open and takes the whole body,
    /// as if zoomed: the sample gets the room.
    public init(size: Size, focus: Pane, zoomed: Bool, folded: Bool = false) {
        let full = Rect(origin: .zero, size: size)
        let (header, rest) = full.splitTop(1)
        let (body, status) = rest.splitBottom(1)
        self.header = header
        self.status = status
        // Narrow terminals give the dataset the room: the datasets pane shows names only.
        let leftWidth = size.width < 100 ? 24 : min(max(30, size.width * 32 / 100), 48)
        switch (zoomed || (folded && focus == .content), focus) {
        case (true, .datasets):
            datasetsBox = body
            contentBox = nil
        case (true, .content):
            datasetsBox = nil
            contentBox = body
        case (false, _):
            let (left, right) = body.splitLeft(leftWidth)
            datasetsBox = left
            contentBox = right
        }
        datasetsList = datasetsBox?.inset(by: 1) ?? Rect(x: 0, y: 0, width: 0, height: 0)
        let inner = contentBox?.inset(by: 1) ?? Rect(x: 0, y: 0, width: 0, height: 0)
        let (tabs, below) = inner.splitTop(1)
        tabsRow = tabs
        content = below
    }

    /// Data rows of the samples table: the content minus the summary line and the header.
    public var samplesTableRows: Int { max(1, content.height - 2) }
    /// Data rows of the other tabs' tables: the content minus the summary line and the header.
    public var tabTableRows: Int { max(1, content.height - 2) }
    public var datasetRows: Int { max(1, datasetsList.height) }

    /// Text rows of a full-screen overlay (help, messages): the screen minus a margin
    /// row above and below and the box's borders.
    public static func overlayTextRows(_ size: Size) -> Int { max(1, size.height - 4) }
}

extension AppState {
    public var layout: Layout { Layout(size: size, focus: focus, zoomed: zoomed, folded: dataset?.detail != nil) }
}
