import Dispatch
import Foundation
import NewsCleaner
@testable import NewsCleanerEvaluation
import Synchronization
import Testing

/// The pinned minimum scores in `TestPages/aeb/quality-floor.json` and `TestPages/wcxb-dev/quality-floor.json`.
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
        try checkFloor(corpus: TestPages.aeb, truthFile: TestPages.aebTruth, floorFile: TestPages.aebQualityFloor, name: "AEB")
    }

    @Test("Cleaner() on the 363 wcxb-dev pages scores at least the pinned floor")
    func wcxbQualityFloor() throws {
        try checkFloor(corpus: TestPages.wcxb, truthFile: TestPages.wcxbTruth, floorFile: TestPages.wcxbQualityFloor, name: "wcxb-dev")
    }

    /// Cleans every page of a corpus folder (in parallel), scores the body against the truth and
    /// checks the pinned floor.
    private func checkFloor(corpus: URL, truthFile: URL, floorFile: URL, name: String) throws {
        let floor = try JSONDecoder().decode(QualityFloor.self, from: Data(contentsOf: floorFile))
        let truth = try GroundTruth(contentsOf: truthFile)
        let ids = TestPages.pageIDs(in: corpus)
        #expect(Set(ids) == Set(truth.bodies.keys), "pages in \(name) html/ and ground-truth.json differ")

        let outputs = Mutex<[String: String]>([:])
        let errors = Mutex<[String]>([])
        let cleaner = Cleaner()
        DispatchQueue.concurrentPerform(iterations: ids.count) { index in
            let id = ids[index]
            do {
                // The truth is the body without the title, so the body is what is scored
                // (`newsclean --no-title`); the title line would count against precision.
                let article = try cleaner.clean(html: try TestPages.page(id, in: corpus), url: truth.urls[id])
                let text = TextRenderer(includeTitle: false).render(article)
                outputs.withLock { $0[id] = text }
            } catch {
                errors.withLock { $0.append("\(id): \(error)") }
            }
        }
        let failed = errors.withLock { $0 }
        #expect(failed.isEmpty, "pages that could not be cleaned:\n\(failed.sorted().joined(separator: "\n"))")

        let report = ShingleScore.score(truth: truth.bodies, predictions: outputs.withLock { $0 }, sampleLimit: 0)
        let worst = report.worst.prefix(Self.worstShown).map { page in
            "  \(String(format: "%.3f", page.f1)) P \(String(format: "%.3f", page.precision)) "
                + "R \(String(format: "%.3f", page.recall)) \(page.id) \(truth.urls[page.id] ?? "")"
        }.joined(separator: "\n")
        print("\(name) quality: \(report.summaryLine)\nworst pages:\n\(worst)")

        let measured = "measured \(report.summaryLine); floor in \(Golden.relativePath(floorFile))"
            + "\nworst pages (tools/evaluate --worst N shows what they miss):\n\(worst)"
        #expect(report.f1 >= floor.f1, "\(name) F1 \(report.f1) is below the floor \(floor.f1); \(measured)")
        if let minimum = floor.precision {
            #expect(report.precision >= minimum, "\(name) precision \(report.precision) is below the floor \(minimum)")
        }
        if let minimum = floor.recall {
            #expect(report.recall >= minimum, "\(name) recall \(report.recall) is below the floor \(minimum)")
        }
    }
}
