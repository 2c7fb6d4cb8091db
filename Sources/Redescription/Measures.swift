import Foundation

/// A p-value that keeps its size when it is far below the smallest `Double`: `log10` is exact
/// to a few ulps however small the value, and `value` is `10^log10` (0 only below ~1e-308).
public struct PValue: Hashable, Sendable {
    public var log10: Double
    public var value: Double { Foundation.pow(10, log10) }

    public init(log10: Double) { self.log10 = min(0, log10) }
    public static let one = PValue(log10: 0)
    public static let zero = PValue(log10: -.infinity)
}

/// Upper tails of the binomial distribution, summed exactly term by term in log space
/// (`lgamma`, log-sum-exp), so a tail of 1e-400 is 1e-400 and not `1 − cdf` = 0 or 1e-16.
public enum BinomialTail {
    private static func logGamma(_ x: Double) -> Double {
        let f: (Double) -> Double = lgamma
        return f(x)
    }

    /// `P(X ≥ k)` for `X ~ Bin(n, p)`.
    public static func atLeast(_ k: Int, n: Int, p: Double) -> PValue {
        precondition(n >= 0 && p >= 0 && p <= 1)
        if k <= 0 { return .one }
        if k > n { return .zero }
        if p == 0 { return .zero }
        if p == 1 { return .one }
        let logP = Foundation.log(p), log1mP = Foundation.log1p(-p)
        let lgN = logGamma(Double(n) + 1)
        func term(_ i: Int) -> Double {
            lgN - logGamma(Double(i) + 1) - logGamma(Double(n - i) + 1) + Double(i) * logP + Double(n - i) * log1mP
        }
        // The terms rise up to the mode and fall after it: the largest is at max(k, mode).
        let mode = min(n, max(k, Int((Double(n + 1) * p).rounded(.down))))
        let top = term(mode)
        var sum = 0.0
        for i in k...n { sum += Foundation.exp(term(i) - top) }
        return PValue(log10: (top + Foundation.log(sum)) / Foundation.log(10.0))
    }

    /// `P(X > k)` for `X ~ Bin(n, p)`.
    public static func above(_ k: Int, n: Int, p: Double) -> PValue { atLeast(k + 1, n: n, p: p) }
}

/// The measures of a redescription `(q1, q2)` over `n` rows: Jaccard, support, and both
/// binomial p-values in use (named, since they differ by one term).
public struct RedescriptionMeasures: Hashable, Sendable {
    public var rowCount: Int
    /// `|supp(q1)|`, `|supp(q2)|`, `|supp(q1) ∩ supp(q2)|` (the support), `|supp(q1) ∪ supp(q2)|`.
    public var leftSupport: Int, rightSupport: Int, intersection: Int, union: Int

    public init(rowCount: Int, leftSupport: Int, rightSupport: Int, intersection: Int) {
        self.rowCount = rowCount
        self.leftSupport = leftSupport
        self.rightSupport = rightSupport
        self.intersection = intersection
        self.union = leftSupport + rightSupport - intersection
    }

    public init(left: RowSet, right: RowSet) {
        self.init(rowCount: left.count, leftSupport: left.cardinality, rightSupport: right.cardinality,
                  intersection: left.intersectionCount(right))
    }

    /// `|∩| / |∪|`; 0 when both supports are empty.
    public var jaccard: Double { union == 0 ? 0 : Double(intersection) / Double(union) }

    /// The success probability of the null model: `|q1|·|q2| / n²` (independent queries).
    public var nullProbability: Double {
        rowCount == 0 ? 0 : Double(leftSupport) * Double(rightSupport) / (Double(rowCount) * Double(rowCount))
    }

    /// ExItNeRdoM's p-value: `P(X > |∩|)`, X ~ Bin(n, |q1||q2|/n²) (strictly greater).
    public var pValueExitnerdom: PValue { BinomialTail.above(intersection, n: rowCount, p: nullProbability) }

    /// ReReMi's (`python-clired`, "marg") p-value: `P(X ≥ |∩|)`.
    public var pValueReReMi: PValue { BinomialTail.atLeast(intersection, n: rowCount, p: nullProbability) }
}

/// Which redescriptions to keep: ExItNeRdoM's `minJS`, `maxPval` (theirs, `P(X > |∩|)`),
/// `MinSupport`, `MaxSupport` (on `|∩|`).
public struct RedescriptionFilter: Hashable, Sendable {
    public var minimumJaccard: Double
    public var maximumPValue: Double
    public var minimumSupport: Int
    public var maximumSupport: Int

    public init(minimumJaccard: Double = 0, maximumPValue: Double = 1, minimumSupport: Int = 0, maximumSupport: Int = .max) {
        self.minimumJaccard = minimumJaccard
        self.maximumPValue = maximumPValue
        self.minimumSupport = minimumSupport
        self.maximumSupport = maximumSupport
    }

    public func accepts(_ m: RedescriptionMeasures) -> Bool {
        m.jaccard >= minimumJaccard && m.intersection >= minimumSupport && m.intersection <= maximumSupport
            && m.pValueExitnerdom.value <= maximumPValue
    }
}
