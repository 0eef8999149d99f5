import ArgumentParser

@main
struct SegmentsTUI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments-tui",
        abstract: "A keyboard-first terminal browser for Segments.ai datasets.",
        subcommands: [BrowseCommand.self, ServeCommand.self, SeedCommand.self, AdminCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}
