import ArgumentParser
import Foundation
import SegmentsAPI
import SegmentsStore

/// `segments-tui seed`: creates the demo workspace (and optionally a large
/// dataset for scale tests), prints the demo users' API keys once, and with
/// `--bench` times typical sample queries on the largest dataset.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Create a demo workspace with users, datasets, samples, labels, issues and releases.")

    @Option(help: "Workspace folder (default: $XDG_DATA_HOME/segments-tui or ~/.local/share/segments-tui).")
    var path: String?

    @Option(help: "Also create jane/scale-<N>, a bboxes dataset with N samples (e.g. 100000).")
    var samples: Int?

    @Option(help: "Samples in each demo dataset.")
    var samplesPerDataset: Int = 300

    @Option(help: "Random seed: the same seed gives the same data.")
    var randomSeed: UInt64 = 42

    @Flag(help: "After seeding, time filtered and sorted sample pages on the largest dataset.")
    var bench = false

    func validate() throws {
        if let samples, samples < 1 || samples > 10_000_000 { throw ValidationError("--samples must be 1…10000000.") }
        if samplesPerDataset < 1 || samplesPerDataset > 100_000 {
            throw ValidationError("--samples-per-dataset must be 1…100000.")
        }
    }

    func run() async throws {
        let folder = path.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Workspace.defaultFolder()
        let workspace = try await Workspace(folder: folder)
        guard try await workspace.isEmpty else {
            throw CommandFailure("The workspace at \(folder.path) already has data; give a new folder with --path.")
        }
        let summary = try await DemoSeed.seed(
            into: workspace, samplesPerDataset: samplesPerDataset, largeDatasetSamples: samples, randomSeed: randomSeed)
        print("Seeded \(folder.path) in \(Self.format(summary.elapsed))")
        print("  datasets:  \(summary.datasets.joined(separator: ", "))")
        print("  samples \(summary.samples), labels \(summary.labels), issues \(summary.issues), "
            + "releases \(summary.releases), workunits \(summary.workunits)")
        print("API keys (shown once, stored hashed):")
        for user in DemoSeed.users { print("  \(user): \(summary.apiKeys[user] ?? "?")") }
        if bench {
            let dataset = summary.datasets.last ?? "jane/street-scenes"
            let store = workspace.store(actingAs: "jane", baseURL: workspace.fileBaseURL)
            print("Benchmark on \(dataset) (best of 5):")
            for measurement in try await StoreBenchmark.run(store, dataset: dataset) {
                let padded = measurement.name.padding(toLength: 48, withPad: " ", startingAt: 0)
                print("  \(padded) \(Self.format(measurement.duration))  (\(measurement.results) results)")
            }
        }
        await workspace.shutdown()
    }

    static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000
            + Double(duration.components.attoseconds) / 1e15
        return milliseconds >= 1000
            ? String(format: "%.2f s", milliseconds / 1000) : String(format: "%.2f ms", milliseconds)
    }
}
