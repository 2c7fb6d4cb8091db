import CBCBackend
import FileSupport
import Foundation
import Redescription
import TestSupport
import Testing

/// The ReReMi-style miner on a hand-made fixture (the best found by hand), against brute force
/// over the same literals on random views, and the exact search started from a given query.
@Suite struct HeuristicMinerTests {
    static func entry(_ name: String, _ rows: [Int], n: Int) -> LiteralPool.Entry {
        .init(literal: IntervalLiteral(attribute: name, lower: 0, upper: 0), column: 0, rows: RowSet(count: n, rows: rows), size: rows.count)
    }

    /// Target {0,1,2,3} of 12 rows. A = {0,1,2} is the best first pair (3/4), A OR B = {0..4}
    /// gives 4/5; only from the second pair, C = {0..3, 5..8}, does C AND NOT D reach {0..3}: JS 1.
    @Test func handMadeBestNeedsTheSecondPairAndANegation() throws {
        let n = 12
        let target = RowSet(count: n, rows: 0..<4)
        let left = LiteralPool(fixed: .literal(IntervalLiteral(attribute: "t", lower: 0, upper: 3)), rows: target)
        let right = LiteralPool(entries: [Self.entry("A", [0, 1, 2], n: n), Self.entry("B", [2, 3, 4], n: n),
                                          Self.entry("C", [0, 1, 2, 3, 5, 6, 7, 8], n: n), Self.entry("D", [4, 5, 6, 7, 8, 9], n: n)],
                                rowCount: n)
        let mined = try HeuristicMiner.mine(left: left, right: right, settings: .init(maxRightLiterals: 2, minimumSupport: 1))
        #expect(mined.first?.right.text == "C >= 0.0 <= 0.0 AND NOT ( D >= 0.0 <= 0.0 )")
        #expect(mined.first.map { ($0.measures.intersection, $0.measures.union) } ?? (0, 0) == (4, 4))
        #expect(mined.dropFirst().first?.right.text == "A >= 0.0 <= 0.0 OR B >= 0.0 <= 0.0")
        #expect(mined.dropFirst().first?.measures.jaccard == 0.8)
        // Without negation the best is A OR B; with one literal, A.
        let positive = try HeuristicMiner.mine(left: left, right: right, settings: .init(maxRightLiterals: 2, minimumSupport: 1, negation: false))
        #expect(positive.first?.measures.jaccard == 0.8)
        let one = try HeuristicMiner.mine(left: left, right: right, settings: .init(maxRightLiterals: 1, minimumSupport: 1))
        #expect(one.first?.right.text == "A >= 0.0 <= 0.0" && one.first?.measures.jaccard == 0.75)
        // A minimum support of 4 rules out A and A OR B's parent; C AND NOT D stays.
        let supported = try HeuristicMiner.mine(left: left, right: right, settings: .init(maxRightLiterals: 2, minimumSupport: 4))
        #expect(supported.first?.measures.jaccard == 1)
        #expect(supported.allSatisfy { $0.measures.intersection >= 4 })
    }

    func randomViews(_ random: inout SplitMix, n: Int) -> (View, View) {
        let ids = (0..<n).map(String.init)
        let left = View(ids: ids, attributes: ["x0", "x1"], columns: (0..<2).map { _ in (0..<n).map { _ in Double(random.next() % 6) } })
        let right = View(ids: ids, attributes: ["y0", "y1", "y2"], columns: (0..<3).map { _ in (0..<n).map { _ in Double(random.next() % 6) } })
        return (left, right)
    }

    /// The best over the miner's whole space with one left literal and at most two right ones
    /// (ℓ, ℓ1 AND ℓ2, ℓ1 AND NOT ℓ2, ℓ1 OR ℓ2, ℓ1 OR NOT ℓ2), as (|∩|, |∪|).
    func bruteForce(_ left: LiteralPool, _ right: LiteralPool, rightLiterals: Int, minSupport: Int) -> (Int, Int) {
        let n = left.rowCount
        var queries = right.entries.map(\.rows)
        if rightLiterals == 2 {
            for a in right.entries { for b in right.entries {
                queries += [a.rows.intersection(b.rows), a.rows.intersection(b.rows.complement), a.rows.union(b.rows), a.rows.union(b.rows.complement)]
            } }
        }
        queries = queries.filter { !$0.isEmpty && $0.cardinality < n }
        var best = (0, 1)
        for l in left.entries { for q in queries {
            let m = RedescriptionMeasures(left: l.rows, right: q)
            if m.intersection >= minSupport, m.intersection * best.1 > best.0 * m.union { best = (m.intersection, m.union) }
        } }
        return best
    }

    @Test func equalsBruteForceForPairsAndStaysBelowItForLongerQueries() throws {
        var random = SplitMix(seed: 1313)
        var equalWithTwo = 0
        for trial in 0..<15 {
            let (lv, rv) = randomViews(&random, n: 18)
            let binning = Discretization.quantiles(3)
            let left = LiteralPool(view: lv, binning: binning), right = LiteralPool(view: rv, binning: binning)
            let minSupport = 2 + trial % 3
            // One literal a side, every pair expanded: the miner is exhaustive.
            let pairs = try HeuristicMiner.mine(left: left, right: right,
                                                settings: .init(maxRightLiterals: 1, minimumSupport: minSupport, initialPairs: .max))
            let bestPair = bruteForce(left, right, rightLiterals: 1, minSupport: minSupport)
            #expect(pairs.first.map { $0.measures.intersection * bestPair.1 == bestPair.0 * $0.measures.union } == true, "trial \(trial)")
            // Two right literals: between the best pair and the brute-force best.
            let mined = try HeuristicMiner.mine(left: left, right: right, settings: .init(maxRightLiterals: 2, minimumSupport: minSupport))
            let best = bruteForce(left, right, rightLiterals: 2, minSupport: minSupport)
            let m = try #require(mined.first?.measures)
            #expect(m.intersection * best.1 <= best.0 * m.union && m.intersection * bestPair.1 >= bestPair.0 * m.union, "trial \(trial)")
            if m.intersection * best.1 == best.0 * m.union { equalWithTwo += 1 }
            // Every result: its texts read back to the same rows, within the limits and filters, sorted.
            for r in mined {
                let l = try QueryParser.parse(r.left.text).rows(in: lv), q = try QueryParser.parse(r.right.text).rows(in: rv)
                #expect(l == r.leftRows && q == r.rightRows && RedescriptionMeasures(left: l, right: q) == r.measures)
                #expect(r.left.literals.count == 1 && r.right.literals.count <= 2 && r.measures.intersection >= minSupport)
            }
            #expect(zip(mined, mined.dropFirst()).allSatisfy { $0.measures.jaccard >= $1.measures.jaccard })
        }
        #expect(equalWithTwo >= 10, "the beam found the brute-force best in \(equalWithTwo) of 15")
    }

    /// Thresholds come from the discretization: every literal is a run of whole bins.
    @Test func poolIsRunsOfBins() {
        let view = View(ids: (0..<9).map(String.init), attributes: ["x"], columns: [[1, 1, 2, 3, 3, 3, 7, 8, 9]])
        let pool = LiteralPool(view: view, binning: .quantiles(3))
        // Bins by rank: {1, 2}, {3}, {7, 8, 9}: runs [1,2], [3,3], [7,9], [1,3], [3,9] (not [1,9]).
        #expect(pool.entries.map { [$0.literal.lower, $0.literal.upper] } == [[1, 2], [3, 3], [7, 9], [1, 3], [3, 9]])
        #expect(pool.entries.map(\.size) == [3, 3, 3, 6, 6])
    }

    /// The exact search from a given start: a poor start is improved to the optimum; an OR
    /// start better than every conjunction is kept, with a proof.
    @Test func exactSearchFromAStart() throws {
        // u: target rows 0–3 hold 0, 0, 5, 5; row 4 (not target) holds 0.
        let view = View(ids: (0..<12).map(String.init), attributes: ["u", "v"],
                        columns: [[0, 0, 5, 5, 0, 2, 3, 4, 1, 2, 3, 4], [1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2]])
        let target = RowSet(count: 12, rows: 0..<4)
        let settings = ExactSearch.Settings(maxLiterals: 1, minimumSupport: 1, threads: 1)
        let or = try QueryParser.parse("u >= 0 <= 0 OR u >= 5 <= 5")
        let onlyU = View(ids: view.ids, attributes: ["u"], columns: [view.columns[0]])
        let kept = try ExactSearch.run(target: target, view: onlyU, settings: settings, solver: CBC(), start: or)
        #expect(kept.keptStart && kept.query == or && kept.measures.jaccard == 0.8 && kept.certificate.proven)
        // v ∈ [1, 1] is the target exactly: a start u ∈ [0, 0] (2/5) is improved to it.
        let poor = try QueryParser.parse("u >= 0 <= 0")
        let improved = try ExactSearch.run(target: target, view: view, settings: settings, solver: CBC(), start: poor)
        #expect(!improved.keptStart && improved.measures.jaccard == 1 && improved.start == (2, 5))
        #expect(improved.query.text == "v >= 1.0 <= 1.0" && improved.certificate.proven && improved.startQuery == poor)
        #expect(throws: InputError("the start query 'u >= 2.0 <= 2.0' holds 0 target rows, fewer than the minimum support 1")) {
            try ExactSearch.run(target: target, view: view, settings: settings, solver: CBC(), start: QueryParser.parse("u >= 2 <= 2"))
        }
    }
}

/// Views from some columns of a file (`--left-columns`, `--right-columns`).
@Suite struct ViewSelectingTests {
    @Test func namesAndRanges() throws {
        let v = View(file: "v.csv", ids: ["a", "b"], attributes: ["label", "n0", "n1", "n2"], columns: [[0, 1], [1, 2], [3, 4], [5, 6]])
        #expect(try v.selecting("label").attributes == ["label"])
        let layer = try v.selecting("n1..n2,n0,n1")
        #expect(layer.attributes == ["n1", "n2", "n0"] && layer.columns == [[3, 4], [5, 6], [1, 2]] && layer.ids == v.ids)
        #expect(throws: InputError(file: "v.csv", "no attribute 'x' to select (4 attributes, e.g. 'label')")) { try v.selecting("n0,x") }
        #expect(throws: InputError(file: "v.csv", "'n2..n0': the first attribute comes after the last")) { try v.selecting("n2..n0") }
    }
}
