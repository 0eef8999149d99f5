import ArgumentParser

// Placeholder until the browse command lands; it refuses to run rather than pretend.
struct BrowseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "(not available yet)")

    func run() async throws {
        throw ValidationError("'browse' is not available in this build yet.")
    }
}
