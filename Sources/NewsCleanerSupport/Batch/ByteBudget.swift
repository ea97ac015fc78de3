import Foundation

/// A budget of bytes shared by one producer and several consumer threads: the producer
/// `acquire`s the bytes an item holds before handing it on, consumers `release` them when the
/// item is gone, and the producer blocks while the budget is spent.
///
/// The CLI's WARC path charges each record (its content block plus its decoded body) until its
/// output line is written, so the records held between reading and writing never exceed
/// `limit` bytes, whatever the count window allows. An item larger than the whole budget is
/// granted when nothing else is held, so it goes through alone and never deadlocks.
///
/// ```swift
/// let budget = ByteBudget(limit: 100)
/// budget.acquire(60)                    // true at once
/// // budget.acquire(60) would wait until a release brings the held bytes to 40 or less
/// budget.release(60)
/// budget.acquire(500)                   // true: nothing is held, so it goes alone
/// ```
// @unchecked Sendable: every stored var is read and written only while holding `condition`.
package final class ByteBudget: @unchecked Sendable {
    private let condition = NSCondition()
    private var held = 0
    private var highWater = 0
    /// Most bytes held at once, except for a single item larger than this.
    package let limit: Int

    package init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Bytes granted and not yet released.
    package var heldBytes: Int {
        condition.lock(); defer { condition.unlock() }
        return held
    }

    /// The most bytes ever held at once.
    package var peakBytes: Int {
        condition.lock(); defer { condition.unlock() }
        return highWater
    }

    /// Takes `bytes` from the budget, waiting while they do not fit (granted at once when nothing
    /// is held). Every `pollInterval` of waiting, `shouldGiveUp` is asked (without the budget's
    /// lock held, so it may take other locks); when it says yes the wait ends and false is
    /// returned (nothing taken).
    @discardableResult
    package func acquire(_ bytes: Int, pollInterval: TimeInterval = 0.05,
                         shouldGiveUp: () -> Bool = { false }) -> Bool {
        let bytes = max(0, bytes)
        condition.lock()
        while held > 0 && bytes > limit - held {
            _ = condition.wait(until: Date().addingTimeInterval(pollInterval))
            if held > 0 && bytes > limit - held {
                condition.unlock()
                if shouldGiveUp() { return false }
                condition.lock()
            }
        }
        held += bytes
        highWater = max(highWater, held)
        condition.unlock()
        return true
    }

    /// Gives back bytes taken by `acquire`, waking a waiting producer.
    package func release(_ bytes: Int) {
        condition.lock()
        held -= max(0, bytes)
        condition.broadcast()
        condition.unlock()
    }
}
