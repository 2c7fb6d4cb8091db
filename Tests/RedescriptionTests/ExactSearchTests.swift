import CBCBackend
import FileSupport
import Foundation
import GLPKBackend
import LinearModel
import Redescription
import TestSupport
import Testing

/// The exact search against brute force on small random views, and against the values an
/// independent enumeration (every pair of units, every pair of intervals) found on their data.
@Suite struct ExactSearchTests {
    /// Every conjunction of at most `L` intervals (bounds at data values, one per attribute):
    /// the best |∩|/|∪| with |∩| ≥ minSupport, as (|∩|, |∪|).
    func bruteForce(_ view: View, _ target: RowSet, L: Int, minSupport: Int, minUncovered: Int = 0) -> (Int, Int) {
        let n = view.rowCount, a = target.cardinality
        var best = minUncovered > 0 ? (0, 1) : (a, n)
        func intervals(_ j: Int) -> [RowSet] {
            let values = Array(Set(view.columns[j])).sorted()
            var out: [RowSet] = []
            for lo in values.indices { for hi in lo..<values.count {
                out.append(RowSet(count: n, rows: (0..<n).filter { view.columns[j][$0] >= values[lo] && view.columns[j][$0] <= values[hi] }))
            } }
            return out
        }
        let all = view.columns.indices.map(intervals)
        func visit(_ from: Int, _ rows: RowSet, _ depth: Int) {
            if depth > 0 {
                let i = rows.intersectionCount(target), u = a + rows.cardinality - i
                if i >= minSupport, n - u >= minUncovered, i * best.1 > best.0 * u { best = (i, u) }
            }
            guard depth < L else { return }
            for j in from..<all.count { for s in all[j] { visit(j + 1, rows.intersection(s), depth + 1) } }
        }
        visit(0, RowSet(count: n, full: true), 0)
        return best
    }

    @Test(arguments: [1, 2]) func equalsBruteForceOnRandomViews(L: Int) throws {
        var random = SplitMix(seed: 13 + UInt64(L))
        for trial in 0..<12 {
            let n = 14, m = 3
            let columns = (0..<m).map { _ in (0..<n).map { _ in Double(random.next() % 6) } }
            let view = View(ids: (0..<n).map(String.init), attributes: (0..<m).map { "u\($0)" }, columns: columns)
            let target = RowSet(count: n, rows: (0..<n).filter { _ in random.next() % 2 == 0 })
            let minSupport = 1 + trial % 3
            guard target.cardinality >= minSupport else { continue }
            let expected = bruteForce(view, target, L: L, minSupport: minSupport)
            for solver in [CBC(), GLPK()] as [ILPSolver] {
                let r = try ExactSearch.run(target: target, view: view,
                                            settings: .init(maxLiterals: L, minimumSupport: minSupport, timeLimit: 30, threads: 1), solver: solver)
                #expect(r.measures.intersection * expected.1 == expected.0 * r.measures.union,
                        "trial \(trial) \(solver.name): \(r.measures.intersection)/\(r.measures.union) vs \(expected)")
                #expect(r.certificate.proven && r.measures.intersection >= minSupport)
                #expect(r.query.attributes.count <= L)
                // The query evaluates to what the measures say.
                #expect(RedescriptionMeasures(left: target, right: try r.query.rows(in: view)) == r.measures)
            }
        }
    }

    /// With rows to keep outside the union (`minimumUncovered`): brute force over the same
    /// conjunctions, only those within the bound; none within it is an input error.
    @Test func equalsBruteForceWithRowsOutsideTheUnion() throws {
        var random = SplitMix(seed: 29)
        var checked = 0
        for trial in 0..<16 {
            let n = 14, m = 3
            let columns = (0..<m).map { _ in (0..<n).map { _ in Double(random.next() % 6) } }
            let view = View(ids: (0..<n).map(String.init), attributes: (0..<m).map { "u\($0)" }, columns: columns)
            let target = RowSet(count: n, rows: (0..<n).filter { _ in random.next() % 2 == 0 })
            let minUncovered = 2 + trial % 4, minSupport = 1 + trial % 2
            guard target.cardinality >= minSupport, n - target.cardinality >= minUncovered else { continue }
            let expected = bruteForce(view, target, L: 2, minSupport: minSupport, minUncovered: minUncovered)
            for solver in [CBC(), GLPK()] as [ILPSolver] {
                let settings = ExactSearch.Settings(maxLiterals: 2, minimumSupport: minSupport, minimumUncovered: minUncovered, timeLimit: 30, threads: 1)
                guard expected.0 > 0 else {
                    #expect(throws: InputError.self) { try ExactSearch.run(target: target, view: view, settings: settings, solver: solver) }
                    continue
                }
                let r = try ExactSearch.run(target: target, view: view, settings: settings, solver: solver)
                #expect(r.measures.intersection * expected.1 == expected.0 * r.measures.union,
                        "trial \(trial) \(solver.name): \(r.measures.intersection)/\(r.measures.union) vs \(expected)")
                #expect(r.certificate.proven && n - r.measures.union >= minUncovered && r.measures.intersection >= minSupport)
                checked += 1
            }
        }
        #expect(checked >= 12)
    }

    @Test func badTargets() {
        let view = View(ids: ["a", "b", "c"], attributes: ["x"], columns: [[1, 2, 3]])
        #expect(throws: InputError("the target holds no row: nothing to describe")) {
            try ExactSearch.run(target: RowSet(count: 3), view: view, settings: .init(minimumSupport: 1), solver: CBC())
        }
        #expect(throws: InputError("the target holds every row: nothing to describe (any query holding every row has JS 1)")) {
            try ExactSearch.run(target: RowSet(count: 3, full: true), view: view, settings: .init(minimumSupport: 1), solver: CBC())
        }
        let constant = View(ids: ["a", "b", "c"], attributes: ["x"], columns: [[1, 1, 1]])
        #expect(throws: InputError("every attribute is constant: no query separates the target from the other rows")) {
            try ExactSearch.run(target: RowSet(count: 3, rows: [0]), view: constant, settings: .init(minimumSupport: 1), solver: CBC())
        }
        #expect(throws: InputError("the target holds 2 rows, fewer than the minimum support 10")) {
            try ExactSearch.run(target: RowSet(count: 3, rows: [0, 1]), view: view, settings: .init(), solver: CBC())
        }
    }

    /// Their data: values from an independent enumeration of every unit pair and interval pair.
    @Test(.enabled(if: Exitnerdom.available, "needs reference/exitnerdom"),
          arguments: [("trainedwdbcmlps111neuron17", 0.0, 0.22821855545043945, 110, 115),
                      ("trainedwdbcmlps111neuron10", 1.2096415758132935, 2.3644192218780518, 11, 18),
                      ("trainedwdbcmlps111neuron21", 0.0, 0.4450185298919678, 144, 156)])
    func theirTargets(unit: String, lower: Double, upper: Double, intersection: Int, union: Int) throws {
        let (left, right) = try Exitnerdom.views("Settings1")
        let target = try Query.literal(IntervalLiteral(attribute: unit, lower: lower, upper: upper)).rows(in: left)
        let r = try ExactSearch.run(target: target, view: right, settings: .init(maxLiterals: 2, minimumSupport: 10), solver: CBC())
        #expect(r.measures.intersection == intersection && r.measures.union == union, "\(r.query.text)")
        #expect(r.certificate.proven && r.certificate.status == .optimal && abs(r.certificate.objective ?? 1) < 1e-6)
        #expect(r.certificate.jaccardUpperBound == Double(intersection) / Double(union))
    }
}
