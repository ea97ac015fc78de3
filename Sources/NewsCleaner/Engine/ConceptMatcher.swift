/// Finds the vocabulary concepts in a class, id or role value in one pass over its bytes.
///
/// An Aho–Corasick automaton compiled once into a dense transition table over 37 symbols
/// (a–z, 0–9, word boundary). Input bytes are folded: letters lowercased, any other byte and
/// a lower-to-upper case change become a single boundary symbol; the value is framed by
/// boundaries so `_`-marked tokens can demand word edges.
///
/// ```swift
/// let m = ConceptMatcher(lists: [(.ads, ["_ad_"])])
/// m.concepts(in: "top-ad") == .ads   // true
/// m.concepts(in: "header") == []     // true
/// ```
package struct ConceptMatcher: Sendable {
    static let symbolCount = 37
    static let boundary = 36

    private let transitions: [Int32]
    private let outputs: [UInt32]

    package init(lists: [(concept: Concept, tokens: [String])]) {
        var goto: [[Int32]] = [[Int32](repeating: -1, count: ConceptMatcher.symbolCount)]
        var out: [UInt32] = [0]
        for (concept, tokens) in lists {
            for token in tokens {
                var state = 0
                for symbol in ConceptMatcher.symbols(ofToken: token) {
                    if goto[state][symbol] < 0 {
                        goto.append([Int32](repeating: -1, count: ConceptMatcher.symbolCount))
                        out.append(0)
                        goto[state][symbol] = Int32(goto.count - 1)
                    }
                    state = Int(goto[state][symbol])
                }
                out[state] |= concept.rawValue
            }
        }
        // Breadth-first: failure links, merged outputs, and the full DFA table.
        let n = goto.count
        var fail = [Int](repeating: 0, count: n)
        var table = [Int32](repeating: 0, count: n * ConceptMatcher.symbolCount)
        var queue: [Int] = []
        for s in 0..<ConceptMatcher.symbolCount {
            let next = goto[0][s]
            if next >= 0 {
                table[s] = next
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state] |= out[fail[state]]
            for s in 0..<ConceptMatcher.symbolCount {
                let next = goto[state][s]
                if next >= 0 {
                    fail[Int(next)] = Int(table[fail[state] * ConceptMatcher.symbolCount + s])
                    table[state * ConceptMatcher.symbolCount + s] = next
                    queue.append(Int(next))
                } else {
                    table[state * ConceptMatcher.symbolCount + s] = table[fail[state] * ConceptMatcher.symbolCount + s]
                }
            }
        }
        transitions = table
        outputs = out
    }

    /// Maps a token to symbols: `_` and `-` are word boundaries.
    static func symbols(ofToken token: String) -> [Int] {
        token.utf8.map { byte in symbol(byte) ?? boundary }
    }

    @inline(__always)
    static func symbol(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x61...0x7A: return Int(byte - 0x61)
        case 0x41...0x5A: return Int(byte - 0x41)
        case 0x30...0x39: return Int(byte - 0x30) + 26
        default: return nil
        }
    }

    /// The concepts whose tokens occur in `value`.
    package func concepts(in value: String) -> Concept {
        var copy = value
        return copy.withUTF8 { concepts(in: $0) }
    }

    /// The concepts whose tokens occur in the UTF-8 bytes of a value.
    package func concepts(in bytes: UnsafeBufferPointer<UInt8>) -> Concept {
        var state = 0
        var found: UInt32 = 0
        var lastWasBoundary = true
        var lastWasLower = false
        let width = ConceptMatcher.symbolCount
        transitions.withUnsafeBufferPointer { table in
            state = Int(table[ConceptMatcher.boundary])
            found |= outputs[state]
            for byte in bytes {
                let isUpper = byte >= 0x41 && byte <= 0x5A
                if let s = ConceptMatcher.symbol(byte) {
                    if isUpper && lastWasLower {
                        state = Int(table[state * width + ConceptMatcher.boundary])
                        found |= outputs[state]
                    }
                    state = Int(table[state * width + s])
                    found |= outputs[state]
                    lastWasBoundary = false
                    lastWasLower = byte >= 0x61 && byte <= 0x7A
                } else {
                    if !lastWasBoundary {
                        state = Int(table[state * width + ConceptMatcher.boundary])
                        found |= outputs[state]
                    }
                    lastWasBoundary = true
                    lastWasLower = false
                }
            }
            if !lastWasBoundary {
                state = Int(table[state * width + ConceptMatcher.boundary])
                found |= outputs[state]
            }
        }
        return Concept(rawValue: found)
    }
}
