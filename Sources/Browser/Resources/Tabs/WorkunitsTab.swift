import SegmentsAPI
import TerminalUI

/// Who did what to which sample, in a date range; from the manager role up.
enum WorkunitsTab: ResourceTab {
    typealias Renderer = WorkunitRenderer
    static let tab = DatasetTab.workunits
    static var items: WritableKeyPath<DatasetState, ListResource<Workunit>> { \.workunits }
    static let bindingContext = BindingContext.workunits

    static func searchable(_ unit: Workunit) -> [String] { [unit.createdBy, unit.sampleName, unit.workType] }
    static func identity(_ unit: Workunit) -> String { unit.uuid ?? "\(unit.createdAt) \(unit.sampleUUID)" }
    static func copyText(_ unit: Workunit) -> String? { unit.sampleUUID }

    static func load(_ state: AppState, _ dataset: DatasetState) -> ServiceCall<[Workunit]> {
        ServiceCalls.workunits(dataset: dataset.fullName, query: dataset.workunitRange.query(now: state.now))
    }

    static func refusal(_ dataset: DatasetState) -> SegmentsError? {
        guard let access = dataset.access, access < AppState.workunitsRole else { return nil }
        return AppState.workunitsRefusal(access)
    }

    static func summary(_ state: AppState, _ dataset: DatasetState) -> [(DisplayText, Style)] {
        [("range ", Style(.muted)), (DisplayText(dataset.workunitRange.rawValue), Style(.accent)), ("  (d: change)", Style(.muted))]
    }

    static func emptyText(_ dataset: DatasetState) -> DisplayText { "No workunits in this range." }
}
