/// Which part of the sample's picture the detail shows: all of it, or a zoomed-in part
/// (`+`/`-`, arrows pan, `0` fits it again). Fractions of the picture, so the view holds
/// whatever size the picture is decoded at.
public struct PictureView: Hashable, Sendable {
    public static let zoomLevels = [1, 2, 4, 8]

    public private(set) var zoom = 1
    /// The centre of the visible part, as fractions (0…1) of the picture.
    public private(set) var centerX = 0.5
    public private(set) var centerY = 0.5

    public init() {}

    public var isZoomed: Bool { zoom > 1 }

    /// The visible part: its top-left corner and size, as fractions of the picture.
    public var visible: (x: Double, y: Double, width: Double, height: Double) {
        let span = 1 / Double(zoom)
        return (centerX - span / 2, centerY - span / 2, span, span)
    }

    /// One level in (`+`) or out (`-`); false when already at the end.
    public mutating func zoom(in inward: Bool) -> Bool {
        guard let index = Self.zoomLevels.firstIndex(of: zoom) else { return false }
        let next = index + (inward ? 1 : -1)
        guard Self.zoomLevels.indices.contains(next) else { return false }
        zoom = Self.zoomLevels[next]
        clampCenter()
        return true
    }

    /// Moves a quarter of the visible part per step; false when already at that edge.
    public mutating func pan(dx: Int, dy: Int) -> Bool {
        let before = (centerX, centerY)
        let step = visible.width / 4
        centerX += Double(dx) * step
        centerY += Double(dy) * step
        clampCenter()
        return before != (centerX, centerY)
    }

    /// The visible part stays inside the picture.
    private mutating func clampCenter() {
        let half = 1 / Double(zoom) / 2
        centerX = min(max(centerX, half), 1 - half)
        centerY = min(max(centerY, half), 1 - half)
    }
}
