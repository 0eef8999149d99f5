/// SplitMix64: a tiny deterministic generator, so that the same seed gives the
/// same demo workspace on every machine (the standard library's generator is
/// random by design).
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func double(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { double(0...1) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A version-4 style uuid drawn from the generator (deterministic, lowercase).
    mutating func uuid() -> String {
        let high = next(), low = next()
        let bytes: [UInt8] = [high, low].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(56 - $0 * 8)) } }
        let hex = Hashes.hex(bytes)
        let chars = Array(hex)
        func part(_ range: Range<Int>) -> String { String(chars[range]) }
        let variant = String("89ab"[String.Index(utf16Offset: Int(low >> 62), in: "89ab")])
        return "\(part(0..<8))-\(part(8..<12))-4\(part(13..<16))-\(variant)\(part(17..<20))-\(part(20..<32))"
    }
}
