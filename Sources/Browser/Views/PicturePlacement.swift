import TerminalUI

/// Where the sample's picture goes in the detail: beside the text (its box `width` columns)
/// or below it (`height` rows), whichever shows the picture larger at its shape.
public enum PicturePlacement: Equatable, Sendable {
    case beside(width: Int)
    case below(height: Int)

    /// The text keeps at least this much room beside or above the picture.
    public static let textColumns = 34
    public static let textRows = 6
    /// Width over height of the picture in cells: photos are mostly 4:3, and a terminal cell
    /// is about twice as tall as wide. The real shape is known only once decoded; the slot
    /// is laid out before, so the common shape decides and the picture is centred in it.
    public static let cellAspect = 4.0 / 3.0 * 2.0

    /// nil when neither way leaves a picture of a useful size (then the outline rules apply).
    public static func best(in size: Size) -> PicturePlacement? {
        let borders = 2
        let beside = fitted(width: size.width - textColumns - borders, height: size.height - borders)
        let below = fitted(width: size.width - borders, height: size.height - textRows - borders)
        let useful = { (cells: Size) in cells.width >= 16 && cells.height >= 6 }
        switch (useful(beside), useful(below)) {
        case (false, false): return nil
        case (true, false): return .beside(width: beside.width + borders)
        case (false, true): return .below(height: below.height + borders)
        case (true, true):
            return beside.width * beside.height >= below.width * below.height
                ? .beside(width: beside.width + borders) : .below(height: below.height + borders)
        }
    }

    /// The largest box of `cellAspect` inside width × height.
    public static func fitted(width: Int, height: Int) -> Size {
        guard width > 0, height > 0 else { return Size(width: 0, height: 0) }
        if Double(width) / Double(height) > cellAspect {
            return Size(width: Int((Double(height) * cellAspect).rounded()), height: height)
        }
        return Size(width: width, height: Int((Double(width) / cellAspect).rounded()))
    }
}
