/// A change to the server, as the one write policy has it: shown at once where it can be
/// (the caller changes the list before queueing it), written in the order the user made it,
/// one at a time per slot, and rolled back (with every later change in that slot) when the
/// server refuses. Keys typed while a write is in flight are queued, never refused.
public struct PendingWrite: Sendable {
    /// What the messages call it: "close issue “wheel…”".
    public let summary: String
    /// What the rollback leaves, for the refusal's message: "still open".
    public let undone: String?
    /// The dataset it was made in: its rollback applies only there.
    public let dataset: String?
    /// Starts its request when its turn comes.
    let send: @Sendable (inout AppState) -> Effect
    /// Puts back what the change showed before the server agreed.
    let rollback: @Sendable (inout AppState) -> Void
}

/// The writes not yet saved, per slot; the first of each is in flight.
public struct WriteQueues: Sendable {
    var queues: [Slot: [PendingWrite]] = [:]

    /// How many changes are not saved yet (quitting asks first when there are).
    public var unsaved: Int { queues.values.reduce(0) { $0 + $1.count } }

    public func pending(in slot: Slot) -> [PendingWrite] { queues[slot] ?? [] }
}
