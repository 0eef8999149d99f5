import Foundation
import Synchronization

/// The background release jobs that are running, by release uuid, so that a
/// release is never built twice at once and tests and shutdown can wait for them.
/// A mutex rather than an actor: `start` must be synchronous, since `Workspace.init`
/// (which resumes pending releases) cannot await.
final class ReleaseJobScheduler: Sendable {
    private struct State {
        var jobs: [String: Task<Void, Never>] = [:]
        var isShutDown = false
    }

    private let state = Mutex(State())

    /// Starts `work` for the release unless a job for it is running already.
    func start(_ releaseUUID: String, _ work: @escaping @Sendable () async -> Void) {
        state.withLock { state in
            guard !state.isShutDown, state.jobs[releaseUUID] == nil else { return }
            state.jobs[releaseUUID] = Task {
                await work()
                self.finished(releaseUUID)
            }
        }
    }

    func waitForAll() async {
        while let job = runningJob() { await job.value }
    }

    func cancelAll() async {
        let running: [Task<Void, Never>] = state.withLock { state in
            state.isShutDown = true
            return Array(state.jobs.values)
        }
        for job in running { job.cancel() }
        for job in running { await job.value }
    }

    private func runningJob() -> Task<Void, Never>? {
        state.withLock { $0.jobs.values.first }
    }

    private func finished(_ releaseUUID: String) {
        state.withLock { _ = $0.jobs.removeValue(forKey: releaseUUID) }
    }
}
