import Foundation
import SegmentsAPI
import SegmentsClient

/// `segments-bench decode PAGE [--rounds N] [--repeat K] [--client-only]`: decodes a recorded answer of
/// `get_samples` (the bytes serve sent) into `[Sample]` the way the client does after a
/// request, K times per round, and prints per round
///   `decode <seconds per decode> <samples>`             (SegmentsClient.decodeAnswer)
///   `decode-foundation <seconds per decode> <samples>`  (JSONDecoder alone, as before the tree decoder)
/// bench/sdk_decode.py times the Python SDK on the same file. `--client-only` leaves out
/// JSONDecoder, for profiling the client's path alone.
enum DecodeBench {
    static func run(_ arguments: [String]) throws {
        guard let path = arguments.first else {
            throw SegmentsBench.UsageError(description: "usage: segments-bench decode PAGE [--rounds N] [--repeat K]")
        }
        var rounds = 7
        var repeats = 20
        var clientOnly = false
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            if flag == "--client-only" {
                clientOnly = true
                continue
            }
            guard let value = iterator.next().flatMap(Int.init), value > 0 else {
                throw SegmentsBench.UsageError(description: "\(flag) needs a positive number")
            }
            switch flag {
            case "--rounds": rounds = value
            case "--repeat": repeats = value
            default: throw SegmentsBench.UsageError(description: "unknown option \(flag)")
            }
        }
        let page = try Data(contentsOf: URL(fileURLWithPath: path))
        // Once before timing: page faults, lazy metadata, caches.
        var count = try SegmentsClient.decodeAnswer([Sample].self, from: page).count
        if !clientOnly { _ = try JSONDecoder().decode([Sample].self, from: page) }
        for _ in 0..<rounds {
            let client = try timed(repeats) { count = try SegmentsClient.decodeAnswer([Sample].self, from: page).count }
            print("decode \(client.wall) \(count) \(client.cpu)")
            if clientOnly { continue }
            let foundation = try timed(repeats) { count = try JSONDecoder().decode([Sample].self, from: page).count }
            print("decode-foundation \(foundation.wall) \(count) \(foundation.cpu)")
        }
    }

    /// Wall and thread CPU seconds per call of `body`, over `repeats` calls.
    static func timed(_ repeats: Int, _ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
        let clock = ContinuousClock()
        let cpuStart = threadCPUSeconds()
        let wall = try clock.measure { for _ in 0..<repeats { try body() } }
        let cpu = threadCPUSeconds() - cpuStart
        return (SegmentsBench.seconds(wall) / Double(repeats), cpu / Double(repeats))
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
