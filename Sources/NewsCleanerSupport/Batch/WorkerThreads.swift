import Foundation

/// The one way the package's commands start worker threads (the CLI's page and WARC paths, the
/// benchmark's page and WARC modes): named threads with a deep stack, joined through a group.
///
/// A deep stack, because a pathological page must never overflow a worker (every walk is
/// iterative, but libxml2 and Foundation are not ours).
///
/// ```swift
/// let group = DispatchGroup()
/// WorkerThreads.start(4, name: "newsclean-worker", group: group) { index in work(index) }
/// group.wait()
/// ```
package enum WorkerThreads {
    /// Stack size of every worker thread (16 MiB).
    package static let stackBytes = 16 << 20

    /// Starts `count` threads named `name-0`, `name-1`, … running `body(index)`; each enters
    /// `group` before it starts and leaves it when `body` returns.
    package static func start(_ count: Int, name: String, group: DispatchGroup,
                              _ body: @escaping @Sendable (Int) -> Void) {
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                body(index)
                group.leave()
            }
            thread.name = "\(name)-\(index)"
            thread.stackSize = stackBytes
            thread.start()
        }
    }
}
