import SegmentsAPI
import TerminalUI

/// The dataset's collaborators, found by asking about every user the browser knows of
/// (the API cannot list them).
enum CollaboratorsTab: ResourceTab {
    typealias Renderer = CollaboratorRenderer
    static let tab = DatasetTab.collaborators
    static var items: WritableKeyPath<DatasetState, ListResource<Collaborator>> { \.collaborators }
    static let bindingContext = BindingContext.collaborators

    static func searchable(_ collaborator: Collaborator) -> [String] { [collaborator.user.username, collaborator.role.rawValue] }
    static func identity(_ collaborator: Collaborator) -> String { collaborator.user.username }
    static func copyText(_ collaborator: Collaborator) -> String? { collaborator.user.username }

    static func load(_ state: AppState, _ dataset: DatasetState) -> ServiceCall<[Collaborator]> {
        ServiceCalls.collaborators(dataset: dataset.fullName, candidates: state.collaboratorCandidates)
    }

    static func summary(_ state: AppState, _ dataset: DatasetState) -> [(DisplayText, Style)] {
        var summary: [(DisplayText, Style)] = [("owner ", Style(.muted)), (DisplayText(dataset.dataset.owner.username), .plain)]
        if let access = dataset.access { summary += [("  you are ", Style(.muted)), (DisplayText(access.description), Style(.accent))] }
        // The API cannot list collaborators: say how many the dataset has, when more than found.
        if let total = dataset.dataset.collaboratorsCount, let found = dataset.collaborators.items?.count, total > found {
            summary += [(DisplayText("  \(found) of \(total) found; /name Enter looks one up"), Style(.muted))]
        }
        return summary
    }

    static func emptyText(_ dataset: DatasetState) -> DisplayText { "No collaborators found." }
}
