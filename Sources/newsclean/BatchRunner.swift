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

    /// Records a signal; a second one (or `immediately`) means "stop now".
    func raise(_ signal: Int32, immediately: Bool = false) {
        lock.lock(); defer { lock.unlock() }
        if signalNumber == nil {
            signalNumber = signal
            signalTime = Date()
        } else {
            forced = true
        }
        if immediately { forced = true }
    }

    var state: (signal: Int32?, since: Date?, forced: Bool) {
        lock.lock(); defer { lock.unlock() }
        return (signalNumber, signalTime, forced)
    }

    var isSet: Bool { state.signal != nil }
}

/// What every worker needs to clean one page; immutable and shared.
struct PageJob: Sendable {
    /// Cleans pages: fills only the metadata fields `formatter` prints (`ArticleFormatter.metadataFields`).
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
    /// `--follow-links`: read through links that leave their input directory.
    var followLinks = false
    /// `--warc`: standard input is a WARC (else it is sniffed).
    var warcOnStandardInput = false

    /// Cleans WARC records, whose JSON lines print every metadata field whatever `-f` says.
    var recordCleaner: Cleaner {
        var all = cleaner
        all.options.metadataFields = .all
        return all
    }
}

/// The output files claimed so far in this run, so that two inputs never write the same file
/// (`a.html`, `a.htm`, `a.html.gz` → `a.txt`; two roots sharing names; `x.html` + `x.warc` with
/// -f jsonl). Claims are made on the walking thread in walk order, so which input keeps the file
/// does not depend on `-j`. Holds one path per output (a few dozen bytes per page).
// @unchecked Sendable: `owners` is only touched while holding `lock`.
final class OutputClaims: @unchecked Sendable {
    private let lock = NSLock()
    private var owners: [String: String] = [:]

    /// Claims `output` for `input`; throws `.outputCollision` naming the earlier owner.
    func claim(_ output: String, for input: String) throws(BatchError) {
        lock.lock(); defer { lock.unlock() }
        if let owner = owners[output], owner != input {
            throw BatchError(.outputCollision, "output \(output) is already written for \(owner) (same output name); not cleaned")
        }
        owners[output] = input
    }
}

/// Checks that writing `output` (below `directory`) cannot touch anything but a new file of
/// ours: no directory between `directory` and the file may be a symbolic link (the output would
/// land outside `directory`), and `output` must not be the input itself.
func checkOutputPath(_ output: String, directory: String, input: String) throws(BatchError) {
    var current = output
    let base = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
    while let slash = current.lastIndex(of: "/") {
        current = String(current[..<slash])
        if current == base || current.count <= base.count { break }
        var info = stat()
        if lstat(current, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            throw BatchError(.outputPath, "output path goes through the symbolic link \(current); not written")
        }
    }
    var out = stat(), inp = stat()
    if input != "-", stat(output, &out) == 0, stat(input, &inp) == 0, out.st_dev == inp.st_dev, out.st_ino == inp.st_ino {
        throw BatchError(.outputPath, "output \(output) is the input itself; not overwritten")
    }
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
    let claims = OutputClaims()
    /// WARC inputs found late (WARC data on standard input without --warc).
    private let late = LateInputs()
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

    /// The shared output (standard output or `-o FILE.jsonl`) failed a write: the run stops
    /// taking pages and WARC files, since nothing more can be written.
    var outputFailed: Bool { job.sink?.hasFailed ?? false }

    /// Standard output was closed by its reader: stop everything now (exit 141).
    func brokenPipe() {
        stop.raise(SIGPIPE, immediately: true)
        queue.cancel()
    }

    /// Waits for `group`; after a signal gives in-flight work `grace` seconds (none after a
    /// second signal or a closed standard output). False when work was abandoned.
    func waitWithGrace(_ group: DispatchGroup) -> Bool {
        while group.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            reporter.tick()
            let state = stop.state
            if let since = state.since, state.forced || Date().timeIntervalSince(since) >= grace {
                writer.abandon()
                reporter.silence()
                return false
            }
        }
        return true
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
        var walker = InputWalker(roots: roots, excluding: job.mapper.map { [$0.directory] } ?? [],
                                 followsLinksOutside: job.followLinks)
        while !stop.isSet, let event = walker.next() {
            reporter.found()
            switch event {
            case .page(let item):
                if let mapper = job.mapper {
                    do {
                        let output = try mapper.outputPath(for: item.relativePath)
                        try claims.claim(output, for: item.path)
                    } catch {
                        reporter.failed(path: item.path, error: error)
                        continue
                    }
                }
                if !queue.push(item) { break }
            case .failure(let path, let error):
                reporter.failed(path: path, error: error)
            }
        }
        walker.close()
        queue.finish()

        // Wait for the workers; after a signal, give in-flight pages `grace` seconds (or until
        // a second signal), then abandon them and remove their temporary files.
        _ = waitWithGrace(group)

        // The WARC files run on their own thread so that a slow record or a silent standard
        // input cannot hold the exit beyond the grace period.
        let allWarcs = warcs + late.items
        if !stop.isSet && !outputFailed && !allWarcs.isEmpty {
            let warcGroup = DispatchGroup()
            WorkerThreads.start(1, name: "newsclean-warc-reader", group: warcGroup) { [self] _ in
                runWarcs(allWarcs)
            }
            if !waitWithGrace(warcGroup) { late.abandonSink() }
        }

        if let signal = stop.state.signal {
            writer.abandon()
            job.sink?.abandon()
            late.abandonSink()
            if signal == SIGPIPE {
                reporter.silence()
                return exitBrokenPipe
            }
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
        return reporter.exitStatus
    }

    /// Cleans the WARC files one after another (each with `jobs` workers over its records) into
    /// the shared sink, or into `DIR/…/NAME.jsonl` each with `-o DIR`; one summary line per file.
    func runWarcs(_ warcs: [InputItem]) {
        let warcRunner = WarcRunner(job: job, reporter: reporter, stop: stop, jobs: jobs) { [self] in brokenPipe() }
        for item in warcs where !stop.isSet && !outputFailed {
            let sink: LineSink
            var ownSink = false
            if let mapper = job.mapper {
                do {
                    let outputPath = try WarcInputs.outputPath(for: item.relativePath, directory: mapper.directory)
                    try claims.claim(outputPath, for: item.path)
                    try checkOutputPath(outputPath, directory: mapper.directory, input: item.path)
                    if job.resume, !item.isStandardInput, Self.isUpToDate(output: outputPath, input: item.path) {
                        reporter.say("\(item.path): output \(outputPath) is up to date, skipped")
                        continue
                    }
                    sink = try LineSink.file(outputPath)
                    ownSink = true
                    late.setSink(sink)
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
                late.setSink(nil)
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
            if item.isStandardInput && !job.warcOnStandardInput {
                // WARC data on standard input without --warc: recognised by its first bytes,
                // which are replayed to whoever reads standard input next.
                let original = dup(0)
                let relay = try StandardInputRelay.start(source: original)
                dup2(relay.fd, 0)
                relay.close()
                if relay.looksLikeWarc {
                    reporter.notAPage()
                    late.add(item)
                    return
                }
            }
            let outputPath = try job.mapper?.outputPath(for: item.relativePath)
            if let outputPath, let mapper = job.mapper {
                try checkOutputPath(outputPath, directory: mapper.directory, input: item.path)
            }
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
            } else if let sink = job.sink, let code = sink.write(rendered) {
                if code == EPIPE && sink.path == nil {
                    brokenPipe()
                    return
                }
                // The output is lost from here on (disk full, file too large): take no new pages.
                queue.cancel()
                throw BatchError.system(.write, "cannot write \(sink.path ?? "standard output")", errno: code)
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

/// WARC inputs found while the pages run (standard input holding WARC data), and the per-file
/// output being written, so that an abandoned run can remove it.
// @unchecked Sendable: every var is only touched while holding `lock`.
final class LateInputs: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [InputItem] = []
    private var sink: LineSink?

    func add(_ item: InputItem) { lock.lock(); found.append(item); lock.unlock() }
    var items: [InputItem] { lock.lock(); defer { lock.unlock() }; return found }
    func setSink(_ new: LineSink?) { lock.lock(); sink = new; lock.unlock() }
    func abandonSink() { lock.lock(); let current = sink; lock.unlock(); current?.abandon() }
}
