/// Finds fixed phrases (any bytes, ASCII letters case-insensitive) in UTF-8 text in one pass.
///
/// An Aho–Corasick automaton compiled once: bytes that occur in no phrase share one class, so
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
    private let classCount: Int
    private let transitions: [Int32]
    /// Phrase ids ending at each state (including those reached through failure links).
    private let outputs: [[Int32]]

    init(_ phrases: [String]) {
        // Byte classes: every byte used by a phrase (letters folded to lower case) gets its own.
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
        let width = Int(next)
        var goto: [[Int32]] = [[Int32](repeating: -1, count: width)]
        var out: [[Int32]] = [[]]
        for (index, phrase) in folded.enumerated() {
            var state = 0
            for b in phrase {
                let c = Int(classes[Int(b)])
                if goto[state][c] < 0 {
                    goto.append([Int32](repeating: -1, count: width))
                    out.append([])
                    goto[state][c] = Int32(goto.count - 1)
                }
                state = Int(goto[state][c])
            }
            out[state].append(Int32(index))
        }
        var fail = [Int](repeating: 0, count: goto.count)
        var table = [Int32](repeating: 0, count: goto.count * width)
        var queue: [Int] = []
        for c in 1..<width where goto[0][c] >= 0 {
            table[c] = goto[0][c]
            queue.append(Int(goto[0][c]))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state] += out[fail[state]]
            for c in 0..<width {
                let target = goto[state][c]
                if target >= 0, c != 0 {
                    fail[Int(target)] = Int(table[fail[state] * width + c])
                    table[state * width + c] = target
                    queue.append(Int(target))
                } else {
                    table[state * width + c] = c == 0 ? 0 : table[fail[state] * width + c]
                }
            }
        }
        self.classes = classes
        self.classCount = width
        self.transitions = table
        self.outputs = out
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
        var state = 0
        for (offset, b) in bytes.enumerated() {
            state = Int(transitions[state * classCount + Int(classes[Int(b)])])
            for id in outputs[state] { found.append((Int(id), offset + 1)) }
        }
        return found
    }
}
