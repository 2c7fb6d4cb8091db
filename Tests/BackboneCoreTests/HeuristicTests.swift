import BackboneCore
import Mining
import TestSupport
import Testing

@Suite struct HeuristicTests {
    let layout = try! LayerLayout(widths: [2, 2])
    let transactions = [[0, 2], [0, 2], [0, 3], [1, 3]]

    /// Derived by hand (δ = 1/4): no layer-complete maximal itemset at 1.0 or 0.75; at 0.5
    /// P = {{0,2}} with tp = 5, fp = 3, fn = 3, F = 0.625; at 0.25 P = {{0,2},{0,3},{1,3}} with
    /// tp = 8, fp = 0, fn = 11, F = 16/27 < 0.625: stop. Backbone {0, 2}, weights 0.5/0.5 = 1.
    @Test func referenceHeuristicByHand() throws {
        let db = try TransactionDatabase(itemCount: 4, transactions: transactions)
        guard case let .backbone(b) = try ReferenceHeuristic().run(db, layout: layout) else {
            Issue.record("expected a backbone"); return
        }
        #expect(b.maxMinsup == 0.5)
        #expect(b.neurons == [0, 2])
        #expect(b.weights == [1, 1])
        #expect(b.levels.map(\.support) == [0.5, 0.25])
        #expect(b.levels.map(\.accepted) == [true, false])
        #expect(abs(b.levels[0].fScore - 0.625) < 1e-12)
        #expect(abs(b.levels[1].fScore - 16.0 / 27.0) < 1e-12)
        #expect(b.levels.map(\.itemsets) == [1, 3])
    }

    @Test func noLayerCompleteItemsetIsReportedNotHung() throws {
        let db = try TransactionDatabase(itemCount: 4, transactions: [[0, 1], [0], [1]])
        #expect(try ReferenceHeuristic().run(db, layout: layout) == .noLayerCompleteItemset)
        #expect(try ReferenceHeuristic().run(TransactionDatabase(itemCount: 4), layout: layout) == .emptyGroup)
    }

    /// By hand: step 1 takes {0,2} (2 instances for 2 neurons); step 2 the uncovered
    /// {0,3},{1,3} mine to {0,3} and {1,3} at 0.5: {0,3} adds one neuron for one instance;
    /// step 3 adds neuron 1 for the last instance.
    @Test func greedyPathByHand() throws {
        let group = GroupTransactions(transactions: transactions, layout: layout)
        let steps = try GreedyCoverPath(rule: .full).run(group)
        #expect(steps.map(\.backbone) == [[0, 2], [0, 2, 3], [0, 1, 2, 3]])
        #expect(steps.map(\.covered) == [2, 3, 4])
        #expect(steps.map(\.added) == [[0, 2], [3], [1]])
    }

    @Test(arguments: [1.0, 0.5])
    func greedyPathOnRandomGroupsReachesFullCoverageMonotonically(_ q: Double) throws {
        let rule = try CoverageRule(share: q)
        for seed in UInt64(1)...15 {
            let group = try randomGroup(seed: seed)
            let steps = try GreedyCoverPath(rule: rule).run(group)
            #expect(steps.last?.covered == group.instanceCount, "seed \(seed)")
            for (a, b) in zip(steps, steps.dropFirst()) {
                #expect(a.covered < b.covered && a.backbone.count < b.backbone.count, "seed \(seed)")
                #expect(Set(a.backbone).isSubset(of: Set(b.backbone)))
            }
            for s in steps { #expect(group.covered(by: s.backbone, rule: rule) == s.covered) }
        }
    }

    /// The heuristic, re-implemented the slow obvious way (brute-force maximal itemsets,
    /// set arithmetic for the F-score), must give the same backbone and weights.
    @Test func referenceHeuristicEqualsANaiveImplementation() throws {
        for seed in UInt64(1)...25 {
            let group = try randomGroup(seed: seed)
            let rows = zip(group.distinct, group.weights).flatMap { Array(repeating: $0, count: $1) }
            let db = try TransactionDatabase(itemCount: group.layout.neuronCount, transactions: rows)
            let fast = try ReferenceHeuristic().run(db, layout: group.layout)
            let slow = try naiveHeuristic(rows, layout: group.layout)
            switch fast {
            case let .backbone(b):
                #expect(slow?.neurons == b.neurons, "seed \(seed)")
                #expect(slow?.weights == b.weights, "seed \(seed)")
            default:
                #expect(slow == nil, "seed \(seed)")
            }
        }
    }

    func naiveHeuristic(_ rows: [[Int]], layout: LayerLayout) throws -> (neurons: [Int], weights: [Double])? {
        let db = try TransactionDatabase(itemCount: layout.neuronCount, transactions: rows)
        let delta = max(0.01, 1.0 / Double(rows.count))
        func p(_ level: Double) throws -> [[Int]] {
            let count = try MinimumSupport.fraction(level).count(forTransactionCount: rows.count)
            return try BruteForceMiner().itemsets(db, MiningQuery(target: .maximal, minimumSupport: .count(count)))
                .map(\.items).filter { layout.isLayerComplete($0) }
        }
        func f(_ sets: [[Int]]) -> Double {
            let union = Set(sets.joined())
            var tp = 0, fp = 0, fn = 0
            for t in rows {
                let ts = Set(t)
                tp += ts.intersection(union).count
                fp += ts.subtracting(union).count
                for s in sets { fn += Set(s).subtracting(ts).count }
            }
            let pr = Double(tp) / Double(max(1, tp + fp)), re = Double(tp) / Double(max(1, tp + fn))
            return pr + re == 0 ? 0 : 2 * pr * re / (pr + re)
        }
        var k = 0
        while 1 - Double(k) * delta > 1e-12, try p(1 - Double(k) * delta).isEmpty { k += 1 }
        guard 1 - Double(k) * delta > 1e-12 else { return nil }
        let top = 1 - Double(k) * delta
        var first: [Int: Double] = [:]
        var best = -Double.infinity
        while 1 - Double(k) * delta > 1e-12 {
            let level = 1 - Double(k) * delta
            let sets = try p(level)
            let score = f(sets)
            if score < best { break }
            best = score
            for s in sets { for i in s where first[i] == nil { first[i] = level } }
            k += 1
        }
        let neurons = first.keys.sorted()
        return (neurons, neurons.map { first[$0]! / top })
    }
}

@Suite struct DominanceTests {
    /// A front with budgets 3…6 covering 1, 3, 3, 4 of 5 instances; the point at 6 not proven.
    func front() -> ExactFront {
        let covered = [1, 3, 3, 4]
        let points = covered.enumerated().map { k, c in
            FrontPoint(budget: 3 + k, size: 3 + k, covered: c, coverage: Double(c) / 5,
                       status: k == 3 ? .timeLimit : .optimal, bound: 5, gap: 0, seconds: 0, solver: "glpk", backbone: [])
        }
        return ExactFront(groupName: "g", rule: .full, solver: "glpk", solverVersion: "5.0", instanceCount: 5,
                          distinctTransactions: 5, minimumUsefulSize: 3, points: points)
    }

    @Test func verdicts() throws {
        let f = front()
        let below = try Dominance.standing(size: 2, covered: 0, front: f)
        #expect(below.verdict == .triviallyOnFront)
        let on = try Dominance.standing(size: 4, covered: 3, front: f)
        #expect(on.verdict == .onFront && on.coverageLost == 0 && on.extraNeurons == 0)
        let lost = try Dominance.standing(size: 4, covered: 1, front: f)
        #expect(lost.verdict == .dominated && lost.coverageLost == 2 && lost.extraNeurons == 1)
        let extra = try Dominance.standing(size: 5, covered: 3, front: f)   // size 4 already covers 3
        #expect(extra.verdict == .dominated && extra.coverageLost == 0 && extra.extraNeurons == 1)
        let unproven = try Dominance.standing(size: 6, covered: 4, front: f)
        #expect(unproven.verdict == .notDominatedUnproven && !unproven.exactProven)
        let beyond = try Dominance.standing(size: 9, covered: 4, front: f)
        #expect(beyond.verdict == .dominated && beyond.extraNeurons == 3)
        #expect(throws: CoreError.self) { try Dominance.standing(size: 4, covered: 4, front: f) }
    }
}
