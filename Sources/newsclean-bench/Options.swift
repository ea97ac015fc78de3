/// The command line of `newsclean-bench`.
struct BenchOptions {
    /// Rounds measured when `--rounds` is not given.
    static let defaultRounds = 5
    /// Rounds run and thrown away before measuring (caches, page faults, lazy tables).
    static let warmUpRounds = 1

    /// The folder holding the corpus (searched recursively).
    var corpus = ""
    /// Measured rounds; each figure is the median over them.
    var rounds = BenchOptions.defaultRounds
    /// Worker threads for the parallel full-clean measurement (1: not measured).
    var jobs = 1
    /// Replicate the corpus this many times in one long batch run (0: the normal rounds).
    var scale = 0
    /// With `scale`: read (and gunzip) every page from disk each time instead of keeping them in memory.
    var fromDisk = false
    /// Print JSON instead of a table.
    var json = false
    /// Write each page's full-clean text and document fingerprint here (for before/after diffs).
    var dumpDirectory: String?
    /// Instead of a corpus: stream this WARC file and clean its HTML records once.
    var warc: String?
    /// Run rounds when standard input asks for them (see `runPaced`), for tools/compare-resiliparse.
    var paced = false
    /// The full clean fills every metadata field (what `newsclean -f json` runs), not the title alone.
    var allMetadata = false

    static let usage = """
    usage: newsclean-bench [options] CORPUS_DIR
           newsclean-bench --warc FILE [--jobs N] [--json]
           newsclean-bench --paced CORPUS_DIR

    Loads every .html/.htm/.xhtml page (and their .gz) under CORPUS_DIR into memory, then in one
    run measures on one core:
      floor  libxml2's HTML tokenizer with empty SAX callbacks on the original bytes
      parse  Cleaner().parse(html:): sniff, charset, pre-pass, SAX into the compact Document
      full   Cleaner().clean(html:) and article.text with metadataFields = [] (title only):
             exactly what `newsclean -f text` does for a page (no metadata extractor)
    each as the median of --rounds rounds after one warm-up round, with pages/s, MB/s (10^6 bytes),
    the time ratio to the floor, and per-page full-clean latency p50/p99/max (median over rounds).

    options:
      --rounds N     measured rounds (default \(defaultRounds))
      --jobs N       also measure the full clean with N worker threads and print the speed-up
                     against one core measured in the same run
      --scale K      instead of the rounds: one batch run over the corpus K times (same pages in
                     memory, iterated K times) with --jobs workers; reports total pages, MB,
                     pages/s over the whole run and peak RSS
      --from-disk    with --scale: read and gunzip each page from disk every time (memory stays flat)
      --warc FILE    instead of a corpus: stream FILE (.warc or .warc.gz, any gzip layout) with
                     WarcReader and clean every HTML record with a 2xx status once (Cleaner().clean
                     with the record's URL and charset and every metadata field, plus
                     article.text), as `newsclean` does for WARC records (JSON lines).
                     With --jobs 1 (default) one thread reads and cleans; with --jobs N the main
                     thread reads and N workers clean, fed by a bounded queue of 4×N records (the
                     CLI's window). Reports records (all types), HTML records, cleaned, failed,
                     non-2xx and damaged counts, compressed and payload MB, wall seconds (and the
                     part spent reading: inflate and WARC/HTTP parsing), records/s, cleaned/s,
                     MB/s of compressed WARC and of payload, and peak RSS (getrusage ru_maxrss).
                     Build a large test file with tools/make-big-warc SIZE_MB OUT.warc.gz.
      --paced        load the corpus, print {"pages":N,"bytes":B}, then for every line on standard
                     input naming stages ("floor full") run each once over all pages and print
                     their seconds as one JSON line; stops at an empty line or end of input.
                     For driving our rounds interleaved with another extractor's
                     (tools/compare-resiliparse).
      --all-metadata the full clean fills every metadata field (Cleaner() defaults: what
                     `newsclean -f json` runs) instead of the title alone
      --json         print JSON instead of a table
      --dump DIR     write DIR/<page>.txt (full-clean text) and DIR/<page>.doc (parse fingerprint)
      --help         this text
    """

    /// Parses `arguments` (without the program name).
    ///
    /// - Throws: `BenchError.usage` with a message for bad or missing arguments.
    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var rest = arguments[...]
        func count(_ flag: String, minimum: Int) throws -> Int {
            guard let text = rest.popFirst(), let value = Int(text), value >= minimum else {
                throw BenchError.usage("\(flag) needs a whole number ≥ \(minimum)")
            }
            return value
        }
        var positional: [String] = []
        while let argument = rest.popFirst() {
            switch argument {
            case "--help", "-h": throw BenchError.help
            case "--rounds": options.rounds = try count(argument, minimum: 1)
            case "--jobs", "-j": options.jobs = try count(argument, minimum: 1)
            case "--scale": options.scale = try count(argument, minimum: 1)
            case "--from-disk": options.fromDisk = true
            case "--paced": options.paced = true
            case "--all-metadata": options.allMetadata = true
            case "--json": options.json = true
            case "--warc":
                guard let file = rest.popFirst() else { throw BenchError.usage("--warc needs a file") }
                options.warc = file
            case "--dump":
                guard let dir = rest.popFirst() else { throw BenchError.usage("--dump needs a folder") }
                options.dumpDirectory = dir
            default:
                if argument.hasPrefix("-") { throw BenchError.usage("unknown option \(argument)") }
                positional.append(argument)
            }
        }
        if options.warc != nil {
            guard positional.isEmpty else { throw BenchError.usage("--warc takes no CORPUS_DIR") }
            if options.scale > 0 || options.fromDisk || options.dumpDirectory != nil {
                throw BenchError.usage("--warc does not go with --scale, --from-disk or --dump")
            }
            return options
        }
        guard positional.count == 1 else { throw BenchError.usage("give exactly one CORPUS_DIR") }
        if options.fromDisk && options.scale == 0 { throw BenchError.usage("--from-disk needs --scale K") }
        if options.paced && (options.scale > 0 || options.dumpDirectory != nil || options.jobs > 1) {
            throw BenchError.usage("--paced does not go with --scale, --dump or --jobs")
        }
        options.corpus = positional[0]
        return options
    }
}

/// Why the bench stops early.
enum BenchError: Error {
    /// `--help` was asked for.
    case help
    /// Bad command line, with the reason.
    case usage(String)
    /// The corpus folder holds no pages.
    case emptyCorpus(String)
}
