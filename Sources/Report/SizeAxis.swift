import Foundation

/// The x axis of a plot: backbone sizes from `lo` to `hi`, ticks every `step` (all integers,
/// since sizes are). Starts at 0 when the data reach down near it, otherwise a little below
/// the smallest size so a front living at 49…81 neurons is not squeezed into the right edge.
struct SizeAxis: Equatable {
    var lo: Int
    var hi: Int
    var step: Int

    /// About eight ticks; 1, 2 or 5 times a power of ten apart.
    static func fitting(_ values: [Int]) -> SizeAxis {
        guard let mn = values.min(), let mx = values.max() else { return SizeAxis(lo: 0, hi: 10, step: 2) }
        let pad = max(1, 0.05 * Double(mx - mn))
        let rawLo = Double(mn) <= Double(mx) / 4 ? 0 : max(0, Double(mn) - pad)
        let rawHi = Double(mx) + pad
        let step = niceStep((rawHi - rawLo) / 8)
        let lo = Int((rawLo / Double(step)).rounded(.down)) * step
        let hi = Int((rawHi / Double(step)).rounded(.up)) * step
        return SizeAxis(lo: lo, hi: max(hi, lo + step), step: step)
    }

    /// Smallest of 1, 2, 5 × 10^k at least `raw` (and at least 1).
    static func niceStep(_ raw: Double) -> Int {
        guard raw > 1 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw - 1e-9 { return Int((m * magnitude).rounded()) }
        return Int((10 * magnitude).rounded())
    }

    var ticks: [Int] { Array(stride(from: lo, through: hi, by: step)) }
}
