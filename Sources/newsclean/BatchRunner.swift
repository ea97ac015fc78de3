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

/// Whether and why the run should stop (set from the signal queue, read by every thread).
// @unchecked Sendable: `signal` and `forced` are only touched while holding `lock`.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var signalNumber: Int32?
    private var signalTime: Date?
    private var forced = false

    /// Records a signal; a second one means "stop now".
    func raise(_ signal: Int32) {
        lock.lock(); defer { lock.unlock() }
        if signalNumber == nil {
            signalNumber = signal
            signalTime = Date()
        } else {
            forced = true
        }
    }

    var state: (signal: Int32?, since: Date?, forced: Bool) {
        lock.lock(); defer { lock.unlock() }
        return (signalNumber, signalTime, forced)
    }

    var isSet: Bool { state.signal != nil }
}

/// What every worker needs to clean one page; immutable and shared.
struct PageJob: Sendable {
    var cleaner: Cleaner
    var reader: PageReader
    var formatter: ArticleFormatter
    /// `-o DIR`: one file per page (and per WARC file) below it.
    var mapper: OutputPathMapper?
    /// Without `-o DIR`: standard output, or the `-o FILE.jsonl` file.
    var sink: LineSink?
    var url: String?
    var encoding: String?
    var resume: Bool
}

/// The streaming batch: the caller's thread walks the inputs into a bounded queue, `jobs`
/// worker threads each read, clean, render and write one page at a time, so reading, cleaning
/// and writing overlap and memory does not grow with the number of pages.
final class BatchRunner: Sendable {
    let job: PageJob
    let reporter: Reporter
    let writer = AtomicFileWriter()
    let stop = StopFlag()
    let queue: BlockingQueue<InputItem>
    let jobs: Int
    let group = DispatchGroup()
    /// How long in-flight pages may take to finish after the first SIGINT/SIGTERM.
    let grace: TimeInterval

    init(job: PageJob, reporter: Reporter, jobs: Int, grace: TimeInterval = interruptGraceSeconds) {
        self.job = job
        self.reporter = reporter
        self.jobs = jobs
        self.grace = grace
        queue = BlockingQueue(capacity: max(16, jobs * 4))
    }

    /// A SIGINT/SIGTERM arrived: take no new pages.
    func interrupt(_ signal: Int32) {
        stop.raise(signal)
        queue.cancel()
    }

    /// Routes SIGINT and SIGTERM to `interrupt`. Signals are delivered on a dispatch queue
    /// instead of an async-signal handler, so the handler may take locks. Keep the returned
    /// sources alive for the whole run.
    func installSignalHandlers() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in interrupt(number) }
            source.resume()
            return source
        }
    }

    /// Runs the batch: the pages under `roots`, then the WARC files `warcs`; returns the exit status.
    func run(roots: [String], warcs: [InputItem] = []) -> Int32 {
        WorkerThreads.start(jobs, name: "newsclean-worker", group: group) { [self] _ in
            while let item = queue.pop() {
                process(item)
            }
        }

        // Create the output directory first so the walk can skip it when it lies inside an input.
        if let directory = job.mapper?.directory { try? AtomicFileWriter.makeDirectories(directory) }
        var walker = InputWalker(roots: roots, excluding: job.mapper.map { [$0.directory] } ?? [])
        while !stop.isSet, let event = walker.next() {
            reporter.found()
            switch event {
            case .page(let item):
                if !queue.push(item) { break }
            case .failure(let path, let error):
                reporter.failed(path: path, error: error)
            }
        }
        walker.close()
        queue.finish()

        // Wait for the workers; after a signal, give in-flight pages `grace` seconds (or until
        // a second signal), then abandon them and remove their temporary files.
        while group.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            reporter.tick()
            let state = stop.state
            if let since = state.since, state.forced || Date().timeIntervalSince(since) >= grace {
                writer.abandon()
                reporter.silence()
                break
            }
        }

        if !stop.isSet { runWarcs(warcs) }

        if let signal = stop.state.signal {
            writer.abandon()
            job.sink?.abandon()
            reporter.finish()
            reporter.say("interrupted: \(reporter.done) of \(reporter.discoveredCount) pages done")
            return 128 + signal
        }
        do {
            try job.sink?.commit()
        } catch {
            reporter.failed(path: job.sink?.path ?? "-", error: error)
        }
        reporter.finish()
        return reporter.failedCount > 0 ? 1 : 0
    }

    /// Cleans the WARC files one after another (each with `jobs` workers over its records) into
    /// the shared sink, or into `DIR/…/NAME.jsonl` each with `-o DIR`; one summary line per file.
    func runWarcs(_ warcs: [InputItem]) {
        let warcRunner = WarcRunner(job: job, reporter: reporter, stop: stop, jobs: jobs)
        for item in warcs where !stop.isSet {
            let sink: LineSink
            var ownSink = false
            if let mapper = job.mapper {
                do {
                    let outputPath = try WarcInputs.outputPath(for: item.relativePath, directory: mapper.directory)
                    if job.resume, !item.isStandardInput, Self.isUpToDate(output: outputPath, input: item.path) {
                        reporter.say("\(item.path): output \(outputPath) is up to date, skipped")
                        continue
                    }
                    sink = try LineSink.file(outputPath)
                    ownSink = true
                } catch {
                    reporter.failed(path: item.path, error: error)
                    continue
                }
            } else if let shared = job.sink {
                sink = shared
            } else {
                continue
            }
            let summary = warcRunner.run(path: item.path, sink: sink)
            if ownSink {
                if stop.isSet {
                    sink.abandon()
                } else {
                    do { try sink.commit() } catch { reporter.failed(path: item.path, error: error) }
                }
            }
            if !stop.isSet { reporter.summary(summary.line(item.path)) }
        }
    }

    /// Cleans one page; every failure is reported for that page only.
    func process(_ item: InputItem) {
        do {
            let outputPath = try job.mapper?.outputPath(for: item.relativePath)
            if job.resume, let outputPath, !item.isStandardInput,
               Self.isUpToDate(output: outputPath, input: item.path) {
                reporter.skippedPage()
                return
            }
            let page = try job.reader.read(item.path)
            let article = try job.cleaner.clean(html: page.bytes, url: job.url, encoding: job.encoding)
            let rendered = job.formatter.render(article, url: job.url, source: item.path)
            if let outputPath {
                try writer.write(rendered, to: outputPath)
            } else if let sink = job.sink, !sink.write(rendered) {
                throw BatchError.system(.write, "cannot write \(sink.path ?? "standard output")", errno: errno)
            }
            reporter.succeeded(storedBytes: page.storedSize)
        } catch {
            reporter.failed(path: item.path, error: error)
        }
    }

    /// True when `output` exists and its modification time is not older than `input`'s.
    static func isUpToDate(output: String, input: String) -> Bool {
        var out = stat()
        var inp = stat()
        guard stat(output, &out) == 0, stat(input, &inp) == 0 else { return false }
        let o = out.st_mtim, i = inp.st_mtim
        return (o.tv_sec, o.tv_nsec) >= (i.tv_sec, i.tv_nsec)
    }
}
