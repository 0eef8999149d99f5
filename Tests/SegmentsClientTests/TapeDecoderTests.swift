import Foundation
import SegmentsAPI
import SegmentsStore
import Testing
@testable import SegmentsClient

/// The client decodes answers with `TapeDecoder` first; it must give exactly what
/// JSONDecoder gives, or decline (`TapeDecoding.Unsure`) so that JSONDecoder answers.
@Suite("Tape decoder")
struct TapeDecoderTests {
    /// The tape decoder's answer, or nil when it declined.
    static func fast<T: Decodable>(_ type: T.Type, _ data: Data) -> T? {
        do {
            return try TapeDecoder.decode(T.self, from: data)
        } catch is TapeDecoding.Unsure {
            return nil
        } catch {
            Issue.record("declined with \(error) instead of Unsure")
            return nil
        }
    }

    static func expectAgrees<T: Decodable & Equatable>(
        _ type: T.Type, _ data: Data, mustTakeFastPath: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let reference = try? JSONDecoder().decode(T.self, from: data)
        let text = String(decoding: data.prefix(200), as: UTF8.self)
        guard let fast = fast(T.self, data) else {
            #expect(!mustTakeFastPath, "declined: \(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(fast == reference, "\(text)", sourceLocation: sourceLocation)
    }

    @Test("sample pages of every demo dataset, as serve writes them, decode as with JSONDecoder")
    func demoPages() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segments-tape-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try await Workspace(folder: folder, options: WorkspaceOptions(releaseJobs: .held))
        let summary = try await DemoSeed.seed(into: workspace, samplesPerDataset: 40, largeDatasetSamples: 40)
        let store = workspace.store(actingAs: "jane", baseURL: "http://127.0.0.1:8321")
        for dataset in summary.datasets {
            for query in [SampleQuery(), SampleQuery(labelset: "ground-truth"),
                          SampleQuery(labelset: "ground-truth", includeFullLabel: true)] {
                let page = Data(try await store.getSamplesJSON(dataset, query: query))
                Self.expectAgrees([Sample].self, page, mustTakeFastPath: true)
            }
            let encoded = try JSONEncoder().encode(try await store.getDataset(dataset))
            Self.expectAgrees(Dataset.self, encoded, mustTakeFastPath: true)
        }
        let datasets = try await store.getDatasets(user: nil, perPage: 1000, page: 1)
        Self.expectAgrees([Dataset].self, try JSONEncoder().encode(datasets), mustTakeFastPath: true)
        Self.expectAgrees([SegmentsAPI.Issue].self, try JSONEncoder().encode(try await store.getIssues("jane/street-scenes")),
                          mustTakeFastPath: true)
        Self.expectAgrees(User.self, try JSONEncoder().encode(try await store.getUser(nil)), mustTakeFastPath: true)
        await workspace.shutdown()
    }

    @Test("numbers read as JSONDecoder reads them, or are left to it", arguments: [
        "[0, 7, -12, 120.0, 1e2, 1E+2, 0.5, 1e-05, 1e+20, 0.1, 4.5e15, -3.0e1, 1.0000000000000001, 100e-2]",
        "[-0]", "[-0.0]", "[12345678901234567.0]", "[9007199254740993.0]", "[1234567890123456789]",
        "[9223372036854775807]", "[9223372036854775808]", "[1e400]", "[1e-400]", "[01]", "[1.]", "[.5]", "[+1]",
        "[1e]", "[-]", "[5e-324]",
    ])
    func numbers(_ text: String) {
        Self.expectAgrees([JSONValue].self, Data(text.utf8))
        Self.expectAgrees([Double].self, Data(text.utf8))
        Self.expectAgrees([Int].self, Data(text.utf8))
        Self.expectAgrees([Int8].self, Data(text.utf8))
    }

    @Test("the common numbers take the fast path")
    func commonNumbers() {
        Self.expectAgrees(
            [JSONValue].self, Data("[0, 7, -12, 120.0, 1e2, 0.5, 1e-05, 1e+20, 0.1]".utf8), mustTakeFastPath: true)
    }

    @Test("strings, escapes and odd documents read as JSONDecoder reads them, or are left to it", arguments: [
        #"["plain", "q\"uote", "back\\slash", "a\/b", "\b\f\n\r\t", "\u0041\u00e9\u6771", "\ud83d\ude97", "東京 🚗"]"#,
        #"["\ud83d"]"#, #"["\ude97x"]"#, #"["\u12"]"#, #"["\x"]"#, "[\"raw\ttab\"]", #"{"a": 1, "a": 2}"#,
        #"{"a": 1,}"#, "[1, 2", "[1] x", " \n[true, false, null]\t", "nul", #"{"a" 1}"#, "[\"unterminated]",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func strings(_ text: String) {
        Self.expectAgrees(JSONValue.self, Data(text.utf8))
        Self.expectAgrees([String].self, Data(text.utf8))
    }

    @Test("invalid UTF-8 is left to JSONDecoder")
    func invalidUTF8() {
        let data = Data([UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")])
        #expect(Self.fast(JSONValue.self, data) == nil)
    }

    @Test("models: missing fields, wrong types and unknown fields behave as with JSONDecoder")
    func models() throws {
        let sample = #"""
            {"uuid": "u", "name": "n", "metadata": {"k": [1, {"x": null}]}, "created_at": "t", "created_by": "jane",
             "priority": 2, "label": {"label_status": "LABELED", "score": 0.5}, "dataset_full_name": "jane/d",
             "something_new": {"v": 1}, "assigned_labeler": null}
            """#
        Self.expectAgrees(Sample.self, Data(sample.utf8), mustTakeFastPath: true)
        let full = #"""
            {"uuid": "u", "name": "n", "metadata": {}, "created_at": "t", "created_by": "jane", "priority": 1.5,
             "label": {"sample_uuid": "u", "label_type": "new-type", "label_status": "NEW", "labelset": "gt",
                       "attributes": {"format_version": "0.1", "annotations": []}, "created_at": "t",
                       "created_by": "c", "updated_at": "t"}}
            """#
        Self.expectAgrees(Sample.self, Data(full.utf8), mustTakeFastPath: true)
        // A key twice (JSONDecoder keeps the first) and a key spelled with an escape.
        let twice = #"{"uuid": "u", "name": "first", "name": "second", "metadata": {}, "created_at": "t", "created_by": "j", "priority": 1}"#
        Self.expectAgrees(Sample.self, Data(twice.utf8))
        let escapedKey = #"{"uuid": "u", "na\u006de": "n", "metadata": {"k\u00e9": 1}, "created_at": "t", "created_by": "j", "priority": 1}"#
        Self.expectAgrees(Sample.self, Data(escapedKey.utf8))
        for broken in [
            #"{"name": "n", "metadata": {}, "created_at": "t", "created_by": "j", "priority": 1}"#,
            #"{"uuid": "u", "name": "n", "metadata": {}, "created_at": "t", "created_by": "j", "priority": "high"}"#,
            #"{"uuid": 5, "name": "n", "metadata": {}, "created_at": "t", "created_by": "j", "priority": 1}"#,
            #"{"uuid": "u", "name": "n", "metadata": [], "created_at": "t", "created_by": "j", "priority": 1}"#,
        ] {
            #expect(Self.fast(Sample.self, Data(broken.utf8)) == nil)
            #expect((try? JSONDecoder().decode(Sample.self, from: Data(broken.utf8))) == nil)
        }
    }
}
