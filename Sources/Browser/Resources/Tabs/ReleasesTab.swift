import SegmentsAPI
import TerminalUI

/// The dataset's releases; a PENDING one is watched while the tab is shown.
enum ReleasesTab: ResourceTab {
    typealias Renderer = ReleaseRenderer
    static let tab = DatasetTab.releases
    static var items: WritableKeyPath<DatasetState, ListResource<Release>> { \.releases }
    static let bindingContext = BindingContext.releases

    static func searchable(_ release: Release) -> [String] { [release.name, release.description, release.status.rawValue] }
    static func identity(_ release: Release) -> String { release.name }
    static func copyText(_ release: Release) -> String? { release.attributes.url ?? release.uuid }

    static func load(_ state: AppState, _ dataset: DatasetState) -> ServiceCall<[Release]> {
        ServiceCalls.releases(dataset: dataset.fullName)
    }

    /// The list was a check of the watched release too.
    static func landed(_ state: inout AppState) -> [Effect] { state.resumeReleaseWatch() }

    static func summary(_ state: AppState, _ dataset: DatasetState) -> [(DisplayText, Style)] {
        guard let watch = dataset.releaseWatch else { return [] }
        let spinner = Spinner.braille.frame(tick: state.tick).string
        let ago = max(0, state.now - watch.lastChecked)
        return [
            (DisplayText("\(spinner) \(watch.name) PENDING"), Style(.accent)),
            (DisplayText(" · checked \(ago)s ago · every \(watch.interval)s"), Style(.muted)),
        ]
    }

    static func emptyText(_ dataset: DatasetState) -> DisplayText { "No releases yet." }
}
