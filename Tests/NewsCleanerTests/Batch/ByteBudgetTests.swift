import Foundation
import NewsCleanerSupport
import Testing

@Suite struct ByteBudgetTests {
    @Test func grantsWhileItFitsAndWaitsForARelease() {
        let budget = ByteBudget(limit: 100)
        #expect(budget.acquire(60))
        #expect(budget.acquire(40))
        // Full: a further acquire waits until another thread releases.
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            usleep(200_000)
            budget.release(60)
            released.signal()
        }
        let start = Date()
        #expect(budget.acquire(50, pollInterval: 0.01))
        #expect(Date().timeIntervalSince(start) > 0.15)
        released.wait()
        #expect(budget.heldBytes == 90)
        #expect(budget.peakBytes == 100)
    }

    @Test func anItemLargerThanTheBudgetGoesAloneAndNeverDeadlocks() {
        let budget = ByteBudget(limit: 100)
        #expect(budget.acquire(500))      // nothing held: granted
        #expect(budget.heldBytes == 500)
        #expect(!budget.acquire(1, pollInterval: 0.01) { true })   // it must wait: gives up
        budget.release(500)
        #expect(budget.acquire(1))
    }

    @Test func givingUpTakesNothing() {
        let budget = ByteBudget(limit: 10)
        budget.acquire(8)
        var asked = 0
        #expect(!budget.acquire(5, pollInterval: 0.01) { asked += 1; return asked > 3 })
        #expect(asked == 4)
        #expect(budget.heldBytes == 8)
    }

    /// `shouldGiveUp` may take a lock that a releasing thread holds while it releases (the WARC
    /// runner releases under its reorder lock and asks, under that lock, whether a write failed).
    @Test func givingUpMayTakeALockHeldByAReleaser() {
        let budget = ByteBudget(limit: 10)
        budget.acquire(10)
        let other = NSLock()
        let finished = NSLock()
        nonisolated(unsafe) var releasesDone = false
        let releaser = Thread {
            for _ in 0..<300 {
                other.lock()
                usleep(200)
                budget.release(0)
                other.unlock()
            }
            finished.lock(); releasesDone = true; finished.unlock()
        }
        let gaveUp = DispatchSemaphore(value: 0)
        let waiter = Thread {
            let granted = budget.acquire(5, pollInterval: 0.0001) {
                other.lock(); defer { other.unlock() }
                finished.lock(); defer { finished.unlock() }
                return releasesDone
            }
            if !granted { gaveUp.signal() }
        }
        releaser.start()
        waiter.start()
        #expect(gaveUp.wait(timeout: .now() + 20) == .success, "deadlock between acquire and release")
    }
}
