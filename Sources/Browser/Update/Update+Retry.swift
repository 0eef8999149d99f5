/// `r`: "Refresh (retries after an error)". What failed is retried wherever the
/// focus is (a failed samples page is retried from the datasets pane too); with
/// nothing failed, the focused pane is refreshed.
extension AppState {
    mutating func refreshOrRetry() -> [Effect] {
        message = nil
        let datasetsFailed = datasets.error != nil
        let contentFailed = dataset?.hasFailedLoad ?? false
        let focusedOnDatasets = focus == .datasets || dataset == nil
        var effects: [Effect] = []
        if datasetsFailed || (!contentFailed && focusedOnDatasets) {
            datasets.error = nil
            effects.append(loadDatasets())
        }
        if contentFailed || (!datasetsFailed && !focusedOnDatasets) {
            effects += refreshContent()
        }
        return effects
    }

    /// Reloads the open dataset's detail view or tab.
    private mutating func refreshContent() -> [Effect] {
        if let detail = dataset?.detail, !detail.uuid.isEmpty {
            return openDetail(uuid: detail.uuid, source: detail.source, sample: detail.sample)
        }
        if dataset?.tab == .releases { restartReleaseWatch() }
        return loadTab(force: true)
    }
}

extension DatasetState {
    /// Whether what the content pane shows (the detail, or the current tab) failed to load.
    var hasFailedLoad: Bool {
        if let detail { return detail.error != nil }
        return tab.behaviour.hasFailedLoad(self)
    }
}
