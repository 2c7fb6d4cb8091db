import TestSupport
import Testing
@testable import UnitAnalysis

/// The non-negative lasso behind the VEBI-style sets: a closed form, the optimality (KKT)
/// conditions on seeded random data, and the sets on a hand-made case.
@Suite struct VEBITests {
    /// One feature x = 0 1 2 3, y = 0 0 1 1: centered, ‖x‖²/n = 1.25 and xᵀy/n = 0.5, so
    /// μ(λ) = max(0, 0.5 − λ)/1.25: 0.32 at λ = 0.1, 0 from λ = 0.5 on. The reversed feature
    /// correlates negatively: its weight is 0 at any λ ≥ 0 (least squares would give −0.4).
    @Test func closedFormForOneFeature() {
        let lasso = NonNegativeLasso(columns: [[0, 1, 2, 3]], target: [0, 0, 1, 1])
        #expect(abs(lasso.lambdaMax - 0.5) < 1e-12)
        #expect(abs(lasso.fit(lambda: 0.1)[0] - 0.32) < 1e-9)
        #expect(lasso.fit(lambda: 0.5)[0] == 0)
        #expect(lasso.fit(lambda: 0.6)[0] == 0)
        let reversed = NonNegativeLasso(columns: [[3, 2, 1, 0]], target: [0, 0, 1, 1])
        #expect(reversed.fit(lambda: 0)[0] == 0)
        #expect(reversed.lambdaMax == 0)
    }

    /// At the optimum of the convex problem: `x_jᵀr/n = λ` where `μ_j > 0`, `≤ λ` where `μ_j = 0`
    /// (a certificate: any μ ≥ 0 meeting them is optimal).
    @Test func optimalityConditionsOnRandomData() {
        var rng = SplitMix(seed: 12)
        for trial in 0 ..< 20 {
            let n = Int.random(in: 8 ... 40, using: &rng), p = Int.random(in: 1 ... 8, using: &rng)
            let columns = (0 ..< p).map { _ in (0 ..< n).map { _ in Double.random(in: -1 ... 1, using: &rng) } }
            let target = (0 ..< n).map { i in columns[0][i] - 0.5 * columns[p - 1][i] + Double.random(in: -0.3 ... 0.3, using: &rng) }
            let lasso = NonNegativeLasso(columns: columns, target: target)
            for fraction in [0.0, 0.05, 0.3, 0.8] {
                let lambda = fraction * lasso.lambdaMax
                let mu = lasso.fit(lambda: lambda)
                // x_jᵀr/n from the raw columns, not from the solver's Gram form.
                let xs = columns.map { c in c.map { $0 - c.reduce(0, +) / Double(n) } }
                let ym = target.reduce(0, +) / Double(n)
                let r = (0 ..< n).map { i in target[i] - ym - (0 ..< p).reduce(0) { $0 + xs[$1][i] * mu[$1] } }
                let g = xs.map { c in zip(c, r).reduce(0) { $0 + $1.0 * $1.1 } / Double(n) }
                var positive = 0
                for j in 0 ..< p {
                    #expect(mu[j] >= 0)
                    if mu[j] > 0 {
                        positive += 1
                        #expect(abs(g[j] - lambda) < 1e-7, "trial \(trial) λ=\(lambda) j=\(j): \(g[j])")
                    } else {
                        #expect(g[j] <= lambda + 1e-7, "trial \(trial) λ=\(lambda) j=\(j): \(g[j])")
                    }
                }
                if fraction < 0.5 { #expect(positive > 0, "trial \(trial): the first feature drives the target") }
            }
        }
    }

    /// Four units on 8 rows (class 0: rows 0–3, class 1: rows 4–7), scaled to [0, 1]:
    /// `x2 = 0 0 0 0 1 1 1 0`, `x0 = 1 1 0 0 1 1 1 1`, unit 1 on for class 0 only (negative for
    /// class 1), unit 3 never active. With `y = [label = 1]` centered: `x2ᵀy/n = 0.1875`,
    /// `x0ᵀy/n = 0.125`, so unit 2 enters first (λ_max = 0.1875). With unit 2 alone,
    /// `μ2 = (0.1875 − λ)/0.234375` and unit 0's correlation with the residual is
    /// `0.125 − 0.09375·μ2 = 0.05 + 0.4λ`, which reaches λ at λ = 1/12: unit 0 enters second.
    /// Units 1 and 3 never enter.
    @Test func setsOnAHandMadeCase() {
        let labels = [0, 0, 0, 0, 1, 1, 1, 1]
        let rows: [[Double]] = [[1, 2, 0, 0], [1, 2, 0, 0], [0, 2, 0, 0], [0, 2, 0, 0],
                                [1, 0, 3, 0], [1, 0, 3, 0], [1, 0, 3, 0], [1, 0, 0, 0]]
        let vebi = VEBISets(activations: rows.flatMap { $0 }, labels: labels, unitCount: 4)
        let sets = vebi.sets(forClass: 1, sizes: [1, 2, 3])
        #expect(sets[1] == [2])
        #expect(sets[2] == [0, 2])
        #expect(sets[3] == [0, 2], "units 1 and 3 never enter")
        #expect(vebi.sets(forClass: 0, sizes: [1])[1] == [1])
        // Without unit 2, unit 0 is the only one that correlates positively with class 1.
        let restricted = VEBISets(activations: rows.flatMap { $0 }, labels: labels, unitCount: 4, allowed: [0, 1, 3])
        #expect(restricted.sets(forClass: 1, sizes: [1, 2]) == [1: [0], 2: [0]])
    }
}
