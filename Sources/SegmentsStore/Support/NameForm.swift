import Foundation

/// One rule for names typed by people (sample and release names, metadata keys
/// and values as filters see them): they are stored and compared in Unicode
/// NFC, as the web would, so `café` typed as `e` + U+0301 and as `é` is one name
/// and never two (issue 16, item 5). SQLite compares bytes, so the store
/// normalises on the way in, both what it writes and what it looks up.
enum NameForm {
    static func nfc(_ text: String) -> String {
        // Pure ASCII is its own NFC; skip Foundation's bridging for the common case.
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when the two spell the same characters with the same scalars (Swift's `==`
    /// calls canonically equivalent strings equal, which hides a rename between forms).
    static func identical(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.elementsEqual(rhs.unicodeScalars)
    }
}
