import Foundation

/// The bytes behind a media URL (a sample's image, a label's segmentation bitmap) and the
/// content type the host gave them, if any.
public struct AssetContent: Hashable, Sendable {
    public var data: Data
    public var contentType: String?

    public init(data: Data, contentType: String? = nil) {
        self.data = data
        self.contentType = contentType
    }
}
