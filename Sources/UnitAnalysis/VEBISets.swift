/// VEBI-style unit sets (Oramas et al., "Visual Explanation by Interpretation", ICLR 2019, as
/// DESIGN.md states it: a sparse non-negative lasso): per class `c`, the units whose activations,
/// scaled to [0, 1] by each unit's largest activation over the rows, predict the indicator
/// `[label = c]` in a non-negative lasso (`NonNegativeLasso`, with an intercept).
///
/// A set of size `K`: down the path `λ_j = λ_max · 0.97^j` (`j = 1, 2, …`, warm-started, at
/// most 400 steps) the first `λ` at which at least `K` weights are positive; its `K` units of
/// largest weight (ties: the lower unit id). A path that never reaches `K` positive weights
/// gives all its positive ones. Units that are never active (largest activation ≤ 0) never enter,
/// nor units outside `allowed` (the layer of a one-layer scope).
public struct VEBISets: Sendable {
    public let unitCount: Int
    public let labels: [Int]
    /// `features[u][i]`: unit `u`'s activation on row `i`, divided by its largest, centered.
    let features: [[Double]]
    /// Their Gram matrix (`NonNegativeLasso`), shared by every class.
    let gram: [Double]

    public static let ratio = 0.97
    public static let steps = 400
    /// Coordinate descent stops when no weight moves by more than this (relative to the largest).
    public static let tolerance = 1e-8

    /// `activations` row-major, `labels.count × unitCount`; only the units in `allowed` (nil: all)
    /// can enter a set.
    public init(activations: [Double], labels: [Int], unitCount: Int, allowed: Set<Int>? = nil) {
        precondition(activations.count == labels.count * unitCount, "one activation per row and unit")
        self.unitCount = unitCount
        self.labels = labels
        features = NonNegativeLasso.centered((0 ..< unitCount).map { u in
            let column = labels.indices.map { activations[$0 * unitCount + u] }
            let top = allowed.map { $0.contains(u) } ?? true ? column.max() ?? 0 : 0
            return top > 0 ? column.map { $0 / top } : [Double](repeating: 0, count: column.count)
        })
        gram = NonNegativeLasso.gram(features)
    }

    /// The weights along the path for class `label`, until `largest` weights are positive.
    public func path(forClass label: Int, largest: Int) -> [[Double]] {
        let lasso = NonNegativeLasso(gram: gram, correlation: NonNegativeLasso.correlation(features, labels.map { $0 == label ? 1 : 0 }))
        let top = lasso.lambdaMax
        var mu = [Double](repeating: 0, count: unitCount)
        var path: [[Double]] = []
        var lambda = top
        for _ in 0 ..< Self.steps {
            lambda *= Self.ratio
            mu = lasso.fit(lambda: lambda, start: mu, tolerance: Self.tolerance)
            path.append(mu)
            if mu.filter({ $0 > 0 }).count >= largest { break }
        }
        return path
    }

    /// The class's set of each size in `sizes` (a size of 0 gives the empty set).
    public func sets(forClass label: Int, sizes: [Int]) -> [Int: [Int]] {
        let path = path(forClass: label, largest: sizes.max() ?? 0)
        var sets: [Int: [Int]] = [:]
        for k in sizes {
            let weights = path.first { $0.filter { $0 > 0 }.count >= k } ?? path.last ?? []
            let ranked = weights.indices.filter { weights[$0] > 0 }.sorted { (weights[$0], -$0) > (weights[$1], -$1) }
            sets[k] = Array(ranked.prefix(k)).sorted()
        }
        return sets
    }
}
