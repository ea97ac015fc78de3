import Foundation
import NewsCleaner

/// A bounded first-in first-out queue between one producer and several consumer threads
/// (the CLI's batch and WARC paths, the benchmark's WARC mode).
///
/// `push` blocks while the queue is full (so the directory walk never runs far ahead of the
/// workers and memory stays flat), `pop` blocks while it is empty. `finish()` says no more items
/// will come (consumers drain what is left, then get nil); `cancel()` drops what is left and
/// wakes everyone (producer's `push` returns false, consumers get nil).
///
/// ```swift
/// let queue = BlockingQueue<Int>(capacity: 8)
/// queue.push(1); queue.finish(); queue.pop() == 1
/// ```
// @unchecked Sendable: every stored var is read and written only while holding `condition`.
package final class BlockingQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element?]
    private var head = 0
    private var count = 0
    private var finished = false
    private var cancelled = false
    /// Most items held at once.
    package let capacity: Int

    package init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        items = Array(repeating: nil, count: capacity)
    }

    /// Adds `item`, waiting for room; false when the queue was cancelled (item dropped).
    @discardableResult
    package func push(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count == capacity && !cancelled { condition.wait() }
        if cancelled || finished { return false }
        items[(head + count) % capacity] = item
        count += 1
        condition.broadcast()
        return true
    }

    /// The next item, waiting for one; nil once finished and drained, or cancelled.
    package func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !finished && !cancelled { condition.wait() }
        if cancelled || count == 0 { return nil }
        let item = items[head]
        items[head] = nil
        head = (head + 1) % capacity
        count -= 1
        condition.broadcast()
        return item
    }

    /// No more pushes: consumers get the remaining items, then nil.
    package func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Drops the remaining items and wakes every waiter.
    package func cancel() {
        condition.lock()
        cancelled = true
        for index in items.indices { items[index] = nil }
        count = 0
        condition.broadcast()
        condition.unlock()
    }
}
