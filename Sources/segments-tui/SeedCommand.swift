import ArgumentParser

// Placeholder until the seed command lands; it refuses to run rather than pretend.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed", abstract: "(not available yet)")

    func run() async throws {
        throw ValidationError("'seed' is not available in this build yet.")
    }
}
