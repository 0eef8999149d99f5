import Foundation
import SegmentsAPI

/// Checks on what callers send, each failing with a `.validation` error that
/// names the problem, before anything is written.
enum Validate {
    /// Usernames, organisation, dataset and labelset names: they appear as path
    /// segments in the API, so only letters, digits, `-`, `_` and `.` are allowed.
    static func identifierName(_ name: String, what: String) throws {
        guard !name.isEmpty, name.count <= 100 else {
            throw SegmentsError.validation("The \(what) name must be 1 to 100 characters long.")
        }
        guard name != ".", name != "..",
            name.unicodeScalars.allSatisfy({ scalar in
                (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || "-_.".unicodeScalars.contains(scalar)
            })
        else {
            throw SegmentsError.validation(
                "The \(what) name may only contain letters, digits, dashes, underscores and dots.")
        }
    }

    /// Release names appear in paths too, but people write `v1.0 (final)`: any
    /// printable text without `/`, `?` or `#`.
    static func releaseName(_ name: String) throws {
        try printable(name, what: "release name", maximumLength: 100)
        guard !name.contains(where: { "/?#".contains($0) }) else {
            throw SegmentsError.validation("The release name may not contain \"/\", \"?\" or \"#\".")
        }
    }

    /// Sample names are free text (Japanese, emoji …) but no control characters.
    static func sampleName(_ name: String) throws {
        try printable(name, what: "sample name", maximumLength: 1000)
    }

    static func printable(_ text: String, what: String, maximumLength: Int) throws {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty, text.count <= maximumLength else {
            throw SegmentsError.validation("The \(what) must be 1 to \(maximumLength) characters long.")
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw SegmentsError.validation("The \(what) may not contain control characters.")
        }
    }

    static func known<E: OpenEnum>(_ value: E, what: String) throws {
        guard value.isKnown else { throw SegmentsError.validation("\"\(value.rawValue)\" is not a valid \(what).") }
    }

    static func finite(_ value: Double?, what: String) throws {
        if let value, !value.isFinite { throw SegmentsError.validation("The \(what) must be a finite number.") }
    }

    /// A lowercase canonical UUID, or "Not found." as the API answers malformed ones.
    static func uuid(_ text: String) throws -> String {
        guard let uuid = UUID(uuidString: text) else { throw SegmentsError.notFound("Not found.") }
        return uuid.uuidString.lowercased()
    }
}

enum Identifiers {
    static func newUUID() -> String { UUID().uuidString.lowercased() }
}

extension SegmentsError {
    static let notFoundError = SegmentsError.notFound("Not found.")
    static let permissionDenied = SegmentsError.authorization("You do not have permission to perform this action.")
}
