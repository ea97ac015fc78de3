import Foundation
import NewsCleanerSupport
import Synchronization

/// Runs work items on a fixed number of threads that take the next item from a shared atomic
/// index, so slow pages do not leave a thread idle while another has a backlog.
///
/// ```swift
/// let tally = ParallelRunner.run(count: pages.count, jobs: 2) { index in work(pages[index]) }
/// ```
enum ParallelRunner {
    /// The shared state of one run: the next index to hand out and the sum of the results.
    private final class Shared: Sendable {
        let next = Atomic<Int>(0)
        let total = Mutex(Tally())
    }

    /// Calls `work(index)` for every index in `0..<count` on `jobs` threads (inline for one job)
    /// and returns the sum of the returned tallies.
    static func run(count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> Tally) -> Tally {
        if jobs <= 1 {
            var total = Tally()
            for index in 0..<count { total.add(work(index)) }
            return total
        }
        let shared = Shared()
        let finished = DispatchGroup()
        WorkerThreads.start(jobs, name: "bench-worker", group: finished) { _ in
            var local = Tally()
            while true {
                let index = shared.next.add(1, ordering: .relaxed).oldValue
                guard index < count else { break }
                local.add(work(index))
            }
            shared.total.withLock { $0.add(local) }
        }
        finished.wait()
        return shared.total.withLock { $0 }
    }
}

/// What a run processed: input bytes and a checksum of the outputs (so no work is elided).
struct Tally: Sendable {
    var bytes = 0
    var checksum = 0

    mutating func add(_ other: Tally) {
        bytes &+= other.bytes
        checksum &+= other.checksum
    }
}
