import Foundation
import SegmentsAPI

/// The look of the demo data per task type: sample names, metadata, media
/// attributes and label geometry that stays inside the image bounds.
struct DemoContent: Sendable {
    let spec: DemoDatasetSpec
    let categoryCount: Int

    /// The label statuses in the order the first samples get them (UNLABELED = no label).
    static let statuses: [LabelStatus] = [
        .prelabeled, .labelingInProgress, .labeled, .reviewingInProgress, .reviewed, .rejected, .skipped, .verified,
    ]
    static let cities = ["London", "Paris", "Berlin", "東京", "Amsterdam", "São Paulo", "Zürich"]
    static let weathers = ["sunny", "rain", "fog", "snow", "🌧 drizzle"]
    static let issueTexts = [
        "Box is too loose around the car on the left.", "Missing pedestrian behind the bus.",
        "Wrong category: this is a cyclist, not a pedestrian.", "Polygon crosses the building edge.",
        "Cuboid yaw looks off by ~90°.", "ラベルが欠けています (label missing)", "Occlusion flag should be set 🚧",
        "Duplicate annotation on the same object.",
    ]
    static let commentTexts = [
        "Agreed, fixing it now.", "Fixed in the latest version.", "Can you double-check the frame before?",
        "Not sure — the object is mostly hidden.", "👍 looks good now", "確認しました。", "Reopening: still wrong on zoom.",
    ]

    var imageSize: (width: Int, height: Int) {
        switch spec.taskType {
        case .segmentationBitmap: (1024, 768)
        case .vector: (2048, 2048)
        default: (1920, 1080)
        }
    }

    /// Mostly `frame_00042.jpg`; every fortieth name is Japanese text or emoji.
    func sampleName(index: Int) -> String {
        let number = String(repeating: "0", count: max(0, 5 - String(index).count)) + String(index)
        // A clip is a folder of frames, so its name has no extension.
        let clip = spec.taskType == .imageVectorSequence
        let suffix = spec.taskType.isPointcloud ? ".pcd" : clip ? "" : ".jpg"
        switch index % 40 {
        case 7: return "東京_渋谷交差点_\(number)\(suffix)"
        case 17: return "🚗_駐車場_\(number)\(suffix)"
        case 27: return "café_🌧_\(number)\(suffix)"
        case 37: return "大阪の夜景_\(number)\(suffix)"
        default: return (clip ? "clip_" : "frame_") + number + suffix
        }
    }

    func metadata(_ random: inout SeededRandom, index: Int) -> JSONObject {
        var metadata: JSONObject = [
            "city": .string(random.pick(Self.cities)), "weather": .string(random.pick(Self.weathers)),
            "frame": .int(Int64(index)),
        ]
        if spec.isLarge { return metadata }
        metadata["camera"] = .string(random.pick(["front", "rear", "left", "right"]))
        metadata["night"] = .bool(random.chance(0.3))
        metadata["quality"] = .double((random.double(0.5...1.0) * 100).rounded() / 100)
        return metadata
    }

    func sampleAttributes(index: Int) -> JSONValue {
        let base = "https://demo.segments-tui.invalid/\(spec.name)/\(index)"
        if spec.taskType.isPointcloud {
            return ["pcd": ["url": .string(base + ".pcd"), "type": "pcd"], "name": .string("sweep \(index)")]
        }
        return ["image": ["url": .string(base + ".jpg")]]
    }

    func label(_ random: inout SeededRandom, index: Int) -> JSONValue {
        let count = random.int(1...5)
        let annotations: [JSONValue] = (1...count).map { id in
            let category = Int64(random.int(1...categoryCount))
            switch spec.taskType {
            case .pointcloudCuboid: return cuboid(&random, id: Int64(id), category: category)
            case .vector: return polygon(&random, id: Int64(id), category: category)
            case .segmentationBitmap: return ["id": .int(Int64(id)), "category_id": .int(category)]
            default: return box(&random, id: Int64(id), category: category)
            }
        }
        var label: JSONObject = ["format_version": "0.1", "annotations": .array(annotations)]
        if spec.taskType == .segmentationBitmap {
            label["segmentation_bitmap"] = [
                "url": .string("https://demo.segments-tui.invalid/\(spec.name)/labels/\(index).png")
            ]
        }
        return .object(label)
    }

    private func box(_ random: inout SeededRandom, id: Int64, category: Int64) -> JSONValue {
        let (x1, y1, x2, y2, occluded) = boxGeometry(&random)
        return [
            "id": .int(id), "category_id": .int(category), "type": "bbox",
            "points": [[.double(Double(x1)), .double(Double(y1))], [.double(Double(x2)), .double(Double(y2))]],
            "attributes": ["occluded": .bool(occluded)],
        ]
    }

    /// A box's random choices, in the order `box` has always made them.
    private func boxGeometry(_ random: inout SeededRandom) -> (Int, Int, Int, Int, Bool) {
        let (width, height) = imageSize
        let x1 = random.int(0...(width - 40)), y1 = random.int(0...(height - 40))
        let x2 = min(width, x1 + random.int(20...400)), y2 = min(height, y1 + random.int(20...300))
        return (x1, y1, x2, y2, random.chance(0.2))
    }

    /// Makes the random choices of `label` without building it, for a label that a demo
    /// picture's own annotations replace: every later choice of the demo stays what it was,
    /// and a million-sample seed does not build a million labels to drop them.
    func skipLabel(_ random: inout SeededRandom, index: Int) {
        switch spec.taskType {
        case .pointcloudCuboid, .vector, .segmentationBitmap:
            _ = label(&random, index: index)
        default:
            let count = random.int(1...5)
            for _ in 1...count {
                _ = random.int(1...categoryCount)
                _ = boxGeometry(&random)
            }
        }
    }

    private func polygon(_ random: inout SeededRandom, id: Int64, category: Int64) -> JSONValue {
        let (width, height) = imageSize
        let radius = Double(random.int(20...150))
        let centerX = Double(random.int(Int(radius)...(width - Int(radius))))
        let centerY = Double(random.int(Int(radius)...(height - Int(radius))))
        let corners = random.int(3...7)
        let points: [JSONValue] = (0..<corners).map { corner in
            let angle = Double(corner) / Double(corners) * 2 * Double.pi
            let distance = radius * random.double(0.6...1.0)
            let x = min(Double(width), max(0, (centerX + distance * cos(angle)).rounded()))
            let y = min(Double(height), max(0, (centerY + distance * sin(angle)).rounded()))
            return [.double(x), .double(y)]
        }
        return ["id": .int(id), "category_id": .int(category), "type": "polygon", "points": .array(points)]
    }

    private func cuboid(_ random: inout SeededRandom, id: Int64, category: Int64) -> JSONValue {
        let sizes: [(Double, Double, Double)] = [(4.5, 1.9, 1.5), (9.0, 2.5, 3.5), (0.6, 0.6, 1.8), (2.1, 0.8, 1.4)]
        let size = sizes[Int(category - 1) % sizes.count]
        func round(_ value: Double) -> JSONValue { .double((value * 100).rounded() / 100) }
        return [
            "id": .int(id), "category_id": .int(category), "type": "cuboid",
            "position": ["x": round(random.double(-40...60)), "y": round(random.double(-15...15)), "z": round(size.2 / 2)],
            "dimensions": ["x": round(size.0), "y": round(size.1), "z": round(size.2)],
            "yaw": round(random.double(-Double.pi...Double.pi)),
        ]
    }
}
