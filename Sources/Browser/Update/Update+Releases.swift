import SegmentsAPI
import TerminalUI

/// The Releases tab: `N` creates a release (name, then description) and watches it until
/// it has SUCCEEDED or FAILED; a PENDING release found in the list is watched the same way.
/// Polling runs only while the Releases tab is shown, never more than one request at a
/// time, with a growing interval; `r` checks at once. `D` deletes after a confirmation.
extension AppState {
    mutating func askForNewRelease() {
        overlay = .modal(.textInput(title: "New release", prompt: "Name of the release (e.g. v1.2):"), .newReleaseName)
    }

    mutating func askForReleaseDescription(name text: String) -> [Effect] {
        let name = text.trimmingSpaces
        guard !name.isEmpty else {
            showError("A release needs a name; nothing was created.")
            return []
        }
        if dataset?.releases.items?.contains(where: { $0.name == name }) == true {
            showError("There is a release named \(name) already; nothing was created.")
            return []
        }
        overlay = .modal(
            .textArea(title: "New release \(name)", prompt: "Description (optional), Enter creates it:"),
            .newReleaseDescription(name: name))
        return []
    }

    mutating func createRelease(named name: String, description: String) -> [Effect] {
        guard let current = dataset else { return [] }
        showInfo("creating release \(name)…")
        let call = ServiceCalls.addRelease(dataset: current.fullName, name: name, description: description.trimmingBlankEdges)
        return write(.releaseWrite, "create release \(name)", call, landed: { $0.applyCreatedRelease($1) })
    }

    mutating func confirmDeleteSelectedRelease() {
        guard let release = dataset.flatMap(ReleasesTab.selected), let current = dataset else { return }
        let message = "Delete release \(release.name) (\(release.status.rawValue)) of \(current.fullName)?\nIts export file goes with it."
        askToConfirm("Delete release", message, for: .deleteRelease(release))
    }

    mutating func deleteRelease(_ release: Release) -> [Effect] {
        guard let current = dataset else { return [] }
        showInfo("deleting release \(release.name)…")
        let name = release.name
        return removeAndWrite(
            ReleasesTab.self, release, in: .releaseWrite, "delete release \(name)",
            ServiceCalls.deleteRelease(dataset: current.fullName, name: name), landed: { state, _ in state.applyDeletedRelease(named: name) })
    }

    mutating func applyDeletedRelease(named name: String) -> [Effect] {
        remove(ReleasesTab.self, identity: name)
        var effects: [Effect] = []
        if dataset?.releaseWatch?.name == name {
            dataset?.releaseWatch = nil
            effects = [cancel(.releasePoll)].compactMap { $0 } + resumeReleaseWatch()
        }
        showInfo("deleted release \(name)")
        return effects
    }

    /// The release exists (PENDING): list it and start watching.
    mutating func applyCreatedRelease(_ release: Release) -> [Effect] {
        upsert(ReleasesTab.self, release)
        guard release.status == .pending else {
            showInfo("release \(release.name) \(release.status.rawValue)")
            return []
        }
        let pollNow = cancel(.releasePoll).map { [$0] } ?? []
        dataset?.releaseWatch = ReleaseWatch(name: release.name, lastChecked: now)
        showInfo("release \(release.name) is PENDING; watching it")
        return pollNow + scheduleReleasePoll()
    }

    /// A check came back: done (then any other PENDING release is watched), or ask again
    /// after a longer wait.
    mutating func applyPolledRelease(_ release: Release) -> [Effect] {
        guard var watch = dataset?.releaseWatch, watch.name == release.name else { return [] }
        upsert(ReleasesTab.self, release, selecting: false)
        watch.lastChecked = now
        guard release.status == .pending else {
            dataset?.releaseWatch = nil
            if release.status == .failed {
                let reason = release.statusInfo.flatMap { $0.isEmpty ? nil : ": \($0)" } ?? ""
                showError("release \(release.name) FAILED\(reason)")
            } else {
                let url = release.attributes.url.map { " · \($0) (y copies it)" } ?? ""
                showInfo("release \(release.name) \(release.status.rawValue)\(url)")
            }
            return resumeReleaseWatch()
        }
        watch.interval = watch.backedOff
        dataset?.releaseWatch = watch
        return scheduleReleasePoll()
    }

    mutating func failReleasePoll(_ failure: SegmentsError) -> [Effect] {
        showError("Stopped watching the release (r checks again): \(failure.text)")
        return []
    }

    /// The releases list came back (the tab was shown, or `r`): that was a check. Watch the
    /// release already watched if it is still PENDING, else the newest PENDING one.
    mutating func resumeReleaseWatch() -> [Effect] {
        guard let current = dataset, let items = current.releases.items else { return [] }
        let pending = items.filter { $0.status == .pending }
        let watched = current.releaseWatch.flatMap { watch in pending.first { $0.name == watch.name } }
        guard let release = watched ?? pending.max(by: { $0.createdAt < $1.createdAt }) else {
            dataset?.releaseWatch = nil
            return []
        }
        if dataset?.releaseWatch?.name != release.name {
            dataset?.releaseWatch = ReleaseWatch(name: release.name, lastChecked: now)
        }
        dataset?.releaseWatch?.lastChecked = now
        return scheduleReleasePoll()
    }

    /// `r` on the Releases tab: check now and start the backoff again.
    mutating func restartReleaseWatch() {
        dataset?.releaseWatch?.interval = ReleaseWatch.firstInterval
    }

    /// The next check, if the Releases tab is what the user is looking at.
    private mutating func scheduleReleasePoll() -> [Effect] {
        guard let current = dataset, let watch = current.releaseWatch, current.tab == .releases, current.detail == nil else { return [] }
        let call = ServiceCalls.pollRelease(dataset: current.fullName, name: watch.name, afterSeconds: watch.interval)
        return [start(.releasePoll, call, then: { $0.applyPolledRelease($1) }, otherwise: { $0.failReleasePoll($1) })]
    }
}
