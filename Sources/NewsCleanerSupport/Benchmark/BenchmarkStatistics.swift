import NewsCleaner

/// Order statistics for benchmark timings.
///
/// ```swift
/// BenchmarkStatistics.median([3, 1, 2])             // 2
/// BenchmarkStatistics.percentile([1, 2, 3, 4], 50)  // 2 (nearest rank)
/// ```
package enum BenchmarkStatistics {
    /// The median; the mean of the two middle values for an even count; 0 for no values.
    package static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The nearest-rank percentile (`percent` in 0…100): the smallest value with at least
    /// `percent` % of the values at or below it; 0 for no values.
    package static func percentile(_ values: [Double], _ percent: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let clamped = min(max(percent, 0), 100)
        let rank = Int((clamped / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
