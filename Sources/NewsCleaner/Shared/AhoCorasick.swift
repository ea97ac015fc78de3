/// A compiled Aho–Corasick automaton over a small symbol alphabet, the one matcher core of the
/// package (`PhraseMatcher` for text markers and `ConceptMatcher` for class/id vocabulary both
/// build on it and differ only in how they map input bytes to symbols).
///
/// Patterns are sequences of symbols in `0..<symbolCount`; the automaton is a dense DFA table
/// (states × symbols) with failure links folded in, so a scan costs one table read per symbol.
/// `outputs[state]` lists the ids of the patterns ending at `state`, including those reached
/// through failure links (own ids first, then the failure state's, in pattern order).
///
/// ```swift
/// let a = AhoCorasick(patterns: [[0, 1], [1]], symbolCount: 2)
/// a.outputs[a.step(a.step(0, 0), 1)] == [0, 1]
/// ```
struct AhoCorasick: Sendable {
    /// Number of symbols; every pattern symbol and every `step` symbol is below it.
    let symbolCount: Int
    /// `transitions[state * symbolCount + symbol]` is the next state.
    let transitions: [Int32]
    /// Ids (indexes into the pattern list) of the patterns that end at each state.
    let outputs: [[Int32]]

    /// Compiles the automaton; the start state is 0.
    init(patterns: [[Int]], symbolCount width: Int) {
        var goto: [[Int32]] = [[Int32](repeating: -1, count: width)]
        var out: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for symbol in pattern {
                if goto[state][symbol] < 0 {
                    goto.append([Int32](repeating: -1, count: width))
                    out.append([])
                    goto[state][symbol] = Int32(goto.count - 1)
                }
                state = Int(goto[state][symbol])
            }
            out[state].append(Int32(index))
        }
        // Breadth-first: failure links, merged outputs, and the full DFA table.
        var fail = [Int](repeating: 0, count: goto.count)
        var table = [Int32](repeating: 0, count: goto.count * width)
        var queue: [Int] = []
        for symbol in 0..<width where goto[0][symbol] >= 0 {
            table[symbol] = goto[0][symbol]
            queue.append(Int(goto[0][symbol]))
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state] += out[fail[state]]
            for symbol in 0..<width {
                let target = goto[state][symbol]
                if target >= 0 {
                    fail[Int(target)] = Int(table[fail[state] * width + symbol])
                    table[state * width + symbol] = target
                    queue.append(Int(target))
                } else {
                    table[state * width + symbol] = table[fail[state] * width + symbol]
                }
            }
        }
        symbolCount = width
        transitions = table
        outputs = out
    }

    /// The state after reading `symbol` in `state`.
    @inline(__always)
    func step(_ state: Int, _ symbol: Int) -> Int {
        Int(transitions[state * symbolCount + symbol])
    }
}
