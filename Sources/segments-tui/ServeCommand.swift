import ArgumentParser

// Placeholder until the serve command lands; it refuses to run rather than pretend.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "(not available yet)")

    func run() async throws {
        throw ValidationError("'serve' is not available in this build yet.")
    }
}
