import Foundation

/// Media the workspace itself holds (the demo's images) are stored in sample and label
/// attributes as `segments-workspace:assets/<uuid>/<name>`, not as absolute URLs: the
/// seed cannot know the host a workspace will be served under. Responses turn them into
/// `<baseURL>/assets/<uuid>/<name>` for whoever asks: a `file://` URL in embedded use,
/// the server's own URL under `serve`, where the asset route serves the file.
enum WorkspaceURLs {
    static let prefix = "segments-workspace:"

    /// A stored reference to an asset key.
    static func reference(forKey key: String) -> String { prefix + key }

    /// The attributes JSON text with every workspace reference made absolute. Cheap when
    /// there is none (the common case for uploaded data): one substring search.
    static func resolve(_ jsonText: String, baseURL: String) -> String {
        let marker = "\"" + prefix
        guard jsonText.contains(marker) else { return jsonText }
        return jsonText.replacingOccurrences(of: marker, with: "\"" + escaped(baseURL + "/"))
    }

    /// `text` as it must appear inside a JSON string literal.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
