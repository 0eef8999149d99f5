import Foundation
import TerminalUI

/// `$XDG_CONFIG_HOME/segments-tui/config` (or `~/.config/segments-tui/config`): lines of
/// `key = value`, `#` comments. Keys: api_key, api_url, path, user, graphics,
/// image_cache_mb, read_only, no_color.
/// Precedence: command-line flags, then the environment, then this file.
///
/// It fails closed: a bad value (`read_only = maybe`) or a misspelt known key
/// (`readonly = yes`) stops the program with the line and the fix, so a typo in a safety
/// setting never leaves it writable. A key it does not know at all is only warned about.
struct ConfigFile {
    var values: [String: String] = [:]
    /// Where it was read from, for messages.
    var source = "the config file"
    /// Where the values came from; nil when there was no file.
    var url: URL?
    /// Lines that cannot be used, each a sentence naming the line and the fix.
    var errors: [String] = []
    var warnings: [String] = []

    static let stringKeys: Set<String> = ["api_key", "api_url", "path", "user", "graphics", "image_cache_mb"]
    /// The disk cache of sample pictures holds at most this much (0 turns it off).
    static let defaultImageCacheMB = 1024
    static let flagKeys: Set<String> = ["read_only", "no_color"]
    static let trueWords: Set<String> = ["1", "true", "yes", "on"]
    static let falseWords: Set<String> = ["0", "false", "no", "off"]

    static func url(environment: [String: String]) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return base.appendingPathComponent("segments-tui/config")
    }

    static func load(environment: [String: String]) -> ConfigFile {
        let url = url(environment: environment)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ConfigFile() }
        var file = ConfigFile(parsing: text, source: url.path)
        file.url = url
        return file
    }

    init(values: [String: String] = [:]) {
        self.values = values
    }

    init(parsing text: String, source: String = "the config file") {
        self.source = source
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let place = "\(source):\(index + 1)"
            guard let equals = trimmed.firstIndex(of: "=") else {
                errors.append("\(place): “\(trimmed)” is not key = value")
                continue
            }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if Self.flagKeys.contains(key) {
                guard Self.trueWords.union(Self.falseWords).contains(value.lowercased()) else {
                    errors.append("\(place): \(key) = \(value) is neither true nor false (write \(key) = true or \(key) = false)")
                    continue
                }
            } else if key == "graphics", GraphicsSetting(value) == nil {
                errors.append("\(place): graphics = \(value) is not one of \(GraphicsSetting.allowedValues.joined(separator: ", "))")
                continue
            } else if key == "image_cache_mb", Int(value).map({ $0 >= 0 }) != true {
                errors.append("\(place): image_cache_mb = \(value) is not a size in MiB (write a whole number, e.g. image_cache_mb = 512; 0 turns the cache off)")
                continue
            } else if !Self.stringKeys.contains(key) {
                if let known = Self.knownKey(resembling: key) {
                    errors.append("\(place): unknown key \(key); did you mean \(known)?")
                } else {
                    let all = (Self.stringKeys.union(Self.flagKeys)).sorted().joined(separator: ", ")
                    warnings.append("\(place): unknown key \(key) is ignored (known keys: \(all))")
                }
                continue
            }
            values[key] = value
        }
    }

    /// The picture cache's capacity in bytes.
    var imageCacheBytes: Int {
        (values["image_cache_mb"].flatMap(Int.init) ?? Self.defaultImageCacheMB) * 1024 * 1024
    }

    func flag(_ key: String) -> Bool {
        Self.trueWords.contains(values[key]?.lowercased() ?? "")
    }

    /// A known key that `key` is probably a misspelling of: the same letters without
    /// separators, or at most two edits away.
    static func knownKey(resembling key: String) -> String? {
        let squashed = key.filter { $0.isLetter }
        return stringKeys.union(flagKeys).sorted().first { known in
            known.filter { $0.isLetter } == squashed || editDistance(known, key) <= 2
        }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    /// Stops with every error of the file, or returns its warnings.
    func validated() throws -> [String] {
        guard errors.isEmpty else {
            throw CommandFailure((["The configuration cannot be used:"] + errors.map { "  " + $0 }).joined(separator: "\n"))
        }
        return warnings
    }
}
