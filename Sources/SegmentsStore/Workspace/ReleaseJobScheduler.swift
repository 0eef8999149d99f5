import Foundation

/// The background release jobs that are running, by release uuid, so that a
/// release is never built twice at once and tests and shutdown can wait for them.
///
/// `@unchecked Sendable`: the only state is `jobs`, and every access to it holds
/// `lock` (an actor would make `start` async, which `Workspace.init` cannot await).
final class ReleaseJobScheduler: @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [String: Task<Void, Never>] = [:]
    private var isShutDown = false

    /// Starts `work` for the release unless a job for it is running already.
    func start(_ releaseUUID: String, _ work: @escaping @Sendable () async -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !isShutDown, jobs[releaseUUID] == nil else { return }
        jobs[releaseUUID] = Task {
            await work()
            self.finished(releaseUUID)
        }
    }

    func waitForAll() async {
        while let job = runningJob() { await job.value }
    }

    func cancelAll() async {
        let running: [Task<Void, Never>] = lock.withLock {
            isShutDown = true
            return Array(jobs.values)
        }
        for job in running { job.cancel() }
        for job in running { await job.value }
    }

    private func runningJob() -> Task<Void, Never>? {
        lock.withLock { jobs.values.first }
    }

    private func finished(_ releaseUUID: String) {
        lock.withLock { _ = jobs.removeValue(forKey: releaseUUID) }
    }
}
