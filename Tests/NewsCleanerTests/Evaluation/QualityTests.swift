import Dispatch
import Foundation
import NewsCleaner
@testable import NewsCleanerEvaluation
import Synchronization
import Testing

/// The pinned minimum scores in `TestPages/aeb/quality-floor.json`.
struct QualityFloor: Decodable {
    /// Why the floor exists and how it may change (not used by the test).
    var comment: String?
    /// Minimum F1 of the precision and recall means.
    var f1: Double
    /// Minimum mean page precision, if pinned.
    var precision: Double?
    /// Minimum mean page recall, if pinned.
    var recall: Double?
}

@Suite struct QualityTests {
    /// Worst pages listed in the test output and in a failure message.
    static let worstShown = 10

    @Test("Cleaner() on the 181 AEB pages scores at least the pinned floor")
    func aebQualityFloor() throws {
        let floor = try JSONDecoder().decode(QualityFloor.self, from: Data(contentsOf: TestPages.aebQualityFloor))
        let truth = try GroundTruth(contentsOf: TestPages.aebTruth)
        let ids = TestPages.aebIDs
        #expect(Set(ids) == Set(truth.bodies.keys), "pages in TestPages/aeb/html and ground-truth.json differ")

        let outputs = Mutex<[String: String]>([:])
        let errors = Mutex<[String]>([])
        let cleaner = Cleaner()
        DispatchQueue.concurrentPerform(iterations: ids.count) { index in
            let id = ids[index]
            do {
                // The AEB truth is the body without the title, so the body is what is scored
                // (`newsclean --no-title`); the title line would count against precision.
                let article = try cleaner.clean(html: try TestPages.aebPage(id), url: truth.urls[id])
                let text = TextRenderer(includeTitle: false).render(article)
                outputs.withLock { $0[id] = text }
            } catch {
                errors.withLock { $0.append("\(id): \(error)") }
            }
        }
        let failed = errors.withLock { $0 }
        #expect(failed.isEmpty, "pages that could not be cleaned:\n\(failed.sorted().joined(separator: "\n"))")

        let report = ShingleScore.score(truth: truth.bodies, predictions: outputs.withLock { $0 })
        let worst = report.worst.prefix(Self.worstShown).map { page in
            "  \(String(format: "%.3f", page.f1)) P \(String(format: "%.3f", page.precision)) "
                + "R \(String(format: "%.3f", page.recall)) \(page.id) \(truth.urls[page.id] ?? "")"
        }.joined(separator: "\n")
        print("AEB quality: \(report.summaryLine)\nworst pages:\n\(worst)")

        let measured = "measured \(report.summaryLine); floor in \(Golden.relativePath(TestPages.aebQualityFloor))"
            + "\nworst pages (tools/evaluate --worst N shows what they miss):\n\(worst)"
        #expect(report.f1 >= floor.f1, "F1 \(report.f1) is below the floor \(floor.f1); \(measured)")
        if let minimum = floor.precision {
            #expect(report.precision >= minimum, "precision \(report.precision) is below the floor \(minimum)")
        }
        if let minimum = floor.recall {
            #expect(report.recall >= minimum, "recall \(report.recall) is below the floor \(minimum)")
        }
    }
}
