import Foundation
import SegmentsAPI

/// What to show for a sample: its image, the label to draw on it and the categories' colours.
public struct SampleImageRequest: Hashable, Sendable {
    public var imageURL: String
    public var label: LabelContent?
    public var palette: CategoryPalette
    /// The pixel size the picture will be shown at; JPEGs are decoded to about this.
    public var target: PixelSize
    public var style: LabelOverlay.Style

    public init(
        imageURL: String, label: LabelContent?, palette: CategoryPalette, target: PixelSize,
        style: LabelOverlay.Style = LabelOverlay.Style()
    ) {
        self.imageURL = imageURL
        self.label = label
        self.palette = palette
        self.target = target
        self.style = style
    }
}

/// Bytes → pixels with labels, through the caches: decoded images in memory (bounded),
/// fetched bytes of remote images on disk (bounded, LRU), and `SegmentsService.fetchAsset`
/// for the rest. Safe to share; every call may run on any task and honours cancellation.
public final class SampleImageLoader: Sendable {
    private let service: any SegmentsService
    private let memory: MemoryCache<String, DecodedImage>
    private let disk: DiskCache?

    /// 24 MiB: about a dozen terminal-sized photos (2 MiB each at 960×540), room for triage's
    /// prefetch and going back a few samples, within the 80 MB for the whole browser.
    public static let defaultMemoryBytes = 24 << 20

    /// `memoryBytes` bounds the decoded images kept.
    public init(service: any SegmentsService, disk: DiskCache?, memoryBytes: Int = SampleImageLoader.defaultMemoryBytes) {
        self.service = service
        self.disk = disk
        memory = MemoryCache(capacityBytes: memoryBytes)
    }

    /// The picture with its label drawn on it.
    public func load(_ request: SampleImageRequest) async throws -> RGBAImage {
        let photo = try await decoded(request.imageURL, target: request.target)
        try Task.checkCancellation()
        switch request.label {
        case .imageVector(let label)?:
            return LabelOverlay.draw(LabelShape.shapes(of: label), on: photo, palette: request.palette, style: request.style)
        case .imageSegmentation(let label)?:
            guard let bitmapURL = label.segmentationBitmap.url else { return photo.image }
            // The bitmap is decoded at full size: instance ids must not be blended by scaling.
            let bitmap = try await decoded(bitmapURL, target: nil)
            return LabelOverlay.draw(
                segmentation: label, bitmap: bitmap.image, on: photo, palette: request.palette, style: request.style)
        default:
            return photo.image
        }
    }

    /// The picture with its label drawn on it, and the category names to show at its shapes.
    public func picture(_ request: SampleImageRequest) async throws -> (image: RGBAImage, captions: [LabelCaption]) {
        let image = try await load(request)
        guard case .imageVector(let label)? = request.label else { return (image, []) }
        // `load` just left the decoded photo in the memory cache, so this is normally a lookup.
        let original = try await decoded(request.imageURL, target: request.target).originalSize
        return (image, LabelCaption.captions(for: LabelShape.shapes(of: label), originalSize: original, palette: request.palette))
    }

    /// Fetches and decodes into the caches without drawing (triage prefetch).
    public func prefetch(_ url: String, target: PixelSize) async {
        _ = try? await decoded(url, target: target)
    }

    /// A decoded image from memory, else from bytes (disk cache, else fetched).
    public func decoded(_ url: String, target: PixelSize?) async throws -> DecodedImage {
        let key = target.map { "\($0.width)x\($0.height) \(url)" } ?? "full \(url)"
        if let cached = memory.value(for: key) { return cached }
        let asset = try await bytes(url)
        try Task.checkCancellation()
        let image = try ImageDecoder.decode(asset.data, contentType: asset.contentType, fitting: target)
        memory.insert(image, for: key)
        return image
    }

    private func bytes(_ url: String) async throws -> AssetContent {
        // Only remote images go to the disk cache; workspace files are on disk already.
        let remote = url.hasPrefix("http://") || url.hasPrefix("https://")
        if remote, let disk, let hit = disk.read(url: url) {
            return AssetContent(data: hit.data, contentType: hit.contentType)
        }
        let asset = try await service.fetchAsset(url)
        if remote, let disk { disk.write(url: url, data: asset.data, contentType: asset.contentType) }
        return asset
    }

    /// The reason to show in the image's frame, in one line.
    public static func reason(for error: any Error) -> String {
        switch error {
        case let error as ImageError: error.description
        case let error as SegmentsError: error.message
        case is CancellationError: "cancelled"
        default: "\(error)"
        }
    }
}
