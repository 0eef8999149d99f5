import ArgumentParser

// Placeholder until the admin command lands; it refuses to run rather than pretend.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "admin", abstract: "(not available yet)")

    func run() async throws {
        throw ValidationError("'admin' is not available in this build yet.")
    }
}
