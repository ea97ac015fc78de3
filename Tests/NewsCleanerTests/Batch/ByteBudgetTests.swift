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
}
