#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the vocabulary concepts in a class, id or role value in one pass over its bytes.
///
/// An `AhoCorasick` automaton compiled once into a dense transition table over 37 symbols
/// (a–z, 0–9, word boundary). Input bytes are folded: letters lowercased, any other byte and
/// a lower-to-upper case change become a single boundary symbol; the value is framed by
/// boundaries so `_`-marked tokens can demand word edges.
///
/// In a class value (`isClass`), utility-CSS tokens with a variant prefix or an arbitrary value
/// (`hover:text-nav`, `h-[--main-nav-height]`, `[--sidebar-width:18rem]`: any
/// whitespace-separated token holding `:` or `[`) are skipped whole: they name a style, and a
/// role word inside them (a CSS variable, a design-token path) says nothing of what the
/// element is. Ids keep every token (generated ids such as `form:sidebar` use colons).
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
    /// The union of the concepts of the tokens ending at each state.
    private let outputs: [UInt32]

    package init(lists: [(concept: Concept, tokens: [String])]) {
        var patterns: [[Int]] = []
        var concepts: [UInt32] = []
        for (concept, tokens) in lists {
            for token in tokens {
                patterns.append(ConceptMatcher.symbols(ofToken: token))
                concepts.append(concept.rawValue)
            }
        }
        let automaton = AhoCorasick(patterns: patterns, symbolCount: ConceptMatcher.symbolCount)
        transitions = automaton.transitions
        outputs = automaton.outputs.map { ids in ids.reduce(0) { $0 | concepts[Int($1)] } }
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

    /// The concepts whose tokens occur in `value` (`isClass`: a class value, see the type's note).
    package func concepts(in value: String, isClass: Bool = false) -> Concept {
        var copy = value
        return copy.withUTF8 { concepts(in: $0, isClass: isClass) }
    }

    /// The concepts whose tokens occur in the UTF-8 bytes of a value (`isClass`: a class value,
    /// whose utility-CSS tokens are skipped).
    package func concepts(in bytes: UnsafeBufferPointer<UInt8>, isClass: Bool = false) -> Concept {
        var state = 0
        var found: UInt32 = 0
        var lastWasBoundary = true
        var lastWasLower = false
        let width = ConceptMatcher.symbolCount
        transitions.withUnsafeBufferPointer { table in outputs.withUnsafeBufferPointer { outputs in
            state = Int(table[ConceptMatcher.boundary])
            found |= outputs[state]
            let n = bytes.count
            var i = 0
            // Most class values hold neither mark: two vectorised searches, then the plain loop.
            let skipsUtility = isClass && n > 0
                && (memchr(bytes.baseAddress!, 0x3A, n) != nil || memchr(bytes.baseAddress!, 0x5B, n) != nil)
            var tokenChecked = !skipsUtility
            while i < n {
                let byte = bytes[i]
                if !tokenChecked, !Whitespace.isHTMLSpace(byte) {
                    // The first byte of a whitespace-separated token: skip the token if it is a
                    // utility class (each byte is looked at once more here, still linear).
                    var end = i
                    var isUtility = false
                    while end < n, !Whitespace.isHTMLSpace(bytes[end]) {
                        if bytes[end] == 0x3A || bytes[end] == 0x5B { isUtility = true }
                        end += 1
                    }
                    if isUtility {
                        if !lastWasBoundary {
                            state = Int(table[state * width + ConceptMatcher.boundary])
                            found |= outputs[state]
                        }
                        lastWasBoundary = true
                        lastWasLower = false
                        i = end
                        continue
                    }
                    tokenChecked = true
                }
                if skipsUtility, Whitespace.isHTMLSpace(byte) { tokenChecked = false }
                i += 1
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
        } }
        return Concept(rawValue: found)
    }
}
