extension RGBAImage {
    /// The part of the image at fractions (0…1) of its width and height, clamped to it:
    /// the zoomed-in view of a picture. At least one pixel each way.
    public func cropped(x: Double, y: Double, width fractionWidth: Double, height fractionHeight: Double) -> RGBAImage {
        let left = min(max(0, Int((x * Double(width)).rounded(.down))), max(0, width - 1))
        let top = min(max(0, Int((y * Double(height)).rounded(.down))), max(0, height - 1))
        let columns = min(max(1, Int((fractionWidth * Double(width)).rounded())), width - left)
        let rows = min(max(1, Int((fractionHeight * Double(height)).rounded())), height - top)
        guard columns > 0, rows > 0, columns < width || rows < height else { return self }
        var out = [UInt8]()
        out.reserveCapacity(columns * rows * 4)
        for row in top..<(top + rows) {
            let start = (row * width + left) * 4
            out.append(contentsOf: bytes[start..<(start + columns * 4)])
        }
        return RGBAImage(width: columns, height: rows, bytes: out) ?? self
    }
}
