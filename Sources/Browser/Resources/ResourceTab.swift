import SegmentsAPI
import TerminalUI

/// A tab that lists one kind of resource, fetched whole: where its items live in the
/// state, how they are fetched, how a row renders, what `/` searches and `y` copies.
/// Everything else (moving, filtering, loading, failing, drawing) comes with it, so a new
/// resource is one file with one of these.
protocol ResourceTab: DatasetTabBehaviour {
    associatedtype Item: Sendable
    associatedtype Renderer: ResourceRenderer where Renderer.Item == Item

    static var tab: DatasetTab { get }
    static var items: WritableKeyPath<DatasetState, ListResource<Item>> { get }
    static var bindingContext: BindingContext { get }
    /// Where its load lands; the tab's own slot unless another view shares the list.
    static var slot: Slot { get }
    /// The texts `/` searches.
    static func searchable(_ item: Item) -> [String]
    /// A filter of the tab's own besides `/` (the issue status); all by default.
    static func admits(_ item: Item, in dataset: DatasetState) -> Bool
    static func copyText(_ item: Item) -> String?
    static func load(_ state: AppState, _ dataset: DatasetState) -> ServiceCall<[Item]>
    /// Why the list cannot be loaded by this user (their role), or nil.
    static func refusal(_ dataset: DatasetState) -> SegmentsError?
    /// After a load landed (the releases watch a PENDING one).
    static func landed(_ state: inout AppState) -> [Effect]
    /// Whether Enter opens the selected item (`open(_:_:)` says how).
    static var opensItems: Bool { get }
    static func open(_ state: inout AppState, _ item: Item) -> [Effect]
    /// What identifies an item within the list (a uuid or a name), for writes that
    /// replace or remove it.
    static func identity(_ item: Item) -> String
    /// The line above the table.
    static func summary(_ state: AppState, _ dataset: DatasetState) -> [(DisplayText, Style)]
    static func emptyText(_ dataset: DatasetState) -> DisplayText
    /// Whether the tab shows more of the selected row below the table, when there is room.
    static var showsSelectionBelow: Bool { get }
    static func renderSelection(_ item: Item, state: AppState, into screen: inout Screen, area: Rect)
}

extension ResourceTab {
    static var slot: Slot { .tab(tab) }
    static var bindingContexts: [BindingContext] { [bindingContext, .lists] }
    static func admits(_ item: Item, in dataset: DatasetState) -> Bool { true }
    static func refusal(_ dataset: DatasetState) -> SegmentsError? { nil }
    static func landed(_ state: inout AppState) -> [Effect] { [] }
    static var opensItems: Bool { false }
    static func open(_ state: inout AppState, _ item: Item) -> [Effect] { [] }
    static var showsSelectionBelow: Bool { false }
    static func renderSelection(_ item: Item, state: AppState, into screen: inout Screen, area: Rect) {}

    /// The items as the table shows them: `/` and the tab's own filter applied.
    static func visible(in dataset: DatasetState) -> [Item] {
        dataset[keyPath: items].visibleItems(searchable: searchable).filter { admits($0, in: dataset) }
    }

    static func selected(in dataset: DatasetState) -> Item? {
        visible(in: dataset)[safe: dataset[keyPath: items].scroll.selected]
    }

    static func navigate(_ state: inout AppState, _ navigation: NavigationCommand) -> [Effect] {
        guard let current = state.dataset else { return [] }
        let rows = state.layout.tabTableRows
        state.dataset?[keyPath: items].scroll = current[keyPath: items].scroll.applying(
            navigation, count: visible(in: current).count, visibleRows: rows)
        return []
    }

    static func filterText(_ dataset: DatasetState) -> String? { dataset[keyPath: items].filter }

    static func setFilter(_ state: inout AppState, _ text: String) -> [Effect] {
        state.dataset?[keyPath: items].filter = text
        state.dataset?[keyPath: items].scroll = ScrollState()
        return []
    }

    static func copyText(_ dataset: DatasetState) -> String? { selected(in: dataset).flatMap(copyText) }

    static func load(_ state: inout AppState, force: Bool) -> [Effect] {
        guard let current = state.dataset else { return [] }
        if let refusal = refusal(current) {
            state.dataset?[keyPath: items].error = refusal
            return []
        }
        guard force || !current[keyPath: items].isLoaded else { return [] }
        // Read ahead and on its way: shown when it lands, not asked for twice.
        if state.inFlight[.listAhead(tab)] != nil {
            guard force else { return [] }
            _ = state.cancel(.listAhead(tab))
        }
        return [state.start(slot, load(state, current), then: { $0.landList(Self.self, $1) }, otherwise: { $0.failList(Self.self, $1) })]
    }

    static func hasFailedLoad(_ dataset: DatasetState) -> Bool { dataset[keyPath: items].error != nil }

    /// Only once the user's role is known (it may refuse the list) and the issues are in
    /// (the collaborators are looked up among their authors).
    static func readAhead(_ state: inout AppState) -> [Effect] {
        guard let current = state.dataset, current.access != nil, current.issues.isLoaded,
            !current[keyPath: items].isLoaded, current[keyPath: items].error == nil, refusal(current) == nil,
            state.inFlight[slot] == nil
        else { return [] }
        return [
            state.start(
                .listAhead(tab), load(state, current), then: { $0.landListAhead(Self.self, $1) },
                otherwise: { $0.failListAhead(Self.self, $1) })
        ]
    }

    static func open(_ state: inout AppState) -> [Effect] {
        guard let current = state.dataset, let item = selected(in: current) else { return [] }
        return open(&state, item)
    }

    static func openReason(_ dataset: DatasetState) -> String? {
        guard opensItems else { return "nothing opens from \(tab.title)" }
        return selected(in: dataset) == nil ? "no \(Renderer.kind.rawValue) is selected" : nil
    }

    static func listScroll(_ dataset: DatasetState) -> (scroll: ScrollState, count: Int)? {
        (dataset[keyPath: items].scroll, visible(in: dataset).count)
    }

    static func render(_ state: AppState, dataset: DatasetState, into screen: inout Screen, area: Rect, focused: Bool) {
        ListTabView.render(Self.self, state: state, dataset: dataset, into: &screen, area: area, focused: focused)
    }
}

/// What every resource tab shares on the state: landing a list, failing, and the list
/// changes of a write (select what was added or changed, keep the selection in range after a
/// removal).
extension AppState {
    mutating func landList<Tab: ResourceTab>(_ tab: Tab.Type, _ list: [Tab.Item]) -> [Effect] {
        dataset?[keyPath: Tab.items].items = list
        dataset?[keyPath: Tab.items].error = nil
        return Tab.landed(&self) + readListsAhead()
    }

    /// A list read ahead: kept unless the tab's own load or a write got there first. The tab
    /// was perhaps shown meanwhile (its load waited for this one).
    mutating func landListAhead<Tab: ResourceTab>(_ tab: Tab.Type, _ list: [Tab.Item]) -> [Effect] {
        guard dataset?[keyPath: Tab.items].isLoaded == false else { return readListsAhead() }
        if dataset?.tab == Tab.tab { return landList(tab, list) }
        dataset?[keyPath: Tab.items].items = list
        return readListsAhead()
    }

    /// A list read ahead that failed says so only if its tab is shown; otherwise the tab
    /// loads it again when it is.
    mutating func failListAhead<Tab: ResourceTab>(_ tab: Tab.Type, _ error: SegmentsError) -> [Effect] {
        guard dataset?.tab == Tab.tab else { return [] }
        return failList(tab, error)
    }

    mutating func failList<Tab: ResourceTab>(_ tab: Tab.Type, _ error: SegmentsError) -> [Effect] {
        showError(error.text)
        dataset?[keyPath: Tab.items].error = error
        return []
    }

    /// Puts `item` in the list in place of the one with its identity (else at the end) and
    /// selects it (unless told not to). Returns the item it replaced.
    @discardableResult
    mutating func upsert<Tab: ResourceTab>(_ tab: Tab.Type, _ item: Tab.Item, selecting: Bool = true) -> Tab.Item? {
        var list = dataset?[keyPath: Tab.items].items ?? []
        let key = Tab.identity(item)
        var replaced: Tab.Item?
        if let index = list.firstIndex(where: { Tab.identity($0) == key }) {
            replaced = list[index]
            list[index] = item
        } else {
            list.append(item)
        }
        dataset?[keyPath: Tab.items].items = list
        if selecting { select(tab, identity: key) }
        return replaced
    }

    /// Selects the visible row with `identity`, if there is one.
    mutating func select<Tab: ResourceTab>(_ tab: Tab.Type, identity: String) {
        guard let current = dataset else { return }
        let visible = Tab.visible(in: current)
        guard let index = visible.firstIndex(where: { Tab.identity($0) == identity }) else { return }
        let scroll = ScrollStateHelpers.select(index, count: visible.count, rows: layout.tabTableRows)
        dataset?[keyPath: Tab.items].scroll = scroll
    }

    /// Puts a removed item back at `index` (a refused removal), unless it is there already.
    mutating func reinsert<Tab: ResourceTab>(_ tab: Tab.Type, _ item: Tab.Item, at index: Int) {
        guard var list = dataset?[keyPath: Tab.items].items else { return }
        let key = Tab.identity(item)
        guard !list.contains(where: { Tab.identity($0) == key }) else { return }
        list.insert(item, at: min(index, list.count))
        dataset?[keyPath: Tab.items].items = list
        select(tab, identity: key)
    }

    /// Takes the item with `identity` out of the list; the selection stays in range.
    mutating func remove<Tab: ResourceTab>(_ tab: Tab.Type, identity: String) {
        dataset?[keyPath: Tab.items].items?.removeAll { Tab.identity($0) == identity }
        guard let current = dataset else { return }
        let scroll = current[keyPath: Tab.items].scroll.clamped(count: Tab.visible(in: current).count, visibleRows: layout.tabTableRows)
        dataset?[keyPath: Tab.items].scroll = scroll
    }
}
