import Foundation
import SegmentsAPI
import SegmentsClient

/// Times the Swift client against a running server; bench/run.sh runs the Python
/// SDK the same way and compares. Prints one line per round:
/// `list <seconds> <samples>` or `get <seconds-per-request>`.
/// Two more modes for bench/serve.sh: `segments-bench decode PAGE` (decoding a recorded
/// answer, no network: `DecodeBench`) and `segments-bench store WORKSPACE DATASET` (the
/// store's queries in process: `StoreBench`).
@main
enum SegmentsBench {
    struct Options {
        var url = "http://127.0.0.1:8000/"
        var key = ""
        var dataset = ""
        var rounds = 5
        var perPage = 1000
        var gets = 200
        var compression = true
    }

    static func main() async {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            switch arguments.first {
            case "decode": try DecodeBench.run(Array(arguments.dropFirst()))
            case "store": try await StoreBench.run(Array(arguments.dropFirst()))
            default: try await run(try parse(arguments))
            }
        } catch {
            FileHandle.standardError.write(Data("segments-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: Options) async throws {
        let configuration = SegmentsClientConfiguration(
            apiKey: options.key, baseURL: options.url, acceptCompressedResponses: options.compression)
        let client = try SegmentsClient(configuration: configuration)
        do {
            try await client.checkAPIStatus()
            let clock = ContinuousClock()
            for _ in 0..<options.rounds {
                var count = 0
                let elapsed = try await clock.measure {
                    for try await _ in client.allSamples(options.dataset, query: SampleQuery(perPage: options.perPage)) {
                        count += 1
                    }
                }
                print("list \(seconds(elapsed)) \(count)")
            }
            for _ in 0..<options.rounds {
                let elapsed = try await clock.measure {
                    for _ in 0..<options.gets { _ = try await client.getDataset(options.dataset) }
                }
                print("get \(seconds(elapsed) / Double(options.gets))")
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    struct UsageError: Error, CustomStringConvertible { let description: String }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        func value(_ flag: String) throws -> String {
            guard let next = iterator.next() else { throw UsageError(description: "\(flag) needs a value") }
            return next
        }
        func number(_ flag: String) throws -> Int {
            guard let n = Int(try value(flag)), n > 0 else { throw UsageError(description: "\(flag) needs a positive number") }
            return n
        }
        while let argument = iterator.next() {
            switch argument {
            case "--url": options.url = try value(argument)
            case "--key": options.key = try value(argument)
            case "--dataset": options.dataset = try value(argument)
            case "--rounds": options.rounds = try number(argument)
            case "--per-page": options.perPage = try number(argument)
            case "--gets": options.gets = try number(argument)
            case "--no-compression": options.compression = false
            default:
                throw UsageError(
                    description: "usage: segments-bench --url URL --key KEY --dataset OWNER/NAME "
                        + "[--rounds N] [--per-page N] [--gets N] [--no-compression] (unknown: \(argument))")
            }
        }
        guard !options.dataset.isEmpty else { throw UsageError(description: "--dataset is required") }
        return options
    }
}
