import Foundation
import Testing

@testable import SegmentsAPI

@Suite("Every wire model round-trips losslessly")
struct ModelRoundTripTests {
    @Test("each generated model has examples in all four forms")
    func everyModelHasExamples() {
        let covered = Set(ModelExamples.all.map(\.model))
        #expect(covered == Set(GeneratedModels.names))
        for name in GeneratedModels.names {
            let forms = Set(ModelExamples.all.filter { $0.model == name }.map(\.form))
            #expect(forms == ["full", "nulls", "missing", "extra"], "\(name)")
        }
    }

    @Test("decode → encode gives back the same JSON", arguments: ModelExamples.all)
    func roundTrip(_ example: ModelExamples.Example) throws {
        let original = Data(example.json.utf8)
        let (first, second) = try example.roundTrip(original)
        let originalJSON = try JSONDecoder().decode(JSONValue.self, from: original)
        let encodedJSON = try JSONDecoder().decode(JSONValue.self, from: first)
        if example.form == "nulls" {
            // An optional field sent as null means the same as one left out; required-nullable
            // fields keep their null (checked by the Motion example).
            #expect(withoutNulls(encodedJSON) == withoutNulls(originalJSON), "\(example.model)")
        } else {
            #expect(encodedJSON == originalJSON, "\(example.model) \(example.form)")
        }
        #expect(first == second, "encoding is stable for \(example.model)")
    }

    @Test("a required-but-nullable field is written as null, not left out")
    func requiredNullableStaysNull() throws {
        let motion = Motion(relative: nil, absolute: 2)
        let json = try JSONValue(encoding: motion)
        #expect(json == ["relative": nil, "absolute": 2])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Motion.self, from: Data(#"{"absolute": 2}"#.utf8))
        }
    }

    private func withoutNulls(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(object.filter { !$0.value.isNull }.mapValues(withoutNulls))
        case .array(let items):
            return .array(items.map(withoutNulls))
        default:
            return value
        }
    }
}

extension ModelExamples.Example: CustomTestStringConvertible {
    var testDescription: String { "\(model) (\(form))" }
}
