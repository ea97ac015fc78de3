#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds in a second.
let nanosecondsPerSecond = 1_000_000_000.0
/// Nanoseconds in a millisecond.
let nanosecondsPerMillisecond = 1_000_000.0
/// Bytes in a megabyte (decimal, as MB/s figures are usually given).
let bytesPerMegabyte = 1_000_000.0

/// A monotonic clock reading in nanoseconds.
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * UInt64(nanosecondsPerSecond) + UInt64(spec.tv_nsec)
}

/// The process's peak resident set size so far, in KB (Linux reports `ru_maxrss` in KB).
func peakResidentKilobytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
}
