import Foundation
import Images
import SegmentsAPI
import Synchronization

/// One demo picture and the label that matches it: the seed draws the objects first and
/// writes their outlines as the ground truth, so boxes sit on cars and masks on petals.
struct DemoScene: Sendable {
    /// The photo, JPEG-encoded.
    var image: Data
    /// Label annotations in image pixels (vector kinds) or `{id, category_id}` (segmentation).
    var annotations: [JSONValue]
    /// The segmentation bitmap (instance ids in RGBA), PNG-encoded, for segmentation datasets.
    var bitmap: Data?
    var size: PixelSize
    /// A clip's frames, each with its own picture and annotations; empty for a still.
    /// The scene itself is the first frame.
    var frames: [DemoScene] = []
}

/// Draws the scenes and remembers them for the process: tests seed many workspaces, and a
/// scene depends only on (kind, slot, categories), never on the workspace.
enum DemoScenes {
    enum Kind: String, Sendable {
        case street, flowers, parkingLot, streetClip

        /// Frames per clip of the sequence kinds.
        static let clipFrames = 6
    }

    /// How many distinct pictures a dataset of this kind cycles through: enough to look
    /// varied, few enough that seeding stays quick (100k samples reuse them).
    static func poolSize(_ kind: Kind) -> Int {
        switch kind {
        case .street: 16
        case .flowers: 10
        case .parkingLot: 6
        case .streetClip: 3
        }
    }

    static func kind(for taskType: TaskType) -> Kind? {
        switch taskType {
        case .bboxes, .keypoints: .street
        case .segmentationBitmap, .segmentationBitmapHighres: .flowers
        case .vector: .parkingLot
        case .imageVectorSequence: .streetClip
        default: nil
        }
    }

    private static let memo = Mutex<[String: DemoScene]>([:])

    static func scene(_ kind: Kind, slot: Int, categoryCount: Int) throws -> DemoScene {
        let key = "\(kind.rawValue)/\(slot)/\(categoryCount)"
        if let known = memo.withLock({ $0[key] }) { return known }
        // Each scene has its own generator, so scenes do not depend on the order they are drawn in.
        var random = SeededRandom(seed: 0x5EED_1A6E ^ UInt64(slot) &* 0x9E37_79B9 ^ UInt64(kind.rawValue.count) << 40)
        let painted: DemoScene
        switch kind {
        case .street: painted = try StreetPainter.paint(&random, categoryCount: categoryCount)
        case .flowers: painted = try FlowerPainter.paint(&random, categoryCount: categoryCount)
        case .parkingLot: painted = try ParkingPainter.paint(&random, categoryCount: categoryCount)
        case .streetClip: painted = try StreetPainter.paintClip(&random, categoryCount: categoryCount, frames: Kind.clipFrames)
        }
        memo.withLock { $0[key] = painted }
        return painted
    }
}

extension SeededRandom {
    mutating func color(_ base: RGBColor, spread: Int) -> RGBColor {
        func vary(_ value: UInt8) -> UInt8 { UInt8(max(0, min(255, Int(value) + int(-spread...spread)))) }
        return RGBColor(red: vary(base.red), green: vary(base.green), blue: vary(base.blue))
    }
}

/// JSON helpers for annotations.
enum DemoAnnotation {
    static func point(_ x: Double, _ y: Double) -> JSONValue { [.double(x.rounded()), .double(y.rounded())] }

    /// `trackID`: the object this box follows through a sequence's frames.
    static func box(id: Int, category: Int, x0: Int, y0: Int, x1: Int, y1: Int, trackID: Int? = nil) -> JSONValue {
        var box: JSONObject = [
            "id": .int(Int64(id)), "category_id": .int(Int64(category)), "type": "bbox",
            "points": [point(Double(x0), Double(y0)), point(Double(x1), Double(y1))],
        ]
        if let trackID { box["track_id"] = .int(Int64(trackID)) }
        return .object(box)
    }

    static func polygon(id: Int, category: Int, _ points: [ImagePoint]) -> JSONValue {
        [
            "id": .int(Int64(id)), "category_id": .int(Int64(category)), "type": "polygon",
            "points": .array(points.map { point($0.x, $0.y) }),
        ]
    }
}
