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
        effects.append(start(.datasetIssues, .issues(dataset: selected.fullName)))
        effects.append(start(.tab(.info), .dataset(selected.fullName)))
        effects += learnAccess()
        effects += loadTab()
        return effects
    }

    /// Loads what the current tab shows, if it is not loaded (or when `force`).
    mutating func loadTab(force: Bool = false) -> [Effect] {
        guard let current = dataset else { return [] }
        let name = current.fullName
        switch current.tab {
        case .samples:
            if force {
                dataset?.samples.reset()
                dataset?.samples.table = current.samples.table
                return cancel(where: { if case .samplePage = $0 { true } else { false } }) + ensureSamplePages()
            }
            return ensureSamplePages()
        case .issues:
            return force || !current.issues.isLoaded ? [start(.datasetIssues, .issues(dataset: name))] : []
        case .collaborators:
            guard force || !current.collaborators.isLoaded else { return [] }
            return [start(.tab(.collaborators), .collaborators(dataset: name, candidates: collaboratorCandidates))]
        case .releases:
            return force || !current.releases.isLoaded ? [start(.tab(.releases), .releases(dataset: name))] : []
        case .labelsets:
            return force || !current.labelsets.isLoaded ? [start(.tab(.labelsets), .labelsets(dataset: name))] : []
        case .workunits:
            if let access = current.access, access < Self.workunitsRole {
                dataset?.workunits.error = Self.workunitsRefusal(access)
                return []
            }
            guard force || !current.workunits.isLoaded else { return [] }
            return [start(.tab(.workunits), .workunits(dataset: name, query: current.workunitRange.query(now: now)))]
        case .info:
            return force ? [start(.tab(.info), .dataset(name))] : []
        }
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
