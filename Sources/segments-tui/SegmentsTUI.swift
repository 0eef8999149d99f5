import ArgumentParser

@main
struct SegmentsTUI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments-tui",
        abstract: "A keyboard-first terminal browser for Segments.ai datasets.",
        version: version,
        subcommands: [BrowseCommand.self, ServeCommand.self, SeedCommand.self, AdminCommand.self],
        defaultSubcommand: BrowseCommand.self
    )

    /// Printed by `--version`.
    static let version = "0.5.0"
}
