import Foundation
import SegmentsAPI
import SegmentsClient
import Testing

/// Bad input must fail with a clear error, change nothing, and fail the same way on both backends.
@Suite("Conformance: bad input")
struct BadInputConformanceTests {
    /// One bad call, run against a dataset jane/cars (bboxes) with sample a.png.
    struct BadCall: Sendable, CustomTestStringConvertible {
        let name: String
        let call: @Sendable (any SegmentsService, _ sampleUUID: String) async throws -> Void
        var testDescription: String { name }
    }

    static let calls: [BadCall] = [
        BadCall(name: "empty dataset name") { service, _ in _ = try await service.addDataset(NewDataset(name: "")) },
        BadCall(name: "dataset name with a slash") { service, _ in _ = try await service.addDataset(NewDataset(name: "a/b")) },
        BadCall(name: "sample attributes that fit no shape") { service, _ in
            _ = try await service.addSample("jane/cars", NewSample(name: "x.png", attributes: SampleAttributes(json: [:])))
        },
        BadCall(name: "empty sample name") { service, _ in
            _ = try await service.addSample("jane/cars", NewSample(name: "", attributes: imageAttributes("x.png")))
        },
        BadCall(name: "label attributes that fit no shape") { service, uuid in
            _ = try await service.addLabel(sampleUUID: uuid, labelset: "ground-truth", attributes: LabelAttributes(json: [:]))
        },
        BadCall(name: "assigning a labeler who is not a user") { service, uuid in
            _ = try await service.updateSample(uuid, SampleUpdate(assignedLabeler: .value("nobody-xyz")))
        },
        BadCall(name: "empty labelset name") { service, _ in _ = try await service.addLabelset("jane/cars", name: "") },
        BadCall(name: "empty release name") { service, _ in _ = try await service.addRelease("jane/cars", name: "") },
    ]

    @Test("bad input fails on both backends with the same error kind and changes nothing", arguments: calls)
    func badInputFailsAlike(_ bad: BadCall) async throws {
        var kinds: [Backend: String] = [:]
        for backend in Backend.allCases {
            try await withBackend(backend) { fx in
                _ = try await fx.jane.addDataset(NewDataset(name: "cars", taskType: .bboxes, taskAttributes: bboxTaskAttributes))
                let sample = try await fx.jane.addSample("jane/cars", NewSample(name: "a.png", attributes: imageAttributes("a.png")))
                let before = try await fx.jane.getSamples("jane/cars", labelset: "ground-truth")
                let datasetsBefore = try await fx.jane.getDatasets().count
                kinds[backend] = await errorKind { try await bad.call(fx.jane, sample.uuid) }
                #expect(try await fx.jane.getSamples("jane/cars", labelset: "ground-truth") == before, "\(backend)")
                #expect(try await fx.jane.getDatasets().count == datasetsBefore, "\(backend)")
                #expect(try await fx.jane.getLabelsets("jane/cars").count == 1, "\(backend)")
                #expect(try await fx.jane.getReleases("jane/cars").isEmpty, "\(backend)")
            }
        }
        #expect(kinds[.store] != "no error" && kinds[.http] != "no error", "\(kinds)")
        #expect(kinds[.store] == kinds[.http], "store and HTTP disagree: \(kinds)")
    }
}
