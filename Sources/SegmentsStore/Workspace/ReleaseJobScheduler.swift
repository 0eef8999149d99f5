import Foundation
import Synchronization

/// When a release job starts: at once (the app and the server), or when the test that
/// opened the workspace lets it (`Workspace.runHeldReleaseJobs()`), so that a PENDING
/// release can be looked at for as long as the test needs, without a timer.
public enum ReleaseJobStart: Sendable {
    case immediately
    case held
}

/// The background release jobs, by release uuid, so that a release is never built twice
/// at once and tests and shutdown can wait for them. A mutex rather than an actor:
/// `start` is called right after a write transaction, which must not suspend in between.
final class ReleaseJobScheduler: Sendable {
    typealias Work = @Sendable () async -> Void

    private struct State {
        var running: [String: Task<Void, Never>] = [:]
        var held: [(releaseUUID: String, work: Work)] = []
        var isShutDown = false
    }

    private let mode: ReleaseJobStart
    private let state = Mutex(State())

    init(mode: ReleaseJobStart) { self.mode = mode }

    /// Starts `work` for the release (or holds it) unless a job for it exists already.
    func start(_ releaseUUID: String, _ work: @escaping Work) {
        state.withLock { state in
            guard !state.isShutDown, state.running[releaseUUID] == nil,
                !state.held.contains(where: { $0.releaseUUID == releaseUUID })
            else { return }
            if mode == .held {
                state.held.append((releaseUUID, work))
            } else {
                run(releaseUUID, work, in: &state)
            }
        }
    }

    /// Starts the held jobs and waits until every job has finished.
    func runHeld() async {
        state.withLock { state in
            let held = state.held
            state.held = []
            for job in held where !state.isShutDown { run(job.releaseUUID, job.work, in: &state) }
        }
        await waitForAll()
    }

    func waitForAll() async {
        while let job = state.withLock({ $0.running.values.first }) { await job.value }
    }

    /// Cancels the running jobs and drops the held ones; their releases stay PENDING.
    func cancelAll() async {
        let running: [Task<Void, Never>] = state.withLock { state in
            state.isShutDown = true
            state.held = []
            return Array(state.running.values)
        }
        for job in running { job.cancel() }
        for job in running { await job.value }
    }

    private func run(_ releaseUUID: String, _ work: @escaping Work, in state: inout State) {
        state.running[releaseUUID] = Task {
            await work()
            self.finished(releaseUUID)
        }
    }

    private func finished(_ releaseUUID: String) {
        state.withLock { _ = $0.running.removeValue(forKey: releaseUUID) }
    }
}
