/// What a terminal said in answer to `TerminalQuery.request`.
public struct TerminalReplies: Hashable, Sendable {
    /// The kitty graphics protocol's answer to our `a=q` query (id 31).
    public enum KittyGraphics: Hashable, Sendable {
        /// `ESC _ G i=31;OK ESC \`: the terminal draws kitty graphics.
        case ok
        /// `ESC _ G i=31;ENOTSUPPORTED:… ESC \`: it knows the protocol but refused the query.
        case error(String)
    }

    public var kittyGraphics: KittyGraphics?
    /// The primary device attributes (`ESC [ ? 62 ; 4 c` → [62, 4]); nil until they arrive.
    /// Terminals answer in order and every terminal answers DA1, so once these are in,
    /// every earlier reply is too.
    public var deviceAttributes: [Int]?
    /// The character cell in pixels (`ESC [ 6 ; height ; width t`), when the terminal says.
    public var cellPixels: Size?

    public init(kittyGraphics: KittyGraphics? = nil, deviceAttributes: [Int]? = nil, cellPixels: Size? = nil) {
        self.kittyGraphics = kittyGraphics
        self.deviceAttributes = deviceAttributes
        self.cellPixels = cellPixels
    }

    /// DA1 arrived: the terminal has said everything it will say.
    public var isComplete: Bool { deviceAttributes != nil }
    /// DA1 attribute 4: the terminal draws sixel graphics.
    public var hasSixel: Bool { deviceAttributes?.contains(4) ?? false }
    public var hasKittyGraphics: Bool { kittyGraphics == .ok }
}

/// Separates a terminal's replies from the keys typed while they were awaited: bytes in,
/// replies and the other bytes (in their order) out. Pure; the I/O is `TerminalQuery`.
///
/// Replies can arrive split across reads, so an unfinished escape sequence at the end of
/// what was fed is held back until the next `feed` (or `finish`, which hands it on as typed:
/// a lone ESC is the Escape key). Only the replies to our own query are taken out; every
/// other sequence (arrows, function keys, Alt-x) is typed input and stays in `typeAhead`.
public struct TerminalReplyParser: Sendable {
    public private(set) var replies = TerminalReplies()
    /// The bytes that were not a reply, in the order they arrived.
    public private(set) var typeAhead: [UInt8] = []
    /// The start of a sequence whose end has not arrived yet.
    private var unfinished: [UInt8] = []

    /// Our kitty query's image id: a reply with another id is not ours.
    static let kittyQueryID = "31"
    /// A sequence still unfinished after this many bytes is not a reply we wait for.
    static let longestReply = 4096

    public init() {}

    /// Bytes in hand that may be the start of a reply still arriving.
    public var isWaitingForRest: Bool { !unfinished.isEmpty }

    /// Splits `bytes` (the whole input at once) into replies and typed bytes.
    public static func parse(_ bytes: [UInt8]) -> (replies: TerminalReplies, typeAhead: [UInt8]) {
        var parser = TerminalReplyParser()
        parser.feed(bytes)
        parser.finish()
        return (parser.replies, parser.typeAhead)
    }

    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        let input = unfinished + Array(bytes)
        unfinished = []
        var index = 0
        while index < input.count {
            guard input[index] == Self.escape else {
                typeAhead.append(input[index])
                index += 1
                continue
            }
            switch scan(input, at: index) {
            case .reply(let length):
                index += length
            case .typed(let length):
                typeAhead.append(contentsOf: input[index..<(index + length)])
                index += length
            case .unfinished:
                if input.count - index > Self.longestReply {
                    typeAhead.append(input[index])
                    index += 1
                } else {
                    unfinished = Array(input[index...])
                    index = input.count
                }
            }
        }
    }

    /// No more bytes will come: whatever was held back is typed input after all.
    public mutating func finish() {
        let rest = unfinished
        unfinished = []
        typeAhead.append(contentsOf: rest)
    }

    // MARK: sequences

    private static let escape: UInt8 = 0x1B

    private enum Scan {
        /// A reply to our query, now recorded; skip it.
        case reply(Int)
        /// Bytes the user typed (a key's sequence, or a lone ESC before something else).
        case typed(Int)
        /// Needs more bytes to tell.
        case unfinished
    }

    /// Looks at the sequence starting with the ESC at `start`.
    private mutating func scan(_ input: [UInt8], at start: Int) -> Scan {
        guard start + 1 < input.count else { return .unfinished }
        switch input[start + 1] {
        case UInt8(ascii: "["): return scanCSI(input, at: start)
        case UInt8(ascii: "_"): return scanAPC(input, at: start)
        default: return .typed(1)
        }
    }

    /// `ESC [ parameters intermediates final`: DA1 (`? … c`) and the cell size (`6 ; h ; w t`)
    /// are replies; anything else is a key.
    private mutating func scanCSI(_ input: [UInt8], at start: Int) -> Scan {
        var index = start + 2
        while index < input.count, (0x30...0x3F).contains(input[index]) { index += 1 }
        let parameters = String(decoding: input[(start + 2)..<index], as: UTF8.self)
        while index < input.count, (0x20...0x2F).contains(input[index]) { index += 1 }
        guard index < input.count else { return .unfinished }
        let final = input[index]
        // Not a well-formed CSI: the ESC was a key of its own.
        guard (0x40...0x7E).contains(final) else { return .typed(1) }
        let length = index - start + 1
        if final == UInt8(ascii: "c"), parameters.hasPrefix("?"), replies.deviceAttributes == nil {
            replies.deviceAttributes = parameters.dropFirst().split(separator: ";").compactMap { Int($0) }
            return .reply(length)
        }
        if final == UInt8(ascii: "t") {
            let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
            if numbers.count == 3, numbers[0] == 6, let height = numbers[1], let width = numbers[2] {
                if height > 0, width > 0 { replies.cellPixels = Size(width: width, height: height) }
                return .reply(length)
            }
        }
        return .typed(length)
    }

    /// `ESC _ G controls ; message ESC \`: the kitty graphics reply. `ESC _` then anything
    /// but `G` is Alt-_ typed.
    private mutating func scanAPC(_ input: [UInt8], at start: Int) -> Scan {
        guard start + 2 < input.count else { return .unfinished }
        guard input[start + 2] == UInt8(ascii: "G") else { return .typed(1) }
        var index = start + 3
        while index + 1 < input.count, !(input[index] == Self.escape && input[index + 1] == UInt8(ascii: "\\")) {
            index += 1
        }
        guard index + 1 < input.count else { return .unfinished }
        let body = String(decoding: input[(start + 3)..<index], as: UTF8.self)
        let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        let controls = parts[0].split(separator: ",").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
        if controls.contains(["i", Self.kittyQueryID]) {
            let message = parts.count > 1 ? String(parts[1]) : ""
            replies.kittyGraphics = message == "OK" ? .ok : .error(message)
        }
        return .reply(index + 2 - start)
    }
}
