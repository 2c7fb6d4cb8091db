import Foundation
import Redescription
import Testing

/// Jaccard and the two binomial p-values against direct sums, closed forms and their numbers.
@Suite struct MeasuresTests {
    /// `P(X ≥ k)` by summing exact binomial terms in `Double` (fine for small n).
    func directTail(_ k: Int, _ n: Int, _ p: Double) -> Double {
        var total = 0.0
        for i in max(0, k)...max(n, 0) where i <= n {
            var c = 1.0
            for j in 0..<i { c = c * Double(n - j) / Double(j + 1) }
            total += c * pow(p, Double(i)) * pow(1 - p, Double(n - i))
        }
        return total
    }

    @Test func tailsEqualDirectSums() {
        for n in [1, 2, 7, 30] {
            for p in [0.01, 0.3, 0.5, 0.93] {
                for k in 0...n + 1 {
                    let ours = BinomialTail.atLeast(k, n: n, p: p).value
                    let direct = k > n ? 0 : directTail(k, n, p)
                    #expect(abs(ours - direct) <= 1e-12 * max(1, direct), "n \(n) p \(p) k \(k): \(ours) vs \(direct)")
                    #expect(BinomialTail.above(k, n: n, p: p) == BinomialTail.atLeast(k + 1, n: n, p: p))
                }
            }
        }
        #expect(BinomialTail.atLeast(0, n: 5, p: 0) == .one && BinomialTail.atLeast(1, n: 5, p: 0) == .zero)
        #expect(BinomialTail.atLeast(5, n: 5, p: 1) == .one && BinomialTail.atLeast(6, n: 5, p: 1) == .zero)
    }

    @Test func tinyTailsKeepTheirSize() {
        // P(X ≥ n) = p^n: 171 rows, p = 0.01 → 10^-342, below the smallest Double.
        let t = BinomialTail.atLeast(171, n: 171, p: 0.01)
        #expect(abs(t.log10 - (-342)) < 1e-9)
        #expect(t.value == 0)
        // P(X ≥ n − 1) = n p^(n−1) (1 − p) + p^n
        let u = BinomialTail.atLeast(170, n: 171, p: 0.2)
        let expected = log10(171.0) + 170 * log10(0.2) + log10(0.8) + log10(1 + 0.2 / (171 * 0.8))
        #expect(abs(u.log10 - expected) < 1e-9)
    }

    @Test func measuresOfARedescription() {
        // Their neuron17 record: |q1| = 125, |q2| = 124, |∩| = 124, n = 171, JS 0.992,
        // printed interaction p-value 5.7380578621923917E-8 (theirs is P(X > |∩|)).
        let m = RedescriptionMeasures(rowCount: 171, leftSupport: 125, rightSupport: 124, intersection: 124)
        #expect(m.union == 125 && m.jaccard == 0.992)
        #expect(abs(m.pValueExitnerdom.value - 5.7380578621923917E-8) < 1e-6)
        #expect(abs(m.pValueExitnerdom.value - 5.7380578621923917E-8) < 1e-12)
        #expect(m.pValueReReMi.value > m.pValueExitnerdom.value)
        let pmf = m.pValueReReMi.value - m.pValueExitnerdom.value   // P(X = 124)
        #expect(pmf > 0)
        let filter = RedescriptionFilter(minimumJaccard: 0.5, maximumPValue: 0.01, minimumSupport: 10, maximumSupport: 136)
        #expect(filter.accepts(m))
        #expect(!RedescriptionFilter(maximumSupport: 100).accepts(m))
        #expect(RedescriptionMeasures(rowCount: 4, leftSupport: 0, rightSupport: 0, intersection: 0).jaccard == 0)
    }

    @Test func rowSets() {
        var s = RowSet(count: 130)
        for r in [0, 63, 64, 129] { s.insert(r) }
        #expect(s.rows == [0, 63, 64, 129] && s.cardinality == 4)
        #expect(s.complement.cardinality == 126 && !s.complement[64] && s.complement[65])
        #expect(RowSet(count: 130, full: true).cardinality == 130)
        let t = RowSet(count: 130, rows: [63, 100])
        #expect(s.intersection(t).rows == [63] && s.union(t).cardinality == 5 && s.intersectionCount(t) == 1)
    }
}
