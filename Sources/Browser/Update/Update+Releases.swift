import SegmentsAPI
import TerminalUI

/// `N` on the Releases tab: create a release, then watch it until it has SUCCEEDED or FAILED.
/// Polling runs only while the Releases tab is shown, and never more than one request.
extension AppState {
    var newReleaseReason: String? {
        guard let watch = dataset?.releaseWatch else { return nil }
        return "release \(watch.name) is still being built"
    }

    mutating func askForNewRelease() {
        overlay = .modal(.textInput(title: "New release", prompt: "Name of the release, Enter to create it:"), .newRelease)
    }

    mutating func createRelease(named text: String) -> [Effect] {
        guard let current = dataset else { return [] }
        let name = text.trimmingSpaces
        guard !name.isEmpty else {
            showError("A release needs a name; nothing was created.")
            return []
        }
        guard inFlight[.releaseCreate] == nil else {
            showInfo("Still creating the last release…")
            return []
        }
        showInfo("creating release \(name)…")
        return [start(.releaseCreate, .addRelease(dataset: current.fullName, name: name))]
    }

    /// The release exists (PENDING): list it and start watching.
    mutating func applyCreatedRelease(_ release: Release) -> [Effect] {
        upsertRelease(release)
        guard release.status == .pending else {
            showInfo("release \(release.name) \(release.status.rawValue)")
            return []
        }
        dataset?.releaseWatch = ReleaseWatch(name: release.name, lastChecked: now)
        showInfo("release \(release.name) is PENDING; watching it")
        return scheduleReleasePoll()
    }

    /// A check came back: done, or ask again after a longer wait.
    mutating func applyPolledRelease(_ release: Release) -> [Effect] {
        guard var watch = dataset?.releaseWatch, watch.name == release.name else { return [] }
        upsertRelease(release)
        watch.lastChecked = now
        guard release.status == .pending else {
            dataset?.releaseWatch = nil
            let url = release.attributes.url.map { " · \($0)" } ?? ""
            showInfo("release \(release.name) \(release.status.rawValue)\(url)")
            return []
        }
        watch.interval = watch.backedOff
        dataset?.releaseWatch = watch
        return scheduleReleasePoll()
    }

    mutating func failReleasePoll(_ failure: RequestFailure) {
        showError("Stopped watching the release (r resumes): \(failure.text)")
    }

    /// The releases list came back (the tab was shown again, or `r`): resume the watch.
    mutating func resumeReleaseWatch() -> [Effect] {
        guard let watch = dataset?.releaseWatch else { return [] }
        guard let release = dataset?.releases.items?.first(where: { $0.name == watch.name }), release.status == .pending else {
            dataset?.releaseWatch = nil
            return []
        }
        dataset?.releaseWatch?.lastChecked = now
        return scheduleReleasePoll()
    }

    /// The next check, if the Releases tab is what the user is looking at.
    private mutating func scheduleReleasePoll() -> [Effect] {
        guard let current = dataset, let watch = current.releaseWatch, current.tab == .releases, current.detail == nil else { return [] }
        return [start(.releasePoll, .pollRelease(dataset: current.fullName, name: watch.name, afterSeconds: watch.interval))]
    }

    private mutating func upsertRelease(_ release: Release) {
        var items = dataset?.releases.items ?? []
        if let index = items.firstIndex(where: { $0.name == release.name }) {
            items[index] = release
        } else {
            items.insert(release, at: 0)
        }
        dataset?.releases.items = items
    }
}
