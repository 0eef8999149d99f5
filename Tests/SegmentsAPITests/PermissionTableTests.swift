import Foundation
import SegmentsAPI
import Testing

@Suite("Permission table")
struct PermissionTableTests {
    /// docs/permissions.md, found from this file's place in the repository.
    static func documentedTable() throws -> String {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("docs/permissions.md"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("|") }
            .joined(separator: "\n")
    }

    @Test("docs/permissions.md shows exactly DatasetAction's table")
    func documentMatchesCode() throws {
        let documented = try Self.documentedTable()
        #expect(documented == DatasetAction.markdownTable, "regenerate the table in docs/permissions.md:\n\(DatasetAction.markdownTable)")
    }

    @Test("levels rise with the roles; owners report as admins; unknown roles give no level")
    func levels() {
        #expect(AccessLevel.allCases == AccessLevel.allCases.sorted())
        #expect(AccessLevel(role: .manager) == .manager)
        #expect(AccessLevel(role: .unknown("boss")) == nil)
        #expect(AccessLevel.owner.roleName == "admin")
        #expect(AccessLevel.publicReader.roleName == nil)
        #expect(DatasetAction.allCases.allSatisfy { $0.requiredLevel > .none }, "nothing is allowed on an invisible dataset")
        #expect(DatasetAction.writingLabel(.reviewed) == .review)
        #expect(DatasetAction.writingLabel(.labeled) == .label)
    }
}
