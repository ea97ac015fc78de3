import Foundation
import Synchronization
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// HTTP statuses whose body is cleaned (2xx), as in the CLI's WARC path: redirects and errors
/// are counted as skipped.
let warcCleanableStatuses = 200..<300

/// What the `--warc` mode counted, filled by the reader and the workers.
struct WarcCounts: Sendable {
    /// Records read whole (every type).
    var records = 0
    /// Records whose payload is HTML.
    var html = 0
    /// HTML records not cleaned because their HTTP status is not 2xx.
    var notOK = 0
    /// Damage reports (each a stretch of the file skipped).
    var damaged = 0
    /// HTML records cleaned (article and text made).
    var cleaned = 0
    /// HTML records the cleaner threw on.
    var failed = 0
    /// Bytes of payload handed to the cleaner (decoded HTTP bodies).
    var payloadBytes = 0
    /// Seconds the reader spent in `WarcReader.next()` (inflate, WARC and HTTP parsing).
    var readSeconds = 0.0
    /// Sum of the text lengths, printed so the work cannot be elided.
    var checksum = 0
}

/// One record handed from the reader to a worker.
private struct WarcTask: Sendable {
    var payload: [UInt8]
    var url: String?
    var charset: String?
}

/// Cleans one payload; returns (cleaned?, text length).
@inline(never)
private func cleanRecord(_ task: WarcTask, _ cleaner: Cleaner) -> (Bool, Int) {
    do {
        let article = try cleaner.clean(html: task.payload, url: task.url, encoding: task.charset)
        return (true, article.text.utf8.count)
    } catch {
        return (false, 0)
    }
}

/// Streams the WARC at `path` with `WarcReader` and cleans every 2xx HTML record.
///
/// With one job the reading and the cleaning run on the calling thread (one core). With N > 1,
/// the calling thread reads and N worker threads clean, fed through a bounded queue of
/// `jobs × recordsPerWorker` records, as the CLI does, so memory stays bounded by that many
/// records however long the file is.
func runWarc(path: String, jobs: Int, cleaner: Cleaner) throws -> WarcReport {
    let reader = try WarcReader(path: path)
    // The reader opened the file, so it exists; a failing stat leaves the size at 0.
    var info = stat()
    let compressedBytes = stat(path, &info) == 0 ? Int(info.st_size) : 0
    var counts = WarcCounts()
    let start = monotonicNanoseconds()

    let queue = jobs > 1 ? BlockingQueue<WarcTask>(capacity: jobs * WarcBenchLimits.recordsPerWorker) : nil
    let totals = Mutex(WarcCounts())
    let finished = DispatchGroup()
    if let queue {
        WorkerThreads.start(jobs, name: "bench-warc", group: finished) { _ in
            var local = WarcCounts()
            while let task = queue.pop() {
                let (ok, length) = cleanRecord(task, cleaner)
                if ok { local.cleaned += 1 } else { local.failed += 1 }
                local.checksum &+= length
            }
            totals.withLock {
                $0.cleaned += local.cleaned
                $0.failed += local.failed
                $0.checksum &+= local.checksum
            }
        }
    }

    var readNanoseconds: UInt64 = 0
    while true {
        let before = monotonicNanoseconds()
        let next = try reader.next()
        readNanoseconds += monotonicNanoseconds() - before
        guard let event = next else { break }
        switch event {
        case .damaged:
            counts.damaged += 1
        case .record(let record):
            counts.records += 1
            guard record.isHTML else { continue }
            counts.html += 1
            if let status = record.http?.statusCode, !warcCleanableStatuses.contains(status) {
                counts.notOK += 1
                continue
            }
            let task = WarcTask(payload: record.payload, url: record.targetURI, charset: record.charsetHint)
            counts.payloadBytes += task.payload.count
            if let queue {
                queue.push(task)
            } else {
                let (ok, length) = cleanRecord(task, cleaner)
                if ok { counts.cleaned += 1 } else { counts.failed += 1 }
                counts.checksum &+= length
            }
        }
    }
    if let queue {
        queue.finish()
        finished.wait()
        let done = totals.withLock { $0 }
        counts.cleaned = done.cleaned
        counts.failed = done.failed
        counts.checksum = done.checksum
    }
    let seconds = Double(monotonicNanoseconds() - start) / nanosecondsPerSecond
    counts.readSeconds = Double(readNanoseconds) / nanosecondsPerSecond
    return WarcReport(path: path, jobs: jobs, counts: counts, compressedBytes: compressedBytes,
                      compression: reader.compression, seconds: seconds, peakRSSKilobytes: peakResidentKilobytes())
}

/// Sizes of the `--warc` mode.
enum WarcBenchLimits {
    /// Records queued per worker thread (the CLI's window is the same multiple).
    static let recordsPerWorker = 4
}

