import SegmentsAPI
import TerminalUI

extension AppState {
    mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .quit:
            return requestQuit()
        case .back:
            return back(quitting: false)
        case .backOrQuit:
            return back(quitting: true)
        case .messages:
            overlay = .messages(scroll: max(0, messageLog.count - Layout.overlayTextRows(size)))
        case .help:
            overlay = .help(scroll: 0)
        case .commandLine:
            var prompt = PromptState(kind: .command, text: "")
            prompt.completions = CommandLine.completions(for: "", state: self)
            overlay = .prompt(prompt)
        case .filter:
            guard let text = currentFilterText else {
                showInfo("Nothing to filter here.")
                return []
            }
            overlay = .prompt(PromptState(kind: .filter, text: text))
        case .refresh:
            return refreshOrRetry()
        case .switchPane:
            guard dataset != nil else { return [] }
            focus = focus == .datasets ? .content : .datasets
        case .zoom:
            zoomed.toggle()
            return ensureSamplePages()
        case .nextTab:
            if focus == .datasets { return openFocused() }
            return switchTab(by: 1)
        case .previousTab:
            if focus == .content, dataset?.detail == nil, dataset?.tab == DatasetTab.allCases.first {
                focus = .datasets
                return []
            }
            return switchTab(by: -1)
        case .navigate(let navigation):
            return navigate(navigation)
        case .open:
            return openFocused()
        case .copy:
            guard let text = copyableText else {
                showInfo("Nothing to copy here.")
                return []
            }
            showInfo("Copied \(text)")
            return [.copyToClipboard(text)]
        case .nextSample:
            return moveDetail(by: 1)
        case .previousSample:
            return moveDetail(by: -1)
        case .chooseSort:
            guard let filter = dataset?.samples.filter else { return [] }
            let options = SampleSort.allCases
            overlay = .choice(
                ChoiceState(
                    purpose: .sort, title: "Sort samples by", options: options.map(\.title),
                    selected: options.firstIndex(of: filter.sort) ?? 0))
        case .toggleDirection:
            return changeSampleFilter { $0.direction = $0.direction.toggled }
        case .chooseStatuses:
            let chosen = Set(dataset?.samples.filter.statuses.map(\.rawValue) ?? [])
            overlay = .statusPicker(StatusPickerState(chosen: chosen))
        case .metadataFilter:
            let text = dataset?.samples.filter.metadata.map(\.description).joined(separator: ", ") ?? ""
            overlay = .prompt(PromptState(kind: .metadata, text: text))
        case .removeMetadataFilter:
            let filters = dataset?.samples.filter.metadata ?? []
            overlay = .choice(ChoiceState(purpose: .removeMetadataFilter, title: "Remove a metadata filter", options: filters.map(\.description), selected: 0))
        case .chooseLabelset:
            guard let current = dataset else { return [] }
            let names = current.labelsetNames
            overlay = .choice(
                ChoiceState(
                    purpose: .labelset, title: "Labelset", options: names,
                    selected: names.firstIndex(of: current.labelset) ?? 0))
        case .clearFilters:
            return changeSampleFilter { filter in
                filter.name = ""
                filter.statuses = []
                filter.metadata = []
            }
        case .cycleIssueStatus:
            guard let filter = dataset?.issueFilter else { return [] }
            dataset?.issueFilter = filter.next
            dataset?.issues.scroll = ScrollState()
        case .chooseWorkunitRange:
            guard let range = dataset?.workunitRange else { return [] }
            overlay = .choice(
                ChoiceState(
                    purpose: .workunitRange, title: "Workunits from", options: WorkunitRange.allCases.map(\.rawValue),
                    selected: WorkunitRange.allCases.firstIndex(of: range) ?? 0))
        case .acceptLabel:
            return decide(.reviewed)
        case .rejectLabel:
            return decide(.rejected)
        case .undoDecision:
            return undoLastDecision()
        case .toggleIssue:
            return toggleTargetIssue()
        case .newIssue:
            askForNewIssue()
        case .editIssue:
            askToEditTargetIssue()
        case .commentIssue:
            askForComment()
        case .deleteIssue:
            confirmDeleteTargetIssue()
        case .nextIssueOfSample:
            selectNextDetailIssue()
        case .newRelease:
            askForNewRelease()
        case .deleteRelease:
            confirmDeleteSelectedRelease()
        case .startTriage:
            return startTriageQueue()
        case .chooseAssignee:
            askForQueueAssignee()
        case .togglePicture:
            picturesShown.toggle()
            showInfo(picturesShown ? "Pictures: shown with their labels (i: outline only)" : "Pictures: outline only (i shows them)")
        case .zoomPicture(let inward):
            zoomPicture(inward: inward)
        case .fitPicture:
            dataset?.detail?.pictureView = PictureView()
            showInfo("Showing the whole picture")
        case .panPicture(let dx, let dy):
            panPicture(dx: dx, dy: dy)
        case .nextFrame:
            stepFrame(by: 1)
        case .previousFrame:
            stepFrame(by: -1)
        case .skipSample:
            return skipSample()
        case .rejectWithIssue:
            askToRejectWithIssue()
        case .addCollaborator:
            askForNewCollaborator()
        case .changeRole:
            askForRoleChange()
        case .removeCollaborator:
            confirmRemoveCollaborator()
        case .newLabelset:
            askForNewLabelset()
        case .deleteLabelset:
            confirmDeleteSelectedLabelset()
        }
        return []
    }

    /// Quits, after asking when writes are still being saved (they would be lost).
    mutating func requestQuit() -> [Effect] {
        let unsaved = triage.outbox.count + writes.unsaved
        guard unsaved > 0 else { return quitNow() }
        overlay = .modal(
            .confirm(
                title: "Quit?", message: "\(Formatting.count(unsaved, "change is", plural: "changes are")) still being saved and would be lost.",
                confirmLabel: "Quit", cancelLabel: "Stay", destructive: true),
            .quit)
        return []
    }

    mutating func quitNow() -> [Effect] {
        isQuitting = true
        overlay = nil
        return cancel(where: { _ in true }) + [.quit]
    }

    private mutating func back(quitting: Bool) -> [Effect] {
        if dataset?.queue != nil { return leaveTriageQueue() }
        if dataset?.detail != nil { return closeDetail() }
        if focus == .content {
            focus = .datasets
            zoomed = false
            return []
        }
        if !datasets.filter.isEmpty {
            datasets.filter = ""
            return []
        }
        if quitting { return requestQuit() }
        showInfo("Esc never quits: q or :q quits")
        return []
    }

    mutating func switchTab(by step: Int) -> [Effect] {
        guard let current = dataset else { return [] }
        let tabs = DatasetTab.allCases
        let index = tabs.firstIndex(of: current.tab) ?? 0
        return show(tabs[(index + step + tabs.count) % tabs.count])
    }

    mutating func show(_ tab: DatasetTab) -> [Effect] {
        guard dataset != nil else { return [] }
        var effects = dataset?.detail != nil ? closeDetail() : []
        dataset?.tab = tab
        focus = .content
        // Leaving a tab cancels what it was waiting for.
        effects += cancel { slot in
            switch slot {
            case .tab(let other): other != tab && other != .info
            case .samplePage: tab != .samples
            case .releasePoll: tab != .releases
            default: false
            }
        }
        effects += loadTab()
        // Back on Releases with the list at hand: the watched release is checked again.
        if tab == .releases, inFlight[.tab(.releases)] == nil, inFlight[.releasePoll] == nil {
            effects += resumeReleaseWatch()
        }
        return effects
    }

    private mutating func navigate(_ navigation: NavigationCommand) -> [Effect] {
        guard focus == .content, let current = dataset else {
            let before = selectedDataset?.fullName
            datasets.scroll = datasets.scroll.applying(
                navigation, count: visibleDatasets.count, visibleRows: layout.datasetRows)
            return selectedDataset?.fullName == before ? [] : followDatasetSelection()
        }
        if current.detail != nil {
            let page = max(1, layout.content.height - 1)
            let step: Int = switch navigation {
            case .up: -1
            case .down: 1
            case .pageUp, .halfPageUp: -page
            case .pageDown, .halfPageDown: page
            case .top: -Int(Int32.max)
            case .row(let index): index - (current.detail?.scroll ?? 0)
            case .bottom: Int(Int32.max)
            }
            let limit = max(0, SampleDetailText.textLineCount(self) - layout.content.height)
            dataset?.detail?.scroll = max(0, min((current.detail?.scroll ?? 0) &+ step, limit))
            return []
        }
        return current.tab.behaviour.navigate(&self, navigation)
    }

    /// Enter: into the dataset from the list, into a sample from the samples or issues.
    private mutating func openFocused() -> [Effect] {
        guard let current = dataset else { return [] }
        if focus == .datasets {
            focus = .content
            return loadTab()
        }
        return current.tab.behaviour.open(&self)
    }

    /// The text `/` edits here: the list's own filter, or the samples' name filter.
    var currentFilterText: String? {
        guard focus == .content, let current = dataset else { return datasets.filter }
        if current.detail != nil { return nil }
        return current.tab.behaviour.filterText(current)
    }

    /// `/` typed a character: narrow the focused list now.
    mutating func applyFilterText(_ text: String) -> [Effect] {
        guard focus == .content, let current = dataset else {
            let before = selectedDataset?.fullName
            datasets.filter = text
            datasets.scroll = ScrollState()
            return selectedDataset?.fullName == before || selectedDataset == nil ? [] : followDatasetSelection()
        }
        return current.tab.behaviour.setFilter(&self, text)
    }

    /// What `y` copies: a uuid, or a release's URL, or a dataset's full name.
    var copyableText: String? {
        guard focus == .content, let current = dataset else { return selectedDataset?.fullName }
        if let detail = current.detail { return detail.uuid.isEmpty ? nil : detail.uuid }
        return current.tab.behaviour.copyText(current)
    }
}
