/// The non-negative lasso with an unpenalized intercept, by cyclic coordinate descent:
/// `min_{b, μ ≥ 0} (1/2n)·‖y − b − Xμ‖² + λ·Σ_j μ_j`.
///
/// The intercept is removed by centering `y` and every column of `X`; the update of one
/// coordinate is `μ_j = max(0, ρ_j − λ) / (‖x_j‖²/n)` with `ρ_j = x_jᵀ(r + x_j μ_j)/n` (`r` the
/// residual). After a sweep over every column the active columns are swept until they settle,
/// then every column again, until no coordinate moves by more than `tolerance` (relative to
/// the largest). At the optimum (KKT): `x_jᵀr/n = λ` where `μ_j > 0` and `≤ λ` where `μ_j = 0`.
public struct NonNegativeLasso: Sendable {
    /// Rows.
    public let n: Int
    /// Centered columns, `columns[j][i]`.
    public let columns: [[Double]]
    /// `‖x_j‖²/n` of each centered column (0: a constant column, never chosen).
    public let scale: [Double]
    public let target: [Double]

    /// `columns[j][i]` is feature `j` of row `i`; `target[i]` the response.
    public init(columns: [[Double]], target: [Double]) {
        n = target.count
        precondition(columns.allSatisfy { $0.count == target.count }, "every column has one value per row")
        let count = Double(max(1, target.count))
        let mean = target.reduce(0, +) / count
        self.target = target.map { $0 - mean }
        self.columns = columns.map { c in
            let m = c.reduce(0, +) / count
            return c.map { $0 - m }
        }
        scale = self.columns.map { c in c.reduce(0) { $0 + $1 * $1 } / count }
    }

    /// `x_jᵀ r / n` for every column at residual `r`.
    public func correlations(residual r: [Double]) -> [Double] {
        columns.map { c in zip(c, r).reduce(0) { $0 + $1.0 * $1.1 } / Double(max(1, n)) }
    }

    /// The smallest `λ` at which every `μ_j` is 0: `max(0, max_j x_jᵀy/n)`.
    public var lambdaMax: Double { max(0, correlations(residual: target).max() ?? 0) }

    /// The residual `y − Xμ` (centered).
    public func residual(_ mu: [Double]) -> [Double] {
        var r = target
        for (j, m) in mu.enumerated() where m != 0 { for i in 0 ..< n { r[i] -= columns[j][i] * m } }
        return r
    }

    /// The solution at `lambda`, from `start` (a previous solution on a path; zeros by default).
    public func fit(lambda: Double, start: [Double]? = nil, tolerance: Double = 1e-10, maxSweeps: Int = 100_000) -> [Double] {
        var mu = start ?? [Double](repeating: 0, count: columns.count)
        var r = residual(mu)
        let all = Array(columns.indices)
        var sweeps = 0
        // One sweep over `indices`; returns the largest change.
        func sweep(_ indices: [Int]) -> Double {
            sweeps += 1
            var largest = 0.0
            for j in indices where scale[j] > 0 {
                let c = columns[j]
                var dot = 0.0
                for i in 0 ..< n { dot += c[i] * r[i] }
                let rho = dot / Double(n) + scale[j] * mu[j]
                let next = max(0, rho - lambda) / scale[j]
                let delta = next - mu[j]
                if delta != 0 {
                    for i in 0 ..< n { r[i] -= c[i] * delta }
                    mu[j] = next
                    largest = max(largest, abs(delta))
                }
            }
            return largest
        }
        while sweeps < maxSweeps {
            let size = max(1, mu.max() ?? 1)
            if sweep(all) <= tolerance * size { break }
            let active = all.filter { mu[$0] > 0 }
            while sweeps < maxSweeps, sweep(active) > tolerance * size {}
        }
        return mu
    }
}
