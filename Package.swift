// swift-tools-version:6.0
// NewsCleaner: saved news pages in, clean article text out.
// No third-party Swift packages: the toolchain plus the system C libraries libxml2 and zlib.
import PackageDescription

let package = Package(
    name: "NewsCleaner",
    products: [
        .library(name: "NewsCleaner", targets: ["NewsCleaner"]),
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
            providers: [.apt(["libxml2-dev"])]
        ),
        // The one door to zlib: only Sources/NewsCleaner/Compression imports it.
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "NewsCleaner",
            dependencies: ["CLibXML2", "CZlib"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .executableTarget(name: "newsclean", dependencies: ["NewsCleaner"]),
        .executableTarget(name: "newsclean-bench", dependencies: ["NewsCleaner"]),
        .executableTarget(name: "newsclean-eval", dependencies: ["NewsCleaner"]),
        // Fits ExtractionSettings on the dev corpora with k-fold cross-validation (tools/tune).
        .executableTarget(name: "newsclean-tune", dependencies: ["NewsCleaner"]),
        // libFuzzer target over Cleaner.clean; tools/fuzz builds it with -sanitize=fuzzer,address.
        // A normal build gives a reproducer that replays inputs named on the command line.
        .executableTarget(name: "newsclean-fuzz", dependencies: ["NewsCleaner"]),
        .testTarget(
            name: "NewsCleanerTests",
            dependencies: ["NewsCleaner"]
        ),
    ]
)
