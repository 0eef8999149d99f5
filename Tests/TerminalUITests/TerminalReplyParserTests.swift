import Testing

@testable import TerminalUI

/// Bytes from the terminal in, its replies and the keys typed meanwhile out.
@Suite("terminal query replies")
struct TerminalReplyParserTests {
    static let kittyOK = "\u{1B}_Gi=31;OK\u{1B}\\"
    static let xtermVT340 = "\u{1B}[?63;1;2;4;6;9;15;16;22;28c"
    static let plainXterm = "\u{1B}[?64;1;2;6;9;15;16;17;18;21;22;28c"

    static func parse(_ text: String) -> (replies: TerminalReplies, typeAhead: String) {
        let (replies, typeAhead) = TerminalReplyParser.parse(Array(text.utf8))
        return (replies, String(decoding: typeAhead, as: UTF8.self))
    }

    @Test("kitty answers OK to the graphics query, then DA1 without sixel")
    func kittyOK() {
        let (replies, typeAhead) = Self.parse(Self.kittyOK + "\u{1B}[6;18;9t" + "\u{1B}[?62;c")
        #expect(replies.kittyGraphics == .ok)
        #expect(replies.hasKittyGraphics)
        #expect(replies.deviceAttributes == [62])
        #expect(!replies.hasSixel)
        #expect(replies.cellPixels == Size(width: 9, height: 18))
        #expect(replies.isComplete)
        #expect(typeAhead.isEmpty)
    }

    @Test("a kitty error reply is recorded as a refusal, not as kitty graphics")
    func kittyError() {
        let (replies, typeAhead) = Self.parse("\u{1B}_Gi=31;ENOTSUPPORTED:unsupported format\u{1B}\\" + Self.plainXterm)
        #expect(replies.kittyGraphics == .error("ENOTSUPPORTED:unsupported format"))
        #expect(!replies.hasKittyGraphics)
        #expect(typeAhead.isEmpty)
    }

    @Test("a kitty reply for another image id is taken out but is not our answer")
    func kittyReplyForAnotherImage() {
        let (replies, typeAhead) = Self.parse("\u{1B}_Gi=7;OK\u{1B}\\" + Self.plainXterm)
        #expect(replies.kittyGraphics == nil)
        #expect(typeAhead.isEmpty)
    }

    @Test("DA1 with attribute 4 means sixel (xterm -ti vt340)")
    func deviceAttributesWithSixel() {
        let (replies, _) = Self.parse(Self.xtermVT340)
        #expect(replies.deviceAttributes == [63, 1, 2, 4, 6, 9, 15, 16, 22, 28])
        #expect(replies.hasSixel)
        #expect(replies.kittyGraphics == nil)
    }

    @Test("DA1 without attribute 4 means no sixel, even with 14 or 44 in it")
    func deviceAttributesWithoutSixel() {
        let (replies, _) = Self.parse("\u{1B}[?64;1;14;44;22c")
        #expect(replies.isComplete)
        #expect(!replies.hasSixel)
    }

    @Test("the cell size reply gives pixels per cell; a zero size is taken out but ignored")
    func cellSize() {
        #expect(Self.parse("\u{1B}[6;20;10t" + Self.plainXterm).replies.cellPixels == Size(width: 10, height: 20))
        let zero = Self.parse("\u{1B}[6;0;0t" + Self.plainXterm)
        #expect(zero.replies.cellPixels == nil)
        #expect(zero.typeAhead.isEmpty)
    }

    @Test("replies split across reads, at every byte, give the same answer")
    func repliesSplitAcrossReads() {
        let bytes = Array((Self.kittyOK + "\u{1B}[6;18;9t" + Self.xtermVT340).utf8)
        for cut in 1..<bytes.count {
            var parser = TerminalReplyParser()
            parser.feed(bytes[..<cut])
            #expect(!parser.replies.isComplete)
            parser.feed(bytes[cut...])
            #expect(parser.replies == TerminalReplies(kittyGraphics: .ok, deviceAttributes: [63, 1, 2, 4, 6, 9, 15, 16, 22, 28],
                                                      cellPixels: Size(width: 9, height: 18)), "cut at \(cut)")
            #expect(parser.typeAhead.isEmpty, "cut at \(cut)")
            #expect(!parser.isWaitingForRest)
        }
    }

    @Test("a reply cut short is held back until the rest comes")
    func unfinishedReplyIsHeldBack() {
        var parser = TerminalReplyParser()
        parser.feed(Array("\u{1B}[?63;1;".utf8))
        #expect(parser.isWaitingForRest)
        #expect(parser.typeAhead.isEmpty)
        parser.feed(Array("4c".utf8))
        #expect(parser.replies.hasSixel)
        #expect(!parser.isWaitingForRest)
    }

    @Test("keys typed before, between and after the replies come out in order")
    func typeAheadAroundReplies() {
        let input = "j/" + Self.kittyOK + "ü猫" + "\u{1B}[6;18;9t" + "\r" + Self.xtermVT340 + "q\u{7F}"
        let (replies, typeAhead) = Self.parse(input)
        #expect(typeAhead == "j/ü猫\rq\u{7F}")
        #expect(replies.hasKittyGraphics && replies.hasSixel && replies.cellPixels == Size(width: 9, height: 18))
    }

    @Test("key sequences typed ahead (arrows, F5, Alt-x, Alt-_, Escape) are keys, not replies")
    func keySequencesStayTyped() {
        let keys = "\u{1B}[A\u{1B}[1;5C\u{1B}[15~\u{1B}OP\u{1B}x\u{1B}_x\u{1B}\u{1B}[B"
        let (replies, typeAhead) = Self.parse(keys + Self.plainXterm + "\u{1B}[D")
        #expect(typeAhead == keys + "\u{1B}[D")
        #expect(replies.deviceAttributes == [64, 1, 2, 6, 9, 15, 16, 17, 18, 21, 22, 28])
        #expect(InputDecoder.decode(Array(typeAhead.utf8)) == [
            .key(.up), .key(.right), .key(.function(5)), .key(.function(1)), .key(.alt("x")), .key(.alt("_")),
            .key(.character("x")), .key(.escape), .key(.down), .key(.left),
        ])
    }

    @Test("an arrow key split across reads after DA1 is held back whole, then handed on")
    func keySplitAfterReplies() {
        var parser = TerminalReplyParser()
        parser.feed(Array((Self.plainXterm + "\u{1B}[").utf8))
        #expect(parser.replies.isComplete)
        #expect(parser.isWaitingForRest)
        parser.feed(Array("A".utf8))
        #expect(!parser.isWaitingForRest)
        #expect(parser.typeAhead == Array("\u{1B}[A".utf8))
    }

    @Test("an Escape typed last is handed on when the wait ends")
    func loneEscapeAtTheEnd() {
        var parser = TerminalReplyParser()
        parser.feed(Array((Self.plainXterm + "\u{1B}").utf8))
        #expect(parser.typeAhead.isEmpty)
        parser.finish()
        #expect(parser.typeAhead == [0x1B])
    }

    @Test("no answer at all: nothing complete, every byte typed ahead")
    func noAnswer() {
        let (replies, typeAhead) = Self.parse("abc\u{1B}[")
        #expect(replies == TerminalReplies())
        #expect(!replies.isComplete)
        #expect(typeAhead == "abc\u{1B}[")
    }

    @Test("only the first DA1 is the answer; a second one is handed on")
    func secondDeviceAttributes() {
        let (replies, typeAhead) = Self.parse(Self.xtermVT340 + Self.plainXterm)
        #expect(replies.hasSixel)
        #expect(typeAhead == Self.plainXterm)
    }

    @Test("an unterminated kitty reply longer than any real one stops being held back")
    func runawayReplyIsNotHeldForever() {
        var parser = TerminalReplyParser()
        parser.feed(Array("\u{1B}_G".utf8) + Array(repeating: UInt8(ascii: "a"), count: TerminalReplyParser.longestReply + 10))
        #expect(!parser.isWaitingForRest)
        #expect(parser.typeAhead.count == TerminalReplyParser.longestReply + 13)
    }
}
