import TerminalUI

/// A drawing surface of Unicode braille dots: each cell holds 2×4 dots, so a 40×12 pane
/// gives an 80×48 grid. Dots are about square on a usual terminal font.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var bits: [UInt8]
    private var styles: [Style?]

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        styles = Array(repeating: nil, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    // Bit of dot (dx, dy) inside a cell, per the Unicode braille pattern layout.
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func plot(_ x: Int, _ y: Int, style: Style) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let index = (y / 4) * columns + x / 2
        bits[index] |= Self.dotBits[x % 2][y % 4]
        styles[index] = style
    }

    /// Bresenham's line between two dots.
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), style: Style) {
        var x = start.x
        var y = start.y
        let dx = abs(end.x - x)
        let dy = -abs(end.y - y)
        let stepX = x < end.x ? 1 : -1
        let stepY = y < end.y ? 1 : -1
        var error = dx + dy
        var guardCount = 0
        while guardCount < 100_000 {
            guardCount += 1
            plot(x, y, style: style)
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    func draw(into screen: inout Screen, at origin: Point) {
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                guard bits[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[index])) else { continue }
                screen.put(DisplayText(String(Character(scalar))), at: Point(x: origin.x + column, y: origin.y + row), style: styles[index] ?? Style(.normal))
            }
        }
    }
}
