import Foundation
import SegmentsAPI
import SegmentsClient

/// `segments-bench decode PAGE [--rounds N] [--repeat K]`: decodes a recorded answer of
/// `get_samples` (the bytes serve sent) into `[Sample]` the way the client does after a
/// request, K times per round, and prints per round
///   `decode <seconds per decode> <samples>`             (SegmentsClient.decodeAnswer)
///   `decode-foundation <seconds per decode> <samples>`  (JSONDecoder alone, as before the tree decoder)
/// bench/sdk_decode.py times the Python SDK on the same file.
enum DecodeBench {
    static func run(_ arguments: [String]) throws {
        guard let path = arguments.first else {
            throw SegmentsBench.UsageError(description: "usage: segments-bench decode PAGE [--rounds N] [--repeat K]")
        }
        var rounds = 7
        var repeats = 20
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
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
        let clock = ContinuousClock()
        // Once before timing: page faults, lazy metadata, caches.
        var count = try SegmentsClient.decodeAnswer([Sample].self, from: page).count
        _ = try JSONDecoder().decode([Sample].self, from: page)
        for _ in 0..<rounds {
            let client = try clock.measure {
                for _ in 0..<repeats { count = try SegmentsClient.decodeAnswer([Sample].self, from: page).count }
            }
            print("decode \(SegmentsBench.seconds(client) / Double(repeats)) \(count)")
            let foundation = try clock.measure {
                for _ in 0..<repeats { count = try JSONDecoder().decode([Sample].self, from: page).count }
            }
            print("decode-foundation \(SegmentsBench.seconds(foundation) / Double(repeats)) \(count)")
        }
    }
}
