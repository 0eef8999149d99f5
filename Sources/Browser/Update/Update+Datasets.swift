import SegmentsAPI
import TerminalUI

extension AppState {
    /// Opens the dataset under the cursor of the datasets list (the right side follows it).
    mutating func followDatasetSelection() -> [Effect] {
        guard let selected = selectedDataset else { return [] }
        return open(selected)
    }

    /// Selects the dataset `fullName` in the list and opens it.
    mutating func selectDataset(named fullName: String) -> [Effect] {
        datasets.filter = ""
        guard let index = visibleDatasets.firstIndex(where: { $0.fullName == fullName }) else { return [] }
        datasets.scroll = ScrollStateHelpers.select(index, count: visibleDatasets.count, rows: layout.datasetRows)
        return open(visibleDatasets[index])
    }

    /// Makes `selected` the open dataset, dropping the previous one's requests.
    mutating func open(_ selected: Dataset) -> [Effect] {
        if dataset?.fullName == selected.fullName { return [] }
        var effects = cancel(where: AppState.isDatasetSlot)
        let previousTab = dataset?.tab ?? .samples
        var fresh = DatasetState(dataset: selected)
        fresh.tab = previousTab
        dataset = fresh
        effects += IssuesTab.load(&self, force: true)
        effects += loadDatasetInfo()
        effects += learnAccess()
        effects += loadTab()
        return effects
    }

    /// Loads what the current tab shows, if it is not loaded (or when `force`).
    mutating func loadTab(force: Bool = false) -> [Effect] {
        dataset.map { $0.tab.behaviour.load(&self, force: force) } ?? []
    }

    /// The dataset itself (its counts, settings and label statistics), for Info and the header.
    mutating func loadDatasetInfo() -> [Effect] {
        guard let current = dataset else { return [] }
        return [start(.tab(.info), ServiceCalls.dataset(current.fullName), then: { $0.landDatasetInfo($1) })]
    }

    mutating func landDatasetInfo(_ fresh: Dataset) -> [Effect] {
        dataset?.dataset = fresh
        if let count = fresh.sampleCount { dataset?.samples.estimatedCount = count }
        return []
    }

    /// Usernames that may be collaborators: the API has no listing, so the runner asks
    /// about each (plus the members of the user's organisations, which it looks up).
    var collaboratorCandidates: [String] {
        var names: [String] = []
        func add(_ name: String?) {
            guard let name, !name.isEmpty, !names.contains(name) else { return }
            names.append(name)
        }
        // The owner is never a collaborator of their own dataset: not asked about.
        if user?.username != dataset?.dataset.owner.username { add(user?.username) }
        for organization in user?.organizations ?? [] {
            for member in organization.members ?? [] { add(member.username) }
        }
        for issue in dataset?.issues.items ?? [] {
            add(issue.createdBy)
            issue.comments.forEach { add($0.createdBy) }
        }
        for page in (dataset?.samples.pages.values).map(Array.init) ?? [] {
            for sample in page {
                add(sample.assignedLabeler)
                add(sample.assignedReviewer)
                add(sample.createdBy)
            }
        }
        return names
    }
}

/// Small helpers over TerminalUI's ScrollState.
enum ScrollStateHelpers {
    /// A state with row `index` selected and visible.
    static func select(_ index: Int, count: Int, rows: Int) -> ScrollState {
        ScrollState(selected: index, offset: max(0, index - rows / 2)).clamped(count: count, visibleRows: rows)
    }
}
