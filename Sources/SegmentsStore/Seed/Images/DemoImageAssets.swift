import Foundation
import GRDB
import Images
import SegmentsAPI

/// The pictures of one demo dataset as workspace assets: each of the kind's scenes is
/// stored once (JPEG, plus the bitmap PNG for segmentation) and samples cycle through them.
/// Sample and label attributes refer to them as `segments-workspace:` references, which
/// responses turn into URLs that the embedded store and `serve` both answer.
struct DemoImageAssets {
    struct Slot {
        var scene: DemoScene
        var imageReference: String
        var bitmapReference: String?
        /// A clip's frame pictures, in order; empty for a still.
        var frameReferences: [String] = []

        /// The sample's attributes: an image, or a sequence of frames.
        var sampleAttributes: JSONValue {
            guard !frameReferences.isEmpty else { return ["image": ["url": .string(imageReference)]] }
            return ["frames": .array(frameReferences.map { ["image": ["url": .string($0)]] })]
        }
    }

    let kind: DemoScenes.Kind
    let datasetName: String
    let categoryCount: Int
    let poolSize: Int
    let owner: String
    let createdAt: String
    private var slots: [Int: Slot] = [:]
    /// Asset uuids come from their own generator, so the demo's other random choices stay as they were.
    private var uuids: SeededRandom

    init?(spec: DemoDatasetSpec, categoryCount: Int, samples: Int, createdAt: String) {
        guard let kind = DemoScenes.kind(for: spec.taskType) else { return nil }
        self.kind = kind
        datasetName = spec.name
        self.categoryCount = categoryCount
        poolSize = max(1, min(samples, DemoScenes.poolSize(kind)))
        owner = spec.owner
        self.createdAt = createdAt
        uuids = SeededRandom(seed: spec.name.utf8.reduce(0x00A5_5E75) { ($0 &* 31) &+ UInt64($1) })
    }

    /// The slot sample `index` shows; stored on first use.
    mutating func slot(forSample index: Int, db: Database, folder: URL) throws -> Slot {
        let number = index % poolSize
        if let known = slots[number] { return known }
        let scene = try DemoScenes.scene(kind, slot: number, categoryCount: categoryCount)
        let stem = "\(kind.rawValue)-\(number < 10 ? "0" : "")\(number)"
        let image = try store(scene.image, filename: "\(stem).jpg", db: db, folder: folder)
        let bitmap = try scene.bitmap.map { try store($0, filename: "\(stem)-label.png", db: db, folder: folder) }
        // A clip's first frame is the scene's own picture, stored once.
        let frames = try scene.frames.enumerated().map { index, frame in
            index == 0 ? image : try store(frame.image, filename: "\(stem)-frame\(index).jpg", db: db, folder: folder)
        }
        let slot = Slot(scene: scene, imageReference: image, bitmapReference: bitmap, frameReferences: frames)
        slots[number] = slot
        return slot
    }

    private mutating func store(_ data: Data, filename: String, db: Database, folder: URL) throws -> String {
        let asset = AssetNames(filename: filename, uuid: uuids.uuid())
        try Workspace.insertAsset(db, asset, createdBy: owner, createdAt: createdAt, uploaded: true)
        let file = folder.appendingPathComponent(asset.key)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file, options: .atomic)
        return WorkspaceURLs.reference(forKey: asset.key)
    }

    /// The label for a sample showing `slot`: the scene's own annotations (ground truth), or
    /// a model's guess at them (`jitter`: boxes and polygons shifted by a few pixels,
    /// now and then one object missed).
    static func label(for slot: Slot, jitter: inout SeededRandom?) -> JSONValue {
        guard slot.scene.frames.isEmpty else {
            var frames: [JSONValue] = []
            for frame in slot.scene.frames {
                var still = slot
                still.scene = frame
                still.frameReferences = []
                frames.append(Self.label(for: still, jitter: &jitter))
            }
            return ["format_version": "0.1", "frames": .array(frames)]
        }
        var annotations = slot.scene.annotations
        if var random = jitter {
            annotations = annotations.compactMap { annotation -> JSONValue? in
                guard var object = annotation.objectValue else { return annotation }
                if annotations.count > 1 && random.chance(0.1) { return nil }
                if let points = object["points"]?.arrayValue {
                    let dx = Double(random.int(-12...12)), dy = Double(random.int(-12...12))
                    object["points"] = .array(points.map { pair in
                        guard let values = pair.arrayValue, values.count == 2,
                            let x = values[0].doubleValue, let y = values[1].doubleValue
                        else { return pair }
                        return DemoAnnotation.point(x + dx, y + dy)
                    })
                }
                return .object(object)
            }
            jitter = random
        }
        var label: JSONObject = ["format_version": "0.1", "annotations": .array(annotations)]
        if let bitmap = slot.bitmapReference { label["segmentation_bitmap"] = ["url": .string(bitmap)] }
        return .object(label)
    }
}
