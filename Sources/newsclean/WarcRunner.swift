#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import NewsCleaner
import NewsCleanerWARC
import NewsCleanerSupport

/// HTTP statuses whose body is a page worth cleaning (2xx); redirects, errors and
/// `304 Not Modified` records are counted as skipped.
let cleanableHTTPStatuses = 200..<300

/// Cleans the HTML records of WARC files into JSON Lines.
///
/// The calling thread reads the file record by record (`WarcReader`, constant memory); `jobs`
/// worker threads clean records in parallel; whoever finishes the next record in input order
/// writes it and every following one already done. Two bounds hold the records between reading
/// and writing (queued, being cleaned, or waiting in the reorder buffer) however slow one record
/// is: a semaphore of `window` permits bounds their count, and a `ByteBudget` of `byteBudget`
/// bytes bounds what they hold, so records just under `--max-bytes` cannot pile up.
final class WarcRunner: Sendable {
    let job: PageJob
    let reporter: Reporter
    let stop: StopFlag
    let jobs: Int
    /// Most records between read and written.
    let window: Int
    /// Called when standard output was closed by its reader.
    let onBrokenPipe: @Sendable () -> Void

    /// Most bytes held by records between read and written: `jobs` records of the largest size
    /// the reader lets through. A record is charged until
    /// cleaned, then its output line (up to the record's charge) until written.
    let byteBudget: Int

    /// Records in flight per worker thread.
    static let recordsPerWorker = 4

    init(job: PageJob, reporter: Reporter, stop: StopFlag, jobs: Int, onBrokenPipe: @escaping @Sendable () -> Void = {}) {
        self.onBrokenPipe = onBrokenPipe
        self.job = job
        self.reporter = reporter
        self.stop = stop
        self.jobs = max(1, jobs)
        window = max(1, jobs) * Self.recordsPerWorker
        byteBudget = Self.budget(jobs: max(1, jobs), maxBytes: job.reader.maxBytes)
    }

    /// `jobs` × the most one queued record may hold under `maxBytes` (a content block of
    /// `readerOptions.maxRecordBytes`; a response keeps only its body, at most `maxBytes`), saturating.
    static func budget(jobs: Int, maxBytes: Int) -> Int {
        let (total, overflow) = readerOptions(maxBytes: maxBytes).maxRecordBytes.multipliedReportingOverflow(by: jobs)
        return overflow ? Int.max : total
    }

    /// The bytes a queued record holds: its content block (emptied for a response) and its
    /// decoded HTTP body.
    static func heldBytes(_ record: WarcRecord) -> Int {
        record.content.count + (record.http?.body.count ?? 0)
    }

    /// What one file held, for its summary line.
    struct FileSummary: Sendable {
        var stats = WarcStats()
        var cleaned = 0
        var failed = 0
        /// HTML records not cleaned because their HTTP status is not 2xx.
        var notOK = 0
        /// HTML responses whose HTTP block or body could not be decoded (counted in `failed`).
        var undecodable = 0
        var readError: String?

        /// `x.warc.gz: 12 records, 10 html, 9 cleaned, 3 skipped, 1 failed, damaged at offsets 0, 812`.
        func line(_ path: String) -> String {
            let damaged = stats.damagedOffsets.isEmpty ? "no damage"
                : "damaged at offsets " + stats.damagedOffsets.map(String.init).joined(separator: ", ")
            return "\(path): \(stats.records) records, \(stats.html + undecodable) html, \(cleaned) cleaned, "
                + "\(stats.skipped - undecodable + notOK) skipped, \(failed) failed, \(damaged)"
                + (readError.map { ", read error: \($0)" } ?? "")
        }

        /// True when the file gave exit status 1.
        var hasProblems: Bool { failed > 0 || !stats.damaged.isEmpty || readError != nil }
    }

    private struct Task: Sendable {
        var sequence: Int
        var record: WarcRecord
        /// Bytes taken from the budget for it.
        var charge: Int
    }

    /// A cleaned record: its line (nil when it failed) and the bytes still charged for the line.
    private struct Done: Sendable {
        var line: String?
        var charge: Int
    }

    /// The ordered output of one file: finished records wait here until all earlier ones are written.
    // @unchecked Sendable: every var is touched only while holding `lock`.
    private final class Reorder: @unchecked Sendable {
        let lock = NSLock()
        var done: [Int: Done] = [:]
        var next = 0
        /// The errno of the first failed write, captured on the writing thread.
        var writeFailed: Int32?
        /// True once a write failed: reading stops, nothing more can be written.
        var hasFailed: Bool { lock.lock(); defer { lock.unlock() }; return writeFailed != nil }
    }

    /// The reader's limits follow `--max-bytes`: a record may hold a page of that size plus its
    /// HTTP headers, a decoded body may not exceed it; larger records are skipped by streaming
    /// past them (never held), so memory stays bounded by `window` records of that size.
    var readerOptions: WarcReader.Options { Self.readerOptions(maxBytes: job.reader.maxBytes) }

    /// `readerOptions` for a `--max-bytes` of `limit`.
    static func readerOptions(maxBytes limit: Int) -> WarcReader.Options {
        var options = WarcReader.Options()
        options.maxBodyBytes = limit
        let (sum, overflow) = limit.addingReportingOverflow(options.maxHeaderBytes)
        options.maxRecordBytes = overflow ? Int.max : sum
        return options
    }

    /// Cleans one WARC file (`path`, or standard input for `-`) into `sink`; returns its summary.
    func run(path: String, sink: LineSink) -> FileSummary {
        var summary = FileSummary()
        let reader: WarcReader
        var relay: StandardInputRelay?
        do {
            if path == "-" {
                let started = try StandardInputRelay.start(source: 0)
                relay = started
                guard started.looksLikeWarc else {
                    summary.readError = "standard input is not a WARC file"
                    reporter.failure(path: path, kind: "not-warc", message: "not a WARC file")
                    started.close()
                    return summary
                }
                reader = WarcReader(fileDescriptor: started.fd, options: readerOptions)
            } else {
                reader = try WarcReader(path: path, options: readerOptions)
            }
        } catch {
            summary.readError = String(describing: error)
            reporter.failure(path: path, kind: "read", message: "cannot read: \(error)")
            return summary
        }
        defer { relay?.close() }

        let queue = BlockingQueue<Task>(capacity: window)
        let permits = DispatchSemaphore(value: window)
        let budget = ByteBudget(limit: byteBudget)
        let reorder = Reorder()
        let counts = Counts()
        let group = DispatchGroup()

        WorkerThreads.start(jobs, name: "newsclean-warc", group: group) { [self] _ in
            while let (sequence, done, released) = cleanNext(queue, path: path, counts: counts) {
                // The record is gone (freed inside `cleanNext`): only its line stays charged.
                budget.release(released)
                reorder.lock.lock()
                reorder.done[sequence] = done
                var brokenPipe = false, failedNow = false
                while let ready = reorder.done.removeValue(forKey: reorder.next) {
                    if let line = ready.line, reorder.writeFailed == nil, let code = sink.write(line) {
                        reorder.writeFailed = code
                        failedNow = true
                        brokenPipe = code == EPIPE && sink.path == nil
                    }
                    reorder.next += 1
                    budget.release(ready.charge)
                    permits.signal()
                }
                reorder.lock.unlock()
                if brokenPipe { onBrokenPipe() }
                // Nothing more can be written: clean no more records.
                if failedNow { queue.cancel() }
            }
        }

        var sequence = 0
        reading: while !stop.isSet && !reorder.hasFailed {
            let record: WarcRecord
            switch nextCleanable(reader, path: path, summary: &summary) {
            case .end: break reading
            case .skip: continue reading
            case .record(let next): record = next
            }
            reporter.found()
            // Wait for room in the reorder window, checking for a signal now and then.
            while permits.wait(timeout: .now() + .milliseconds(Self.pollMilliseconds)) == .timedOut {
                if stop.isSet || reorder.hasFailed { break reading }
            }
            // Wait for room in the byte budget (a record larger than all of it goes alone).
            let charge = Self.heldBytes(record)
            guard budget.acquire(charge, pollInterval: Double(Self.pollMilliseconds) / 1000,
                                 shouldGiveUp: { stop.isSet || reorder.hasFailed }) else {
                permits.signal()
                break reading
            }
            if !queue.push(Task(sequence: sequence, record: record, charge: charge)) {
                budget.release(charge)
                permits.signal()
                break reading
            }
            sequence += 1
        }
        queue.finish()
        group.wait()
        // Records left unwritten (the queue was cancelled) still hold permits: give them back,
        // since libdispatch traps when a semaphore is freed below its initial value.
        for _ in reorder.next..<max(reorder.next, sequence) { permits.signal() }
        summary.cleaned = counts.cleaned
        summary.failed = counts.failed + summary.undecodable
        if let code = reorder.writeFailed, !(code == EPIPE && sink.path == nil) {
            summary.readError = "cannot write output"
            reporter.failure(path: path, kind: "write", message: "cannot write output: \(String(cString: strerror(code)))")
        }
        return summary
    }

    /// What the reader found next.
    private enum ReadStep {
        /// An HTML page to clean.
        case record(WarcRecord)
        /// Anything else (counted and reported in `summary`).
        case skip
        /// The end of the file, or a read error (in `summary`).
        case end
    }

    /// Reads the next event, counts it in `summary`, reports damage and undecodable pages, and
    /// returns the next page to clean. A `response` is returned without its raw content block
    /// (cleaning needs only the decoded body), and the event holding that block dies here, so a
    /// queued record holds its page once, not twice.
    private func nextCleanable(_ reader: WarcReader, path: String, summary: inout FileSummary) -> ReadStep {
        let event: WarcEvent?
        do {
            event = try reader.next()
        } catch {
            summary.readError = String(describing: error)
            reporter.failure(path: path, kind: "read", message: String(describing: error))
            return .end
        }
        guard let event else { return .end }
        summary.stats.add(event)
        switch event {
        case .damaged(let damage):
            if case .recordTooLarge = damage.error {
                reporter.failure(path: path, kind: "too-large",
                                 message: "record at offset \(damage.offset) skipped: \(damage.error) (--max-bytes)")
            } else {
                reporter.failure(path: path, kind: "warc-damage",
                                 message: "damaged at offset \(damage.offset): \(damage.error)")
            }
            return .skip
        case .record(var record):
            if record.isUndecodableHTML {
                summary.undecodable += 1
                reporter.failure(path: path, kind: "warc-http",
                                 message: "record at offset \(record.offset) (\(record.targetURI ?? "no URI")): "
                                    + "HTML response cannot be decoded: \(record.httpError.map(String.init(describing:)) ?? "unknown")")
                return .skip
            }
            guard record.isHTML else { return .skip }
            if let status = record.http?.statusCode, !cleanableHTTPStatuses.contains(status) {
                summary.notOK += 1
                return .skip
            }
            if record.type == .response { record.content = [] }
            return .record(record)
        }
    }

    /// How often the reader looks at the stop flag while the window is full.
    static let pollMilliseconds = 50

    /// Per-file counters shared by the workers.
    // @unchecked Sendable: the vars are touched only while holding `lock`.
    private final class Counts: @unchecked Sendable {
        let lock = NSLock()
        private var cleanedCount = 0
        private var failedCount = 0
        var cleaned: Int { lock.lock(); defer { lock.unlock() }; return cleanedCount }
        var failed: Int { lock.lock(); defer { lock.unlock() }; return failedCount }
        func add(cleaned: Bool) {
            lock.lock(); defer { lock.unlock() }
            if cleaned { cleanedCount += 1 } else { failedCount += 1 }
        }
    }

    /// Pops and cleans the next record; nil when the queue is drained or cancelled. Returns its
    /// sequence number, its result, and the bytes to give back now (the record's charge minus
    /// what stays charged for its line). The record is freed when this returns.
    private func cleanNext(_ queue: BlockingQueue<Task>, path: String, counts: Counts) -> (Int, Done, Int)? {
        guard let task = queue.pop() else { return nil }
        // After a signal, records still queued are not cleaned.
        let line = stop.isSet ? nil : clean(task.record, path: path, counts: counts)
        let kept = min(task.charge, line?.utf8.count ?? 0)
        return (task.sequence, Done(line: line, charge: kept), task.charge - kept)
    }

    /// One record's JSON line, or nil (after reporting) when it could not be cleaned.
    private func clean(_ record: WarcRecord, path: String, counts: Counts) -> String? {
        let payload = record.payload
        do {
            let article = try job.recordCleaner.clean(html: payload, url: record.targetURI,
                                                      encoding: job.encoding ?? record.charsetHint)
            let line = job.formatter.warcLine(article, targetURI: record.targetURI,
                                              date: record.date, recordID: record.recordID)
            counts.add(cleaned: true)
            reporter.succeeded(storedBytes: payload.count)
            return line
        } catch {
            counts.add(cleaned: false)
            let (kind, message) = Reporter.describe(error)
            reporter.failure(path: path, kind: kind,
                             message: "record at offset \(record.offset) (\(record.targetURI ?? "no URI")): \(message)")
            return nil
        }
    }
}

/// Standard input for `--warc -`: the first bytes are read to check that they start a WARC,
/// then a thread copies those bytes and the rest of standard input into a pipe, whose read end
/// `fd` the `WarcReader` reads as if nothing had been consumed.
final class StandardInputRelay: Sendable {
    /// The read end of the pipe.
    let fd: Int32
    /// `WarcReader.looksLikeWarc` of the first bytes.
    let looksLikeWarc: Bool
    /// Bytes copied from standard input to the pipe at a time.
    static let copyChunk = 1 << 16

    private init(fd: Int32, looksLikeWarc: Bool) {
        self.fd = fd
        self.looksLikeWarc = looksLikeWarc
    }

    /// Reads the prefix from `source` (standard input) and starts the copying thread.
    static func start(source: Int32) throws(BatchError) -> StandardInputRelay {
        var prefix = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: WarcInputs.sniffBytes)
        while prefix.count < WarcInputs.sniffBytes {
            let n = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, WarcInputs.sniffBytes - prefix.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw .system(.read, "cannot read standard input", errno: errno) }
            if n == 0 { break }
            prefix.append(contentsOf: chunk[0..<n])
        }
        // The copying thread writes into a pipe the reader may close early: a write must fail
        // with EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .system(.read, "cannot make a pipe", errno: errno) }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let first = prefix
        let thread = Thread {
            defer { Glibc.close(writeEnd) }
            guard first.isEmpty || writeBytes(writeEnd, first) else { return }
            var buffer = [UInt8](repeating: 0, count: copyChunk)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, copyChunk) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                if !writeBytes(writeEnd, Array(buffer[0..<n])) { return }
            }
        }
        thread.name = "newsclean-stdin-relay"
        thread.start()
        return StandardInputRelay(fd: readEnd, looksLikeWarc: WarcReader.looksLikeWarc(prefix))
    }

    /// Closes the read end (the copying thread then stops on its next write).
    func close() { Glibc.close(fd) }

    private static func writeBytes(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }
}
