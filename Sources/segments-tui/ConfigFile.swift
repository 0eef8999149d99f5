import Foundation

/// `$XDG_CONFIG_HOME/segments-tui/config` (or `~/.config/segments-tui/config`): lines of
/// `key = value`, `#` comments. Keys: api_key, api_url, path, user, read_only, no_color.
/// Precedence: command-line flags, then the environment, then this file.
struct ConfigFile {
    var values: [String: String] = [:]
    /// Where the values came from; nil when there was no file.
    var url: URL?

    static func load(environment: [String: String]) -> ConfigFile {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        let url = base.appendingPathComponent("segments-tui/config")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ConfigFile() }
        var file = ConfigFile(parsing: text)
        file.url = url
        return file
    }

    init(values: [String: String] = [:]) {
        self.values = values
    }

    init(parsing text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            values[key] = value
        }
    }

    func flag(_ key: String) -> Bool {
        ["1", "true", "yes", "on"].contains(values[key]?.lowercased() ?? "")
    }
}
