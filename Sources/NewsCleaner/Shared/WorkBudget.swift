/// Counts the work one page costs against its budget (`CleanerOptions.workUnitsPerByte`).
///
/// A work unit is one node visited or one byte of text scanned or copied by a step. The steps
/// spend as they go and stop early (keeping what they have) once `isExhausted`, so no page can
/// cost more than its budget plus a constant per step, whatever its shape. One meter serves
/// one page on one thread.
///
/// ```swift
/// let meter = WorkMeter(limit: 1_000_000)
/// for id in doc.nodeIDs { guard meter.spend(1) else { break } }
/// ```
final class WorkMeter {
    /// Units the page may cost.
    let limit: Int
    /// Units spent so far.
    private(set) var used = 0

    init(limit: Int) { self.limit = limit }

    /// A meter that never runs out (for callers that gave no budget).
    static func unlimited() -> WorkMeter { WorkMeter(limit: Int.max) }

    /// The budget of a page of `bytes` bytes under `options`.
    static func forPage(bytes: Int, options: CleanerOptions) -> WorkMeter {
        let perByte = max(1, options.workUnitsPerByte)
        let (product, overflow) = max(bytes, options.minimumWorkUnits / perByte).multipliedReportingOverflow(by: perByte)
        return WorkMeter(limit: overflow ? Int.max : max(product, options.minimumWorkUnits))
    }

    /// True once the page has spent its budget.
    var isExhausted: Bool { used >= limit }

    /// Spends `units`; false once the budget is spent (the caller stops).
    @inline(__always) @discardableResult
    func spend(_ units: Int) -> Bool {
        used &+= units
        return used < limit
    }
}
