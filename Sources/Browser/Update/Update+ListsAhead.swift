extension AppState {
    /// Over a slow link a tab's list costs a round trip when the tab is shown; once the rows
    /// on screen are in, the other tabs' lists are read in the background, one at a time (in
    /// tab order, the neighbours first), so switching tabs shows them at once.
    mutating func readListsAhead() -> [Effect] {
        guard let current = dataset, current.detail == nil, visibleSampleRows.unloaded == 0,
            !inFlight.keys.contains(where: { if case .listAhead = $0 { true } else { false } })
        else { return [] }
        for tab in DatasetTab.allCases where tab != current.tab {
            let effects = tab.behaviour.readAhead(&self)
            if !effects.isEmpty { return effects }
        }
        return []
    }
}
