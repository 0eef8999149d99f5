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

    /// A version-4 style uuid drawn from the generator (deterministic, lowercase): the 32 hex
    /// digits of two draws, with `4` for digit 13 and `8`–`b` (the top bits of the second
    /// draw) for digit 17. Written straight into its 36 bytes: a large seed makes millions.
    mutating func uuid() -> String {
        let high = next(), low = next()
        let digits: StaticString = "0123456789abcdef"
        return digits.withUTF8Buffer { hex in
            var text = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
            // Nibble n of the 128 bits (0 = most significant).
            func nibble(_ n: Int) -> UInt8 {
                let word = n < 16 ? high : low
                return hex[Int((word >> UInt64(60 - (n % 16) * 4)) & 0xF)]
            }
            var position = 0
            for n in 0..<32 {
                if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                text[position] = nibble(n)
                position += 1
            }
            text[14] = UInt8(ascii: "4")
            text[19] = Array("89ab".utf8)[Int(low >> 62)]
            return String(decoding: text, as: UTF8.self)
        }
    }
}
