import SegmentsAPI

/// A segmentation label's bitmap: a PNG whose pixels hold instance ids in RGBA, read as
/// the SDK reads it (`R + G·256 + B·65536`, alpha ignored; 0 is "no instance").
public struct SegmentationMask: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// One instance id per pixel, row by row.
    public let instanceIDs: [UInt32]

    public init(bitmap: RGBAImage) {
        width = bitmap.width
        height = bitmap.height
        var ids = [UInt32](repeating: 0, count: bitmap.width * bitmap.height)
        bitmap.bytes.withUnsafeBufferPointer { bytes in
            for index in ids.indices {
                let offset = index * 4
                ids[index] = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            }
        }
        instanceIDs = ids
    }

    /// The colour that stands for an instance id in a bitmap.
    public static func color(forInstance id: UInt32) -> RGBColor {
        RGBColor(red: UInt8(id & 0xFF), green: UInt8((id >> 8) & 0xFF), blue: UInt8((id >> 16) & 0xFF))
    }

    /// The bitmap encoding of instance ids (what a label's PNG holds), for writers and tests.
    public static func encode(instanceIDs: [UInt32], width: Int, height: Int) -> RGBAImage? {
        guard instanceIDs.count == width * height else { return nil }
        var bytes = [UInt8](repeating: 255, count: width * height * 4)
        for (index, id) in instanceIDs.enumerated() {
            let color = color(forInstance: id)
            bytes[index * 4] = color.red
            bytes[index * 4 + 1] = color.green
            bytes[index * 4 + 2] = color.blue
        }
        return RGBAImage(width: width, height: height, bytes: bytes)
    }

    /// Blends each instance's category colour over `image` at `opacity`. The mask is
    /// stretched to the image (nearest pixel) when their sizes differ, as when the
    /// photo was decoded scaled down. Instances the label does not list are left alone.
    public func blend(
        over image: inout RGBAImage, annotations: [SegmentationAnnotation], palette: CategoryPalette,
        opacity: Double = 0.5
    ) {
        guard width > 0, height > 0, image.width > 0, image.height > 0 else { return }
        var colors: [UInt32: RGBColor] = [:]
        for annotation in annotations where annotation.id >= 0 {
            colors[UInt32(truncatingIfNeeded: annotation.id)] = palette.color(for: annotation.categoryID)
        }
        guard !colors.isEmpty else { return }
        let opacity = max(0, min(1, opacity))
        for y in 0..<image.height {
            let maskRow = min(height - 1, y * height / image.height) * width
            for x in 0..<image.width {
                let id = instanceIDs[maskRow + min(width - 1, x * width / image.width)]
                guard id != 0, let color = colors[id] else { continue }
                image.blend(x: x, y: y, color: color, opacity: opacity)
            }
        }
    }
}
