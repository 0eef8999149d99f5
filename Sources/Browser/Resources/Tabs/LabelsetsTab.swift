import SegmentsAPI
import TerminalUI

/// The dataset's labelsets; Enter browses one (the Samples tab and the detail show it).
enum LabelsetsTab: ResourceTab {
    typealias Renderer = LabelsetRenderer
    static let tab = DatasetTab.labelsets
    static var items: WritableKeyPath<DatasetState, ListResource<Labelset>> { \.labelsets }
    static let bindingContext = BindingContext.labelsets
    static let opensItems = true

    static func searchable(_ labelset: Labelset) -> [String] { [labelset.name, labelset.description] }
    static func identity(_ labelset: Labelset) -> String { labelset.name }
    static func copyText(_ labelset: Labelset) -> String? { labelset.name }

    static func load(_ state: AppState, _ dataset: DatasetState) -> ServiceCall<[Labelset]> {
        ServiceCalls.labelsets(dataset: dataset.fullName)
    }

    static func open(_ state: inout AppState, _ labelset: Labelset) -> [Effect] {
        state.browseLabelset(labelset)
    }

    static func summary(_ state: AppState, _ dataset: DatasetState) -> [(DisplayText, Style)] {
        [("browsing labelset ", Style(.muted)), (DisplayText(dataset.labelset), Style(.accent))]
    }

    static func emptyText(_ dataset: DatasetState) -> DisplayText { "No labelsets." }
}
