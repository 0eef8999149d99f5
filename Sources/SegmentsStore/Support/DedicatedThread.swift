import Foundation

/// Runs blocking work on a thread of its own and awaits its result, so that the few
/// threads of Swift's cooperative pool never wait on it.
enum DedicatedThread {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
