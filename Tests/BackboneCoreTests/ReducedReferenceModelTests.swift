import BackboneCore
import BackboneData
import CBCBackend
import Foundation
import GLPKBackend
import LinearModel
import Mining
import TestSupport
import Testing

/// Small random reference instances with many identical transactions: 2–4 groups on 6 + 3
/// neurons, each group drawing from its own, overlapping part of each layer (so that most
/// budgets are feasible), and about a third of the transactions repeating an earlier one.
/// Three and four groups check the aggregated diversity row (`− (G−1)·s_i`).
func duplicateHeavyGroups(seed: UInt64) throws -> (LayerLayout, [(name: String, transactions: [[Int]])]) {
    var rng = SplitMix(seed: seed)
    let layout = try LayerLayout(widths: [6, 3])
    var groups: [(name: String, transactions: [[Int]])] = []
    for g in 0..<Int.random(in: 2...4, using: &rng) {
        var ts: [[Int]] = []
        for _ in 0..<Int.random(in: 3...9, using: &rng) {
            if !ts.isEmpty && Int.random(in: 0..<3, using: &rng) == 0 {
                ts.append(ts[Int.random(in: 0..<ts.count, using: &rng)])
                continue
            }
            let first = Array((g ..< g + 3).shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)))
            let second = Array((6 + g % 2 ..< 8 + g % 2).shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)))
            ts.append((first + second).sorted())
        }
        groups.append(("g\(g)", ts))
    }
    return (layout, groups)
}

/// Solves the plain and the reduced model and checks that they agree: same status, same
/// optimum, and the reduced solution mapped back is a feasible point of the plain model with
/// that objective. Returns the reduced model's solution (nil when infeasible).
@discardableResult
func expectSameOptimum(_ reference: ReferenceModel, _ solver: ILPSolver, _ context: String,
                       timeLimit: Double? = nil) throws -> ReferenceModel.Solution? {
    let plain = try reference.build().compile()
    let reduced = reference.reduced()
    let compiled = try reduced.build().compile()
    #expect(compiled.columnCount == reduced.columnCount, "\(context)")
    let options = SolverOptions(timeLimit: timeLimit)
    let p = solver.solve(plain, options: options)
    let r = solver.solve(compiled, options: options)
    #expect(p.status == r.status, "\(context): plain \(p.rawStatus), reduced \(r.rawStatus)")
    guard p.status == .optimal, r.status == .optimal else {
        #expect(p.status == .infeasible, "\(context): plain \(p.rawStatus)")
        return nil
    }
    #expect(p.objective == r.objective, "\(context): plain \(String(describing: p.objective)), reduced \(String(describing: r.objective))")
    let values = try #require(r.values)
    let mapped = reduced.plainValues(from: values)
    #expect(plain.maxViolation(of: mapped) <= 1e-9, "\(context): mapped-back point violates the plain model by \(plain.maxViolation(of: mapped))")
    #expect(abs(plain.objective(of: mapped) - (r.objective ?? .nan)) <= 1e-9, "\(context)")
    let solution = reduced.solution(from: values)
    #expect(solution == reference.solution(from: mapped), "\(context)")
    // Identical transactions are excused together, and the budget holds in instances.
    let excused = solution.excusedInstances.reduce(0) { $0 + $1.count }
    let budget = Int((reference.budgets.rho2 * Double(reference.groups.reduce(0) { $0 + $1.transactions.count }) + 1e-9).rounded(.down))
    #expect(excused <= budget, "\(context): \(excused) instances excused, budget \(budget)")
    for (g, list) in solution.excusedInstances.enumerated() {
        let excusedSets = Set(list.map { Set(reference.groups[g].transactions[$0]) })
        for (t, items) in reference.groups[g].transactions.enumerated() where excusedSets.contains(Set(items)) {
            #expect(list.contains(t), "\(context): group \(g) instance \(t) is identical to an excused one")
        }
    }
    return solution
}

@Suite struct ReducedReferenceModelTests {
    static let budgets: [ReferenceModel.Budgets] = [
        .code, .init(rho1: 0, rho2: 0, rho3: 1), .init(rho1: 0.2, rho2: 0.34, rho3: 0.3),
        .init(rho1: 0, rho2: 0.1, rho3: 0.5), .init(rho1: 0.28, rho2: 0.2, rho3: 0.3),
        .init(rho1: 0.1, rho2: 0.5, rho3: 0.4), .init(rho1: 0, rho2: 1, rho3: 0.25),
    ]

    @Test(arguments: ["glpk", "cbc"], [ObjectiveSense.minimize, .maximize])
    func reducedOptimumEqualsThePlainOptimum(_ backend: String, _ sense: ObjectiveSense) throws {
        let solver: ILPSolver = backend == "glpk" ? GLPK() : CBC()
        var compared = 0, infeasible = 0, sharedSlacks = 0, excusing = 0
        for seed in UInt64(1)...12 {
            let (layout, groups) = try duplicateHeavyGroups(seed: seed)
            for budgets in Self.budgets {
                let reference = try ReferenceModel(groups: groups, layout: layout, budgets: budgets, sense: sense)
                let context = "seed \(seed) \(backend) \(sense) \(budgets)"
                let reduced = reference.reduced()
                sharedSlacks += reduced.classes.joined().filter { $0.slackColumn != nil && $0.instances.count > 1 }.count
                guard let s = try expectSameOptimum(reference, solver, context) else { infeasible += 1; continue }
                compared += 1
                if s.excusedInstances.contains(where: { !$0.isEmpty }) { excusing += 1 }
            }
        }
        // Not vacuous: most settings are feasible, some slacks stand for several identical
        // instances, and (min sense) some optima excuse instances.
        #expect(compared >= 60, "\(compared) compared, \(infeasible) infeasible")
        #expect(sharedSlacks >= 20, "\(sharedSlacks) shared slacks")
        if sense == .minimize { #expect(excusing >= 10, "\(excusing) optima excuse instances") }
    }

    /// Row and column counts worked out by hand on a fixture with every kind of class: a
    /// class larger than the budget (forced), classes that keep a slack, and a class whose
    /// neurons are all forced by another (no slack).
    @Test func handCountedRowsAndColumns() throws {
        let layout = try LayerLayout(widths: [3, 2])
        // a: {0,3} twice, {1,3}, {0}; b: {2,4} three times. U = 7 instances.
        let groups: [(name: String, transactions: [[Int]])] = [("a", [[0, 3], [1, 3], [3, 0], [0]]), ("b", [[2, 4], [2, 4], [4, 2]])]
        // Every model has 5 diversity rows (one per neuron), 4 connectivity rows, the
        // ρ1 and ρ3 budget rows and 20 columns e, a, s (2·5 + 5 + 5).
        let cases: [(rho2: Double, budget: Double, coverage: Int, slacks: Int, instanceRow: Bool)] = [
            // B2 = 0: no slack; a forces {0,1,3}, b forces {2,4}.
            (0, 0, 5, 0, false),
            // B2 = ⌊0.15·7⌋ = 1: {0,3}×2 and {2,4}×3 are forced; {1,3} keeps a slack with the
            // one row of neuron 1 (3 is forced); {0} has nothing left to excuse.
            (0.15, 1, 2 + 1 + 2, 1, true),
            // B2 = ⌊0.3·7⌋ = 2: a keeps three slacks ({0,3}, {1,3}, {0}: 2 + 2 + 1 rows); b forced.
            (0.3, 2, 5 + 2, 3, true),
            // B2 = 7: everything keeps a slack: 2 + 2 + 1 + 2 rows.
            (1, 7, 7, 4, true),
        ]
        for c in cases {
            let reference = try ReferenceModel(groups: groups, layout: layout, budgets: .init(rho1: 0.2, rho2: c.rho2, rho3: 0.4), sense: .minimize)
            let reduced = reference.reduced()
            #expect(reduced.instanceBudget == c.budget, "ρ2 = \(c.rho2)")
            let model = try reduced.build().compile()
            let coverage = model.rowNames.filter { $0.hasPrefix("cov_") }.count
            #expect(coverage == c.coverage, "ρ2 = \(c.rho2): \(model.rowNames.filter { $0.hasPrefix("cov_") })")
            #expect(reduced.slackCount == c.slacks, "ρ2 = \(c.rho2)")
            #expect(model.columnCount == 20 + c.slacks, "ρ2 = \(c.rho2)")
            #expect(model.rowNames.contains("budget_excused_instances") == c.instanceRow, "ρ2 = \(c.rho2)")
            #expect(model.rowCount == c.coverage + 5 + 4 + 2 + (c.instanceRow ? 1 : 0), "ρ2 = \(c.rho2)")
            // The plain model: one slack per instance, one row per instance and active neuron.
            let plain = try reference.build().compile()
            #expect(plain.columnCount == 27 && plain.rowNames.filter { $0.hasPrefix("cov_") }.count == 13)
            for solver in [GLPK(), CBC()] as [ILPSolver] { try expectSameOptimum(reference, solver, "ρ2 = \(c.rho2) \(solver.name)") }
        }
        // The classes, in order of first occurrence; repeats of a neuron or order do not matter.
        let reduced = try ReferenceModel(groups: groups, layout: layout, budgets: .init(rho1: 0, rho2: 0.3, rho3: 1)).reduced()
        #expect(reduced.classes[0].map(\.items) == [[0, 3], [1, 3], [0]])
        #expect(reduced.classes[0].map(\.instances) == [[0, 2], [1], [3]])
        #expect(reduced.classes[1].map(\.instances) == [[0, 1, 2]])
        #expect(reduced.forced == [[], [2, 4]])
        // The slack weights in the budget row are the class sizes.
        let row = try #require(reduced.build().rows.first { $0.name == "budget_excused_instances" })
        #expect(row.terms.map(\.coefficient) == [2, 1, 1] && row.upper == 2)
    }

    /// Excusing one class of two identical instances needs a budget of two: with B2 = 1 the
    /// pair cannot be excused (the reduced model has no slack for it), with B2 = 2 it can.
    @Test func identicalInstancesAreExcusedTogether() throws {
        let layout = try LayerLayout(widths: [3, 2])
        // Group a's two identical transactions {1,3} add neuron 1; its other ones need {0,3}.
        // Excusing b's pair would save nothing (b needs a neuron per layer anyway).
        let groups: [(name: String, transactions: [[Int]])] = [("a", [[0, 3], [0, 3], [0, 3], [1, 3], [1, 3]]), ("b", [[2, 4], [2, 4]])]
        for (rho2, optimum, excused) in [(1.0 / 7, 5.0, [[Int]]()), (2.0 / 7, 4, [[3, 4], []])] {
            let reference = try ReferenceModel(groups: groups, layout: layout, budgets: .init(rho1: 0, rho2: rho2, rho3: 1), sense: .minimize)
            for solver in [GLPK(), CBC()] as [ILPSolver] {
                let s = try #require(try expectSameOptimum(reference, solver, "ρ2 = \(rho2) \(solver.name)"))
                #expect(s.backbones.reduce(0) { $0 + $1.count } == Int(optimum), "ρ2 = \(rho2)")
                #expect(s.excusedInstances == (excused.isEmpty ? [[], []] : excused), "ρ2 = \(rho2)")
            }
        }
    }

    /// The real digits activations (data/digits, MLP 64-32-16, the authors' binarization):
    /// all ten correct groups with the code's budgets, sense min — the benchmark's model — and
    /// sense max, and two groups with an instance budget (ρ2 > 0, real duplicates).
    @Test func digitsReducedAndPlainAgree() throws {
        let root = TestPaths.packageRoot.path
        let matrix = try CSVFormat.read(path: root + "/data/digits/train.csv", columns: .init(label: "label", prediction: "predicted"))
        let layout = try LayerLayout(widths: [64, 32, 16])
        let weights = try NeuronWeights.read(path: root + "/data/digits/weights.csv")
        let db = try Binarizer.binarize(matrix, layout: layout, weights: weights, rule: .reference(k: 50)).database
        let groups = try Grouping(matrix: matrix, kinds: [.correct]).groups.map { (name: $0.name, transactions: db.selecting($0.instances).itemLists) }
        #expect(groups.count == 10)
        let all = try ReferenceModel(groups: groups, layout: layout, budgets: .code, sense: .minimize)
        let reduced = all.reduced()
        let compiled = try reduced.build().compile()
        // ρ2 = 0: no slack, one coverage row per group and neuron active in it; one diversity
        // row per neuron (instead of 45 per neuron).
        #expect(reduced.slackCount == 0)
        let active = groups.reduce(0) { $0 + Set($1.transactions.joined()).count }
        #expect(compiled.rowNames.filter { $0.hasPrefix("cov_") }.count == active)
        #expect(active <= 10 * 112 && compiled.rowCount == active + 112 + 30 + 2)
        let s = try #require(try expectSameOptimum(all, CBC(), "digits, ten groups", timeLimit: 120))
        #expect(s.backbones.reduce(0) { $0 + $1.count } == 456)   // Benchmarks/RESULTS.md
        // The authors' sense (max): the plain model's LP bound is weak (no stack proves it), the
        // aggregated diversity rows make it easy. The optimum has their structure: every
        // neuron in some backbone, ⌊0.55·112⌋ = 61 in all ten: 10·61 + 51 = 661.
        let max = try ReferenceModel(groups: groups, layout: layout, budgets: .code, sense: .maximize)
        let plainMax = try max.build().compile()
        for solver in [GLPK(), CBC()] as [ILPSolver] {
            let r = solver.solve(try max.reduced().build().compile(), options: SolverOptions(timeLimit: 120))
            #expect(r.status == .optimal && r.objective == 661, "\(solver.name): \(r.rawStatus) \(String(describing: r.objective))")
            let mapped = max.reduced().plainValues(from: try #require(r.values))
            #expect(plainMax.maxViolation(of: mapped) <= 1e-9 && plainMax.objective(of: mapped) == 661, "\(solver.name)")
            let solution = max.solution(from: mapped)
            #expect(Set(solution.backbones.joined()).count == 112 && solution.sharedNeurons.count == 61, "\(solver.name)")
        }
        // Two groups, the first 40 instances each, 10 % of the instances may be excused.
        let two = try ReferenceModel(groups: groups.prefix(2).map { ($0.name, Array($0.transactions.prefix(40))) }, layout: layout,
                                     budgets: .init(rho1: 0.28, rho2: 0.1, rho3: 0.55), sense: .minimize)
        #expect(two.reduced().slackCount > 0)
        try expectSameOptimum(two, CBC(), "digits, two groups, ρ2 = 0.1", timeLimit: 120)
    }
}
