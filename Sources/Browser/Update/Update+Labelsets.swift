import SegmentsAPI
import TerminalUI

/// The Labelsets tab: Enter browses the selected labelset, `N` adds one (name, then
/// description), `D` deletes one after a confirmation (never ground-truth).
extension AppState {
    var labelsetDeleteReason: String? {
        guard let labelset = dataset.flatMap(LabelsetsTab.selected) else { return "no labelset is selected" }
        return labelset.isGroundTruthLabelset ? "ground-truth can never be deleted" : nil
    }

    mutating func askForNewLabelset() {
        overlay = .modal(.textInput(title: "New labelset", prompt: "Name (letters, digits, - and _):"), .newLabelsetName)
    }

    mutating func askForLabelsetDescription(name text: String) -> [Effect] {
        let name = text.trimmingSpaces
        guard !name.isEmpty else {
            showError("A labelset needs a name; nothing was added.")
            return []
        }
        if dataset?.labelsetNames.contains(name) == true {
            showError("There is a labelset named \(name) already; nothing was added.")
            return []
        }
        overlay = .modal(
            .textArea(title: "New labelset \(name)", prompt: "Description (optional), Enter adds it:"),
            .newLabelsetDescription(name: name))
        return []
    }

    mutating func addLabelset(named name: String, description: String) -> [Effect] {
        guard let current = dataset else { return [] }
        showInfo("adding labelset \(name)…")
        let call = ServiceCalls.addLabelset(dataset: current.fullName, name: name, description: description.trimmingBlankEdges)
        return write(.labelsetWrite, "add labelset \(name)", call, landed: { $0.applyAddedLabelset($1) })
    }

    mutating func confirmDeleteSelectedLabelset() {
        guard let labelset = dataset.flatMap(LabelsetsTab.selected), let current = dataset else { return }
        let message = "Delete labelset \(labelset.name) of \(current.fullName)?\nEvery label in it goes with it."
        askToConfirm("Delete labelset", message, for: .deleteLabelset(labelset))
    }

    mutating func deleteLabelset(_ labelset: Labelset) -> [Effect] {
        guard let current = dataset else { return [] }
        showInfo("deleting labelset \(labelset.name)…")
        let name = labelset.name
        return removeAndWrite(
            LabelsetsTab.self, labelset, in: .labelsetWrite, "delete labelset \(name)",
            ServiceCalls.deleteLabelset(dataset: current.fullName, name: name), landed: { state, _ in state.applyDeletedLabelset(named: name) })
    }

    mutating func applyAddedLabelset(_ labelset: Labelset) -> [Effect] {
        upsert(LabelsetsTab.self, labelset)
        showInfo("added labelset \(labelset.name) (Enter browses it)")
        return []
    }

    /// Gone on the server: gone here, and the samples fall back to ground-truth if they showed it.
    mutating func applyDeletedLabelset(named name: String) -> [Effect] {
        remove(LabelsetsTab.self, identity: name)
        var effects: [Effect] = []
        if dataset?.labelset == name, let fallback = dataset?.labelsetNames.first(where: { $0 == "ground-truth" }) ?? dataset?.labelsetNames.first {
            effects = switchLabelset(to: fallback)
        }
        showInfo("deleted labelset \(name)")
        return effects
    }

    /// Enter on a labelset: the Samples tab and the detail show this labelset.
    mutating func browseLabelset(_ labelset: Labelset) -> [Effect] {
        let effects = switchLabelset(to: labelset.name)
        showInfo("Browsing labelset \(labelset.name) (the Samples tab and the detail show it)")
        return effects
    }
}

extension Labelset {
    /// The server marks it; older answers lack the flag, so the name decides then.
    var isGroundTruthLabelset: Bool { isGroundtruth ?? (name == "ground-truth") }
}
