// swift-tools-version:6.0
// NewsCleaner: saved news pages in, clean article text out.
// No third-party Swift packages: the toolchain plus the system C libraries libxml2 and zlib.
// No unsafe flags: a package that depends on NewsCleaner by version must be able to build it.
//
// Products a client can depend on:
//   NewsCleaner            Cleaner, options, errors, the Article model, renderers, rules
//   NewsCleanerWARC        the streaming WARC reader (useful to scrapers on its own)
//   NewsCleanerEvaluation  the shingle-F1 yardstick (ShingleScore, GroundTruth)
// The package's own targets share code through Swift's `package` access level; the CLI and
// benchmark plumbing lives in the internal target NewsCleanerSupport (not a product).
//
// System libraries: on Linux, `tools/install-deps` installs libxml2-dev and zlib1g-dev (found by
// pkg-config). On macOS both ship with the SDK: CLibXML2's module map links `xml2` and its shim
// includes <libxml/...> from the SDK's /usr/include/libxml2 (pkg-config is not needed there;
// with Homebrew's libxml2, `PKG_CONFIG_PATH=$(brew --prefix libxml2)/lib/pkgconfig` also works).
import PackageDescription

let package = Package(
    name: "NewsCleaner",
    products: [
        .library(name: "NewsCleaner", targets: ["NewsCleaner"]),
        .library(name: "NewsCleanerWARC", targets: ["NewsCleanerWARC"]),
        .library(name: "NewsCleanerEvaluation", targets: ["NewsCleanerEvaluation"]),
        .executable(name: "newsclean", targets: ["newsclean"]),
        .executable(name: "newsclean-bench", targets: ["newsclean-bench"]),
        .executable(name: "newsclean-eval", targets: ["newsclean-eval"]),
        .executable(name: "newsclean-fuzz", targets: ["newsclean-fuzz"]),
        .executable(name: "newsclean-tune", targets: ["newsclean-tune"]),
    ],
    targets: [
        // The one door to libxml2: only Sources/NewsCleaner/Parsing imports it.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The one door to zlib: only Sources/NewsCleaner/Compression imports it
        // (the WARC reader inflates through that code).
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The documented library.
        .target(name: "NewsCleaner", dependencies: ["CLibXML2", "CZlib"]),
        // Streaming WARC records (gzip through NewsCleaner's Compression code).
        .target(name: "NewsCleanerWARC", dependencies: ["NewsCleaner"]),
        // The yardstick: the AEB benchmark's shingle F1.
        .target(name: "NewsCleanerEvaluation"),
        // Internal: input walking, output mapping, atomic writes, the worker pool, benchmark corpus.
        .target(name: "NewsCleanerSupport", dependencies: ["NewsCleaner"]),
        .executableTarget(
            name: "newsclean",
            dependencies: ["NewsCleaner", "NewsCleanerWARC", "NewsCleanerSupport"]
        ),
        .executableTarget(
            name: "newsclean-bench",
            dependencies: ["NewsCleaner", "NewsCleanerWARC", "NewsCleanerSupport"]
        ),
        .executableTarget(name: "newsclean-eval", dependencies: ["NewsCleaner", "NewsCleanerEvaluation"]),
        // Fits ExtractionSettings on the dev corpora with k-fold cross-validation (tools/tune).
        .executableTarget(name: "newsclean-tune", dependencies: ["NewsCleaner", "NewsCleanerEvaluation"]),
        // libFuzzer target over Cleaner.clean; tools/fuzz builds it with -sanitize=fuzzer,address.
        // A normal build gives a reproducer that replays inputs named on the command line.
        .executableTarget(name: "newsclean-fuzz", dependencies: ["NewsCleaner"]),
        .testTarget(
            name: "NewsCleanerTests",
            dependencies: ["NewsCleaner", "NewsCleanerWARC", "NewsCleanerEvaluation", "NewsCleanerSupport",
                           "CLibXML2"]  // CLibXML2 only for the test that libxml2 error handlers are left as found
        ),
    ]
)
