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

    /// Compiles the automaton; the start state is 0. The trie and the table are flat arrays
    /// (one row of `width` cells per state), filled through buffer pointers: the matchers are
    /// built once per process, but every run of the CLI pays for it, a single page included.
    init(patterns: [[Int]], symbolCount width: Int) {
        // The trie: `goto[state * width + symbol]`, -1 where there is no edge; sized for the
        // most states the patterns can make (one per symbol, plus the start).
        let maxStates = 1 + patterns.reduce(0) { $0 + $1.count }
        var goto = [Int32](repeating: -1, count: maxStates * width)
        var out: [[Int32]] = [[]]
        out.reserveCapacity(maxStates)
        for (index, pattern) in patterns.enumerated() {
            var state = 0
            for symbol in pattern {
                let cell = state * width + symbol
                if goto[cell] < 0 {
                    goto[cell] = Int32(out.count)
                    out.append([])
                }
                state = Int(goto[cell])
            }
            out[state].append(Int32(index))
        }
        // Breadth-first: failure links, merged outputs, and the full DFA table.
        let states = out.count
        var fail = [Int](repeating: 0, count: states)
        var table = [Int32](repeating: 0, count: states * width)
        var queue: [Int] = []
        queue.reserveCapacity(states)
        goto.withUnsafeBufferPointer { next in
            table.withUnsafeMutableBufferPointer { t in
                for symbol in 0..<width where next[symbol] >= 0 {
                    t[symbol] = next[symbol]
                    queue.append(Int(next[symbol]))
                }
                var head = 0
                while head < queue.count {
                    let state = queue[head]
                    head += 1
                    out[state] += out[fail[state]]
                    let row = state * width
                    let failRow = fail[state] * width
                    for symbol in 0..<width {
                        let target = next[row + symbol]
                        if target >= 0 {
                            fail[Int(target)] = Int(t[failRow + symbol])
                            t[row + symbol] = target
                            queue.append(Int(target))
                        } else {
                            t[row + symbol] = t[failRow + symbol]
                        }
                    }
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
