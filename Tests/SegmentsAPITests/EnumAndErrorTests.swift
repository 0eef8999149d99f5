import Foundation
import Testing

@testable import SegmentsAPI

@Suite("Enums and errors")
struct EnumAndErrorTests {
    @Test("a value the API adds later decodes to unknown with its raw string, and encodes back")
    func unknownEnumValue() throws {
        let status = try JSONDecoder().decode(LabelStatus.self, from: Data(#""NEEDS_SECOND_LOOK""#.utf8))
        #expect(status == .unknown("NEEDS_SECOND_LOOK"))
        #expect(!status.isKnown)
        #expect(String(decoding: try JSONEncoder().encode(status), as: UTF8.self) == #""NEEDS_SECOND_LOOK""#)
        #expect(TaskType(rawValue: "hologram") == .unknown("hologram"))
        #expect(Role(knownRawValue: "owner") == nil)
    }

    @Test("enum values are case-sensitive, as the API's")
    func caseSensitive() {
        #expect(LabelStatus(rawValue: "labeled") == .unknown("labeled"))
        #expect(Role(rawValue: "LABELER") == .unknown("LABELER"))
        #expect(IssueStatus(rawValue: "OPEN") == .open)
        #expect(TaskType(rawValue: "") == TaskType.none)
    }

    @Test("every known case reads back from its wire string")
    func knownCasesRoundTrip() {
        for value in TaskType.knownCases { #expect(TaskType(rawValue: value.rawValue) == value) }
        for value in LabelStatus.knownCases { #expect(LabelStatus(rawValue: value.rawValue) == value) }
        for value in Role.knownCases { #expect(Role(rawValue: value.rawValue) == value) }
        for value in Category.knownCases { #expect(Category(rawValue: value.rawValue) == value) }
        #expect(LabelStatus.knownCases.count == 9)
        #expect(TaskType.knownCases.count == 15)
        #expect(Category.knownCases.count == 8)
    }

    @Test("a missing required field gives an error that names the field and the model")
    func missingFieldNamed() {
        let json = #"{"uuid": "u", "name": "a.png", "metadata": {}, "created_by": "jane", "priority": 0}"#
        do {
            _ = try ModelDecoding.decode(Sample.self, from: Data(json.utf8))
            Issue.record("decoding should have failed")
        } catch let error as SegmentsError {
            guard case .validation(let message) = error else {
                Issue.record("expected validation, got \(error)")
                return
            }
            #expect(message.contains("`created_at`"))
            #expect(message.contains("Sample"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a nested missing field names its path")
    func nestedMissingFieldNamed() {
        let json = #"[{"user": {"username": "bob", "is_organization": false}, "role": "admin"}]"#
        #expect {
            _ = try ModelDecoding.decode([Collaborator].self, from: Data(json.utf8))
        } throws: { error in
            guard case SegmentsError.validation(let message) = error else { return false }
            return message.contains("`created_at`") && message.contains("[0].user")
        }
    }

    struct Mapping: Sendable, CustomTestStringConvertible {
        let status: Int
        let body: String
        let kind: String
        var testDescription: String { "\(status) \(body) → \(kind)" }
    }

    static let mappings: [Mapping] = [
        Mapping(status: 404, body: #"{"detail": "Not found."}"#, kind: "NotFoundError"),
        Mapping(status: 400, body: #"{"detail": "This sample does not exist."}"#, kind: "NotFoundError"),
        Mapping(status: 404, body: #"{"detail": "Invalid page."}"#, kind: "NotFoundError"),
        Mapping(status: 400, body: #"{"detail": "A dataset with this name already exists."}"#, kind: "AlreadyExistsError"),
        Mapping(status: 400, body: #"{"detail": "You already have a release with this name."}"#, kind: "AlreadyExistsError"),
        Mapping(status: 400, body: #"{"detail": "User is already a collaborator."}"#, kind: "CollaboratorError"),
        Mapping(status: 400, body: "bob cannot be added as collaborator", kind: "CollaboratorError"),
        Mapping(status: 401, body: #"{"detail": "Authentication credentials were not provided."}"#, kind: "AuthenticationError"),
        Mapping(status: 403, body: #"{"detail": "You do not have permission to perform this action."}"#, kind: "AuthorizationError"),
        Mapping(status: 403, body: "You need to be an administrator", kind: "AuthorizationError"),
        Mapping(status: 402, body: "Your free trial ended", kind: "SubscriptionError"),
        Mapping(status: 504, body: "Gateway Time-out", kind: "TimeoutError"),
        Mapping(status: 429, body: #"{"detail": "Request was throttled."}"#, kind: "APILimitError"),
        Mapping(status: 500, body: "Internal Server Error", kind: "NetworkError"),
        Mapping(status: 400, body: #"{"name": ["This field is required."]}"#, kind: "NetworkError"),
        // Order matters: "not found" wins over "already exists", as in the SDK.
        Mapping(status: 400, body: "already exists but not found", kind: "NotFoundError"),
    ]

    @Test("error answers map to the SDK's exception classes", arguments: mappings)
    func errorMapping(_ mapping: Mapping) {
        let error = SegmentsError.fromHTTPResponse(status: mapping.status, body: mapping.body)
        #expect(error.kind == mapping.kind)
    }

    @Test("the message is the server's detail, and field errors read as sentences")
    func readableMessages() {
        #expect(SegmentsError.fromHTTPResponse(status: 404, body: #"{"detail": "Not found."}"#).message == "Not found.")
        let fieldError = SegmentsError.fromHTTPResponse(status: 400, body: #"{"name": ["This field is required."]}"#)
        #expect(fieldError.message.contains("name: This field is required."))
        let limited = SegmentsError.fromHTTPResponse(status: 429, body: "throttled", retryAfter: 3)
        #expect(limited == .apiLimit("throttled", retryAfter: 3))
    }

    @Test("the category is asked by value; the kind is the category's SDK name")
    func categories() {
        let notFound = SegmentsError.fromHTTPResponse(status: 404, body: #"{"detail": "Not found."}"#)
        #expect(notFound.category == .notFound && notFound.isNotFound)
        #expect(!SegmentsError.validation("x").isNotFound)
        #expect(Set(SegmentsError.Category.allCases.map(\.sdkName)).count == SegmentsError.Category.allCases.count)
        #expect(SegmentsError.apiLimit("slow", retryAfter: 2).kind == SegmentsError.Category.apiLimit.sdkName)
    }
}
