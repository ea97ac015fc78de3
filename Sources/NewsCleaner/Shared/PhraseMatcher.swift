/// Finds fixed phrases (any bytes, ASCII letters case-insensitive) in UTF-8 text in one pass.
///
/// An `AhoCorasick` automaton compiled once: bytes that occur in no phrase share one class, so
/// the transition table stays small (states × distinct phrase bytes). Used for the text markers
/// of blocks (credit lines, photo credits, calls to action, bylines), which would otherwise cost a
/// Foundation substring search per marker per block.
///
/// ```swift
/// let m = PhraseMatcher(["sign up", "写真："])
/// m.matches(in: "Please SIGN UP today") == [0]
/// ```
struct PhraseMatcher: Sendable {
    private let classes: [UInt8]
    private let automaton: AhoCorasick
    /// `automaton.outputs` flattened: the ids of state `s` are `outputIDs[outputStarts[s]..<outputStarts[s + 1]]`
    /// (one array read per byte in the scan instead of a nested array's retain and release).
    private let outputStarts: [Int32]
    private let outputIDs: [Int32]

    init(_ phrases: [String]) {
        // Byte classes: every byte used by a phrase (letters folded to lower case) gets its own;
        // class 0 is every other byte, which no phrase contains.
        var classes = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        let folded = phrases.map { Array($0.utf8).map(PhraseMatcher.fold) }
        for phrase in folded {
            for b in phrase where classes[Int(b)] == 0 {
                classes[Int(b)] = next
                next += 1
            }
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper | 0x20)] }
        self.classes = classes
        let automaton = AhoCorasick(patterns: folded.map { $0.map { Int(classes[Int($0)]) } },
                                    symbolCount: Int(next))
        self.automaton = automaton
        var starts: [Int32] = [0]
        starts.reserveCapacity(automaton.outputs.count + 1)
        for ids in automaton.outputs { starts.append(starts[starts.count - 1] + Int32(ids.count)) }
        outputStarts = starts
        outputIDs = automaton.outputs.flatMap { $0 }
    }

    @inline(__always) private static func fold(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// Ids (indexes into the phrase list) of the phrases found in `text`, in order found.
    func matches(in text: String) -> [Int] {
        hits(in: text).map(\.phrase)
    }

    /// The phrases found in `text` with the byte offset just past each occurrence.
    func hits(in text: String) -> [(phrase: Int, end: Int)] {
        var copy = text
        return copy.withUTF8 { hits(in: $0) }
    }

    /// The phrases found in UTF-8 bytes with the byte offset just past each occurrence.
    func hits(in bytes: UnsafeBufferPointer<UInt8>) -> [(phrase: Int, end: Int)] {
        var found: [(phrase: Int, end: Int)] = []
        forEachHit(in: bytes) { found.append(($0, $1)) }
        return found
    }

    /// Calls `body` with each phrase found in `text` and the byte offset just past it, in order
    /// found, without collecting the hits in an array.
    func forEachHit(in text: String, _ body: (_ phrase: Int, _ end: Int) -> Void) {
        var copy = text
        copy.withUTF8 { forEachHit(in: $0, body) }
    }

    /// `forEachHit` on UTF-8 bytes.
    func forEachHit(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ phrase: Int, _ end: Int) -> Void) {
        var state = 0
        let width = automaton.symbolCount
        classes.withUnsafeBufferPointer { classes in
            automaton.transitions.withUnsafeBufferPointer { table in
                outputStarts.withUnsafeBufferPointer { starts in
                    for (offset, b) in bytes.enumerated() {
                        state = Int(table[state * width + Int(classes[Int(b)])])
                        var k = Int(starts[state])
                        let end = Int(starts[state + 1])
                        while k < end {
                            body(Int(outputIDs[k]), offset + 1)
                            k += 1
                        }
                    }
                }
            }
        }
    }
}
