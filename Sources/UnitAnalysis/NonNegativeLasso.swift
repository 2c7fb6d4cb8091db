/// The non-negative lasso with an unpenalized intercept, by cyclic coordinate descent:
/// `min_{b, μ ≥ 0} (1/2n)·‖y − b − Xμ‖² + λ·Σ_j μ_j`.
///
/// The intercept is removed by centering `y` and every column of `X`; the descent works on the
/// Gram form (`G = XᵀX/n`, `c = Xᵀy/n`, both centered), so a sweep costs `p²`, not `p·n`: the
/// gradient `g = c − Gμ` is `x_jᵀr/n` (`r` the residual) and the update of one coordinate is
/// `μ_j = max(0, g_j + G_jj μ_j − λ) / G_jj`. After a sweep over every column the active
/// columns are swept until they settle, then every column again, until no coordinate moves by
/// more than `tolerance` (relative to the largest). At the optimum (KKT): `g_j = λ` where
/// `μ_j > 0` and `g_j ≤ λ` where `μ_j = 0`.
public struct NonNegativeLasso: Sendable {
    /// `G = XᵀX/n` of the centered columns, row-major `p × p`.
    public let gram: [Double]
    /// `c = Xᵀy/n` of the centered columns and target.
    public let correlation: [Double]
    public var p: Int { correlation.count }

    public init(gram: [Double], correlation: [Double]) {
        precondition(gram.count == correlation.count * correlation.count, "a p × p Gram matrix")
        self.gram = gram
        self.correlation = correlation
    }

    /// `columns[j][i]` is feature `j` of row `i`; `target[i]` the response.
    public init(columns: [[Double]], target: [Double]) {
        let centered = Self.centered(columns)
        self.init(gram: Self.gram(centered), correlation: Self.correlation(centered, target))
    }

    /// Each column minus its mean.
    public static func centered(_ columns: [[Double]]) -> [[Double]] {
        columns.map { c in
            let m = c.reduce(0, +) / Double(max(1, c.count))
            return c.map { $0 - m }
        }
    }

    /// `XᵀX/n` of centered columns.
    public static func gram(_ centered: [[Double]]) -> [Double] {
        let p = centered.count, rows = centered.first?.count ?? 0, n = Double(max(1, rows))
        let flat = centered.flatMap { $0 }
        var g = [Double](repeating: 0, count: p * p)
        flat.withUnsafeBufferPointer { x in
            g.withUnsafeMutableBufferPointer { out in
                for a in 0 ..< p {
                    for b in a ..< p {
                        var v = 0.0
                        for i in 0 ..< rows { v += x[a * rows + i] * x[b * rows + i] }
                        out[a * p + b] = v / n
                        out[b * p + a] = v / n
                    }
                }
            }
        }
        return g
    }

    /// `Xᵀy/n` of centered columns (the target's mean drops out against centered columns).
    public static func correlation(_ centered: [[Double]], _ target: [Double]) -> [Double] {
        let n = Double(max(1, target.count))
        return centered.map { c in zip(c, target).reduce(0) { $0 + $1.0 * $1.1 } / n }
    }

    /// The smallest `λ` at which every `μ_j` is 0: `max(0, max_j c_j)`.
    public var lambdaMax: Double { max(0, correlation.max() ?? 0) }

    /// `g = c − Gμ`: `x_jᵀr/n` at the residual of `μ`.
    public func gradient(_ mu: [Double]) -> [Double] {
        (0 ..< p).map { j in correlation[j] - (0 ..< p).reduce(0) { $0 + gram[j * p + $1] * mu[$1] } }
    }

    /// The solution at `lambda`, from `start` (a previous solution on a path; zeros by default).
    public func fit(lambda: Double, start: [Double]? = nil, tolerance: Double = 1e-10, maxSweeps: Int = 20_000) -> [Double] {
        var mu = start ?? [Double](repeating: 0, count: p)
        var g = gradient(mu)
        let all = Array(0 ..< p)
        var sweeps = 0
        // One sweep over `indices`; returns the largest change.
        func sweep(_ indices: [Int]) -> Double {
            sweeps += 1
            var largest = 0.0
            gram.withUnsafeBufferPointer { G in
                g.withUnsafeMutableBufferPointer { g in
                    for j in indices {
                        let d = G[j * p + j]
                        guard d > 0 else { continue }
                        let next = max(0, g[j] + d * mu[j] - lambda) / d
                        let delta = next - mu[j]
                        if delta != 0 {
                            mu[j] = next
                            // G is symmetric: column j is row j.
                            for k in 0 ..< p { g[k] -= G[j * p + k] * delta }
                            largest = max(largest, abs(delta))
                        }
                    }
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
