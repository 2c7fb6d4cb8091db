import FileSupport
import Foundation

/// Cutting one attribute's values into bins (closed intervals on data values), ExItNeRdoM's
/// four modes and quantiles. Their bins are the targets of their runs; ours feed the exact
/// search the same way (`RedescribeJob`'s target bins). docs/redescriptions.md says where we
/// differ from their code.
public enum Discretization: Hashable, Sendable {
    /// Their mode 0: width `h = 2·IQR·n^(−0.33)` (Freedman–Diaconis; IQR of the distinct
    /// values with quartiles at position p·(d+1), Apache Commons Math's default; n the number
    /// of rows); split points greedily upward from the minimum, each the first value at least
    /// `h` above the previous; bins `[split_i, split_i+1]`, closed — **adjacent bins share
    /// their boundary value**, as in their files.
    case equalWidth
    /// Their mode 1: the same `h`, two bins: `[min, first split]` and the values above it.
    case twoBins
    /// Their mode 2: `m = ⌈2·d^(1/3)⌉` bins of (nearly) equally many distinct values (disjoint).
    case equalFrequency
    /// Their mode 3: k-means for k = 2…10 (at most the distinct values), the k with the best
    /// mean silhouette; ours is the exact 1-D optimum (dynamic programming), theirs Weka's.
    case kMeans
    /// `q` bins of (nearly) equally many rows; all rows of a value share its bin (disjoint).
    case quantiles(Int)

    /// `equal-width`, `two-bins`, `equal-frequency`, `k-means`, `quantiles:Q`.
    public init(_ text: String) throws {
        switch text {
        case "equal-width": self = .equalWidth
        case "two-bins": self = .twoBins
        case "equal-frequency": self = .equalFrequency
        case "k-means": self = .kMeans
        default:
            if text.hasPrefix("quantiles:"), let q = Int(text.dropFirst("quantiles:".count)), q >= 1 { self = .quantiles(q) }
            else { throw InputError("'\(InputError.excerpt(text))' is not a binning: give equal-width, two-bins, equal-frequency, k-means or quantiles:Q (Q ≥ 1)") }
        }
    }

    public var name: String {
        switch self {
        case .equalWidth: return "equal-width"
        case .twoBins: return "two-bins"
        case .equalFrequency: return "equal-frequency"
        case .kMeans: return "k-means"
        case let .quantiles(q): return "quantiles:\(q)"
        }
    }

    /// The bins of `values` (one attribute over all rows), as (lower, upper), increasing.
    public func bins(_ values: [Double]) -> [(lower: Double, upper: Double)] {
        let distinct = Array(Set(values)).sorted()
        guard let first = distinct.first, let last = distinct.last else { return [] }
        guard distinct.count > 1 else { return [(first, last)] }
        switch self {
        case .equalWidth, .twoBins:
            let splits = Self.widthSplits(distinct, rowCount: values.count)
            if self == .twoBins {
                guard let split = splits.first, let above = distinct.first(where: { $0 > split }) else { return [(first, last)] }
                return [(first, split), (above, last)]
            }
            let bounds = [first] + splits + (splits.last == last ? [] : [last])
            return zip(bounds, bounds.dropFirst()).map { ($0, $1) }
        case .equalFrequency:
            let d = distinct.count, m = min(d, Int((2 * Foundation.cbrt(Double(d))).rounded(.up)))
            return (0..<m).compactMap { k in
                let lo = k * d / m, hi = (k + 1) * d / m - 1
                return hi >= lo ? (distinct[lo], distinct[hi]) : nil
            }
        case .kMeans:
            return Self.kMeansBins(values.sorted(), distinct: distinct)
        case let .quantiles(q):
            let sorted = values.sorted(), n = sorted.count
            var binOf: [Double: Int] = [:]
            for (rank, x) in sorted.enumerated() where binOf[x] == nil { binOf[x] = min(q - 1, rank * q / n) }
            var out: [(lower: Double, upper: Double)] = []
            var current = -1
            for x in distinct {
                if binOf[x]! != current { out.append((x, x)); current = binOf[x]! } else { out[out.count - 1].upper = x }
            }
            return out
        }
    }

    /// Quantile at probability p of sorted values, position p·(n+1) (1-based), interpolated
    /// linearly and clamped to the ends (Commons Math's `Percentile` default).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let n = sorted.count, position = p * Double(n + 1)
        if position < 1 { return sorted[0] }
        if position >= Double(n) { return sorted[n - 1] }
        let i = Int(position.rounded(.down)), fraction = position - Double(i)
        return sorted[i - 1] + fraction * (sorted[i] - sorted[i - 1])
    }

    /// Mode 0's split points (the minimum excluded).
    static func widthSplits(_ distinct: [Double], rowCount: Int) -> [Double] {
        let iqr = quantile(distinct, 0.75) - quantile(distinct, 0.25)
        let h = 2 * iqr * Foundation.pow(Double(rowCount), -0.33)
        guard h > 0, h.isFinite else { return [] }
        var splits: [Double] = [], current = distinct[0], i = 0
        while true {
            while i < distinct.count, distinct[i] < current + h { i += 1 }
            guard i < distinct.count else { return splits }
            current = distinct[i]
            splits.append(current)
        }
    }

    /// Exact 1-D k-means (least squares, dynamic programming over sorted values) for
    /// k = 2…min(10, distinct values); the k with the largest mean silhouette (ties: fewer k).
    static func kMeansBins(_ sorted: [Double], distinct: [Double]) -> [(lower: Double, upper: Double)] {
        let n = sorted.count
        var prefix = [0.0], prefix2 = [0.0]
        for x in sorted { prefix.append(prefix.last! + x); prefix2.append(prefix2.last! + x * x) }
        func cost(_ i: Int, _ j: Int) -> Double {   // rows i..<j
            let s = prefix[j] - prefix[i], s2 = prefix2[j] - prefix2[i]
            return max(0, s2 - s * s / Double(j - i))
        }
        var best: (score: Double, starts: [Int])?
        for k in 2...min(10, distinct.count) {
            // D[c][j]: best cost of the first j rows in c clusters; clusters never split a value.
            var D = [[Double]](repeating: [Double](repeating: .infinity, count: n + 1), count: k + 1)
            var arg = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: k + 1)
            D[0][0] = 0
            for c in 1...k {
                for j in c...n where j == n || sorted[j] != sorted[j - 1] {
                    for i in (c - 1)..<j where D[c - 1][i].isFinite && (i == 0 || sorted[i] != sorted[i - 1]) {
                        let v = D[c - 1][i] + cost(i, j)
                        if v < D[c][j] { D[c][j] = v; arg[c][j] = i }
                    }
                }
            }
            guard D[k][n].isFinite else { continue }
            var starts: [Int] = [], j = n
            for c in stride(from: k, through: 1, by: -1) { let i = arg[c][j]; starts.insert(i, at: 0); j = i }
            let score = silhouette(sorted, starts: starts)
            if best == nil || score > best!.score + 1e-12 { best = (score, starts) }
        }
        guard let starts = best?.starts else { return [(distinct[0], distinct[distinct.count - 1])] }
        let ends = starts.dropFirst().map { $0 } + [n]
        return zip(starts, ends).map { (sorted[$0], sorted[$1 - 1]) }
    }

    /// Mean silhouette of a 1-D clustering given by the first row of each cluster.
    static func silhouette(_ sorted: [Double], starts: [Int]) -> Double {
        let n = sorted.count, ends = starts.dropFirst().map { $0 } + [n]
        let clusters = zip(starts, ends).map { sorted[$0..<$1] }
        var total = 0.0
        for (c, members) in clusters.enumerated() {
            for x in members {
                guard members.count > 1 else { continue }   // a singleton's silhouette is 0
                let a = members.reduce(0) { $0 + abs($1 - x) } / Double(members.count - 1)
                var b = Double.infinity
                for (o, other) in clusters.enumerated() where o != c {
                    b = min(b, other.reduce(0) { $0 + abs($1 - x) } / Double(other.count))
                }
                total += max(a, b) > 0 ? (b - a) / max(a, b) : 0
            }
        }
        return total / Double(n)
    }
}
