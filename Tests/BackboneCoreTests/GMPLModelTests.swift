import BackboneCore
import Foundation
import GLPKBackend
import LinearModel
import Mining
import TestSupport
import Testing

/// What glpsol reports for a model and its data.
private struct GlpsolOutcome {
    /// The `Status:` line of `--output` (`INTEGER OPTIMAL`, `INTEGER EMPTY`, ...).
    var status: String
    /// The value on the `Objective:` line.
    var objective: Double?
    /// Everything glpsol printed (the models print their solution after `solve;`).
    var stdout: String

    var optimal: Bool { status == "INTEGER OPTIMAL" }

    /// Neuron ids on the printed line that starts with `label`.
    func list(_ label: String) -> [Int]? {
        guard let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(label) }) else { return nil }
        return line.dropFirst(label.count).split(separator: " ").compactMap { Int($0) }
    }
}

/// Writes `data` to a temporary folder and runs `glpsol --model models/<model> --data ...
/// --output ...`; reads status and objective from the output file (not from the log, whose
/// layout depends on the search).
private func runGlpsol(model: String, data: String) throws -> GlpsolOutcome {
    let glpsol = try #require(TestPaths.which("glpsol"))
    let dir = TestPaths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let dataFile = dir.appendingPathComponent("instance.dat")
    let outputFile = dir.appendingPathComponent("solution.txt")
    try data.write(to: dataFile, atomically: true, encoding: .utf8)
    let modelFile = TestPaths.packageRoot.appendingPathComponent("models/\(model)").path
    let run = try runProgram(glpsol, ["--model", modelFile, "--data", dataFile.path, "--output", outputFile.path])
    #expect(run.status == 0, "glpsol failed:\n\(run.stdout)\n\(run.stderr)\ndata:\n\(data)")
    let report = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    var status = "", objective: Double?
    for line in report.split(separator: "\n") {
        if line.hasPrefix("Status:") {
            status = line.dropFirst("Status:".count).trimmingCharacters(in: .whitespaces)
        } else if line.hasPrefix("Objective:"), let eq = line.range(of: " = ") {
            let rest = line[eq.upperBound...]
            objective = Double(rest.prefix { $0 != " " && $0 != "(" })
        }
    }
    return GlpsolOutcome(status: status, objective: objective, stdout: run.stdout)
}

/// Groups with wider layers than `randomGroup`, so that `need` is more than 1 at q = 0.5,
/// layers can be empty (need 0), and some groups have neurons every instance activates
/// (the "core" the Swift model fixes for q = 1).
private func wideGroup(seed: UInt64) throws -> GroupTransactions {
    var rng = SplitMix(seed: seed)
    let layout = try LayerLayout(widths: [6, 5, 4])
    let core = seed % 2 == 0
    var transactions: [[Int]] = []
    for _ in 0..<Int.random(in: 5...10, using: &rng) {
        var t = Set<Int>()
        if core { t.insert(0); t.insert(6) }
        for l in 0..<layout.layerCount where l == 0 || Int.random(in: 0..<6, using: &rng) > 0 {
            let r = Array(layout.range(ofLayer: l))
            t.formUnion(r.shuffled(using: &rng).prefix(Int.random(in: 1...min(4, r.count), using: &rng)))
        }
        transactions.append(t.sorted())
        if Int.random(in: 0..<3, using: &rng) == 0 { transactions.append(t.sorted()) }
    }
    return GroupTransactions(transactions: transactions, layout: layout)
}

/// Budgets worth checking: nothing, just below and at the smallest useful size, a few
/// above, and everything.
private func interestingBudgets(_ model: CoverModel) -> [Int] {
    let m = model.minimumUsefulSize, all = model.xCount
    return Array(Set([0, m - 1, m, m + 1, m + 3, (m + all) / 2, all - 1, all]).filter { $0 >= 0 && $0 <= all }).sorted()
}

private func glpkOptimum(_ model: Model) throws -> SolveResult {
    GLPK().solve(try model.compile(), options: SolverOptions())
}

@Suite(.enabled(if: TestPaths.which("glpsol") != nil, "glpsol (glpk-utils) is not on PATH"))
struct GMPLModelTests {
    static func groups() throws -> [(name: String, group: GroupTransactions)] {
        try (UInt64(1)...6).map { ("random\($0)", try randomGroup(seed: $0)) }
            + (UInt64(1)...6).map { ("wide\($0)", try wideGroup(seed: $0)) }
    }

    @Test(arguments: [1.0, 0.5])
    func coverModOptimumEqualsTheSwiftModel(_ q: Double) throws {
        let rule = try CoverageRule(share: q)
        for (name, group) in try Self.groups() {
            let model = CoverModel(group: group, rule: rule)
            for k in interestingBudgets(model) {
                let swift = try glpkOptimum(model.maxCoverage(budget: k))
                let gmpl = try runGlpsol(model: "cover.mod", data: model.gmplData(budget: k))
                let context = "\(name) q=\(q) K=\(k)"
                #expect(swift.status == .optimal, "\(context): \(swift.rawStatus)")
                #expect(gmpl.optimal, "\(context): glpsol status \(gmpl.status)")
                #expect(gmpl.objective == swift.objective, "\(context): glpsol \(String(describing: gmpl.objective)) vs GLPK \(String(describing: swift.objective))")
                if group.usedNeurons.count <= 12 {
                    #expect(gmpl.objective == Double(bruteForceBest(group, rule: rule, budget: k)), "\(context): brute force")
                }
                // The backbone glpsol prints really is that good and within the budget.
                let backbone = try #require(gmpl.list("backbone:"), "\(context): no backbone line")
                #expect(backbone.count <= k, "\(context)")
                #expect(Double(group.covered(by: backbone, rule: rule)) == gmpl.objective, "\(context)")
            }
        }
    }

    @Test(arguments: [1.0, 0.5])
    func coverMinModOptimumEqualsTheSwiftTwin(_ q: Double) throws {
        let rule = try CoverageRule(share: q)
        for (name, group) in try Self.groups() {
            let model = CoverModel(group: group, rule: rule)
            for c in Array(Set([0, 1, group.instanceCount / 2, group.instanceCount - 1, group.instanceCount])).sorted() where c >= 0 {
                let swift = try glpkOptimum(model.minSize(covering: c))
                let gmpl = try runGlpsol(model: "cover_min.mod", data: model.gmplData(covering: c))
                let context = "\(name) q=\(q) C=\(c)"
                #expect(swift.status == .optimal, "\(context): \(swift.rawStatus)")
                #expect(gmpl.optimal, "\(context): glpsol status \(gmpl.status)")
                #expect(gmpl.objective == swift.objective, "\(context): glpsol \(String(describing: gmpl.objective)) vs GLPK \(String(describing: swift.objective))")
                let backbone = try #require(gmpl.list("backbone:"), "\(context)")
                #expect(Double(backbone.count) == gmpl.objective, "\(context)")
                #expect(group.covered(by: backbone, rule: rule) >= c, "\(context)")
            }
            // More than the group holds: both say infeasible.
            let over = group.instanceCount + 1
            #expect(try glpkOptimum(model.minSize(covering: over)).status == .infeasible, "\(name)")
            #expect(try runGlpsol(model: "cover_min.mod", data: model.gmplData(covering: over)).status == "INTEGER EMPTY", "\(name)")
        }
    }

    /// Optima worked out by hand, so that a mistake shared by the .mod and the Swift model
    /// would still show. Neuron 0 is in every transaction (a core neuron for q = 1).
    @Test func handWorkedCoverOptima() throws {
        let layout = try LayerLayout(widths: [3, 3])
        let group = GroupTransactions(transactions: [[0, 3], [0, 4], [0, 1, 3], [0, 5], [0, 3]], layout: layout)
        let full = CoverModel(group: group, rule: .full)
        #expect(full.coreNeurons == [0])
        // K: 1 → nothing (every transaction needs 2); 2 → {0,3} covers 2; 3 → {0,1,3} or
        // {0,3,4}: 3; 4 → {0,1,3,4}: 4; 5 → all 5.
        for (k, expected) in [(1, 0.0), (2, 2), (3, 3), (4, 4), (5, 5)] {
            let gmpl = try runGlpsol(model: "cover.mod", data: full.gmplData(budget: k))
            #expect(gmpl.objective == expected, "q=1 K=\(k)")
            #expect(try glpkOptimum(full.maxCoverage(budget: k)).objective == expected, "q=1 K=\(k)")
        }
        // q = 0.5: {0,1,3} needs ⌈0.5·2⌉ = 1 of {0,1} and 1 of {3}; so {0,3} covers 3 instances.
        let half = CoverModel(group: group, rule: try CoverageRule(share: 0.5))
        for (k, expected) in [(1, 0.0), (2, 3), (3, 4), (4, 5)] {
            #expect(try runGlpsol(model: "cover.mod", data: half.gmplData(budget: k)).objective == expected, "q=0.5 K=\(k)")
        }
        for (c, expected) in [(0, 0.0), (1, 2), (3, 3), (4, 4), (5, 5)] {
            #expect(try runGlpsol(model: "cover_min.mod", data: full.gmplData(covering: c)).objective == expected, "q=1 C=\(c)")
        }
    }

    /// The example data in `models/examples/` (used in docs/models.md) is what the writers
    /// produce today, and glpsol finds the optima the docs state. Set
    /// `BACKBONES_UPDATE_GMPL_EXAMPLES=1` to rewrite the files after a deliberate format change.
    @Test func examplesInTheModelsFolderAreCurrent() throws {
        let layout = try LayerLayout(widths: [3, 3])
        let group = GroupTransactions(transactions: [[0, 3], [0, 4], [0, 1, 3], [0, 5], [0, 3]], layout: layout)
        let reference = try ReferenceModel(groups: [("a", [[0, 3], [1, 3]]), ("b", [[2, 4]])],
                                           layout: try LayerLayout(widths: [3, 2]), budgets: .code, sense: .maximize)
        let examples: [(file: String, model: String, data: String, optimum: Double)] = [
            ("cover_example.dat", "cover.mod", CoverModel(group: group, rule: .full).gmplData(budget: 3), 3),
            ("cover_min_example.dat", "cover_min.mod",
             CoverModel(group: group, rule: try CoverageRule(share: 0.5)).gmplData(covering: 4), 3),
            ("reference_example.dat", "reference.mod", reference.gmplData(), 7),
        ]
        let folder = TestPaths.packageRoot.appendingPathComponent("models/examples")
        for example in examples {
            let url = folder.appendingPathComponent(example.file)
            if ProcessInfo.processInfo.environment["BACKBONES_UPDATE_GMPL_EXAMPLES"] == "1" {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try example.data.write(to: url, atomically: true, encoding: .utf8)
            }
            let stored = try String(contentsOf: url, encoding: .utf8)
            #expect(stored == example.data, "models/examples/\(example.file) is out of date")
            let gmpl = try runGlpsol(model: example.model, data: stored)
            #expect(gmpl.optimal && gmpl.objective == example.optimum, "\(example.file): \(String(describing: gmpl.objective))")
        }
    }

    @Test func coverDataIsReadableAndDeterministic() throws {
        let layout = try LayerLayout(widths: [4, 2])
        let group = GroupTransactions(transactions: [[0, 1, 2, 4], [4, 2, 1, 0], [3, 5]], layout: layout)
        let model = CoverModel(group: group, rule: try CoverageRule(share: 0.5))
        let data = model.gmplData(budget: 3)
        #expect(data == model.gmplData(budget: 3))
        for line in ["data;", "param q := 0.5;", "param K := 3;  # size budget: at most K neurons",
                     "set L := 1 2;", "set N := 0 1 2 3 4 5;", "param layer := 0 1  1 1  2 1  3 1  4 2  5 2;",
                     "set T := t0 t1;", "param w := t0 2  t1 1;", "set A[t0] := 0 1 2 4;", "set A[t1] := 3 5;",
                     "param need : 1 2 :=", "  t0 2 1", "  t1 1 1;", "end;"] {
            #expect(data.split(separator: "\n").contains(Substring(line)), "missing line: \(line)\n\(data)")
        }
        #expect(model.gmplData(covering: 2).contains("param C := 2;"))
    }

    @Test func emptyGroupAndEmptyTransaction() throws {
        let layout = try LayerLayout(widths: [2, 2])
        let empty = CoverModel(group: GroupTransactions(transactions: [], layout: layout), rule: .full)
        let none = try runGlpsol(model: "cover.mod", data: empty.gmplData(budget: 2))
        // No columns at all: glpsol solves it as an LP and says OPTIMAL, not INTEGER OPTIMAL.
        #expect(none.status == "OPTIMAL" && none.objective == 0, "\(none.status)")
        // An instance that activates nothing is covered by the empty backbone.
        let blank = CoverModel(group: GroupTransactions(transactions: [[], [0, 2]], layout: layout), rule: .full)
        #expect(try runGlpsol(model: "cover.mod", data: blank.gmplData(budget: 0)).objective == 1)
        #expect(try glpkOptimum(blank.maxCoverage(budget: 0)).objective == 1)
    }

    // MARK: reference model

    static func smallReferenceGroups(seed: UInt64) throws -> (LayerLayout, [(name: String, transactions: [[Int]])]) {
        // Each group draws from its own, overlapping part of each layer (as real classes
        // would), so that most budget settings are feasible.
        var rng = SplitMix(seed: seed)
        let layout = try LayerLayout(widths: [7, 4])
        var groups: [(name: String, transactions: [[Int]])] = []
        for g in 0..<3 {
            var ts: [[Int]] = []
            for _ in 0..<Int.random(in: 2...4, using: &rng) {
                let first = Array((2 * g ..< 2 * g + 3).shuffled(using: &rng).prefix(2))
                let second = Array((7 + g ..< 7 + g + 2).shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)))
                ts.append((first + second).sorted())
            }
            groups.append(("class \(g) 'x'", ts))
        }
        return (layout, groups)
    }

    static let referenceBudgets: [ReferenceModel.Budgets] = [
        .code, .init(rho1: 0, rho2: 0, rho3: 1), .init(rho1: 0.2, rho2: 0.34, rho3: 0.3),
        .init(rho1: 0, rho2: 0, rho3: 0), .init(rho1: 0.28, rho2: 0.1, rho3: 0.3),
        .init(rho1: 0.7, rho2: 0, rho3: 0.5),   // 7 excused: a whole layer, connectivity binds
    ]

    @Test(arguments: [ObjectiveSense.maximize, .minimize])
    func referenceModOptimumEqualsTheSwiftModel(_ sense: ObjectiveSense) throws {
        var compared = 0, infeasible = 0
        for seed in UInt64(1)...4 {
            let (layout, groups) = try Self.smallReferenceGroups(seed: seed)
            for budgets in Self.referenceBudgets {
                let reference = try ReferenceModel(groups: groups, layout: layout, budgets: budgets, sense: sense)
                let swift = try glpkOptimum(reference.build())
                let gmpl = try runGlpsol(model: "reference.mod", data: reference.gmplData())
                let context = "seed \(seed) \(sense) \(budgets)"
                if swift.status == .infeasible {
                    #expect(gmpl.status == "INTEGER EMPTY", "\(context): glpsol \(gmpl.status)")
                    infeasible += 1
                    continue
                }
                #expect(swift.status == .optimal, "\(context): \(swift.rawStatus)")
                #expect(gmpl.optimal, "\(context): glpsol status \(gmpl.status)")
                #expect(gmpl.objective == swift.objective, "\(context): glpsol \(String(describing: gmpl.objective)) vs GLPK \(String(describing: swift.objective))")
                #expect(gmpl.stdout.contains("total size: \(Int(swift.objective ?? -1))"), "\(context)")
                compared += 1
            }
        }
        // Not vacuous: most settings are feasible; ρ = 0 everywhere is not (groups overlap).
        #expect(compared == 20 && infeasible == 4, "\(compared) optima compared, \(infeasible) infeasible")
    }

    @Test func referenceModByHand() throws {
        // As in ReferenceModelTests: with ρ1 = ρ2 = 0 the minimum is the union per group (5);
        // excusing one instance (ρ2·3 = 1) lowers it to 4; the max sense takes every neuron in
        // both backbones (ρ3 = 1 lets all 5 be shared): 10.
        let layout = try LayerLayout(widths: [3, 2])
        let groups: [(name: String, transactions: [[Int]])] = [("a", [[0, 3], [1, 3]]), ("b", [[2, 4]])]
        let cases: [(ReferenceModel.Budgets, ObjectiveSense, Double)] = [
            (.init(rho1: 0, rho2: 0, rho3: 1), .minimize, 5),
            (.init(rho1: 0, rho2: 0.34, rho3: 1), .minimize, 4),
            (.init(rho1: 0, rho2: 0, rho3: 1), .maximize, 10),
            (.init(rho1: 0, rho2: 0, rho3: 0.2), .maximize, 6),   // one shared neuron: 5 + 1
            (.init(rho1: 1, rho2: 0, rho3: 1), .minimize, 4),     // all excused: one neuron per layer and group
        ]
        for (budgets, sense, expected) in cases {
            let reference = try ReferenceModel(groups: groups, layout: layout, budgets: budgets, sense: sense)
            let gmpl = try runGlpsol(model: "reference.mod", data: reference.gmplData())
            #expect(gmpl.optimal && gmpl.objective == expected, "\(sense) \(budgets): \(gmpl.status) \(String(describing: gmpl.objective))")
            #expect(try glpkOptimum(reference.build()).objective == expected, "\(sense) \(budgets)")
        }
        // The printed backbones, one line per group.
        let reference = try ReferenceModel(groups: groups, layout: layout,
                                           budgets: .init(rho1: 0, rho2: 0, rho3: 1), sense: .minimize)
        let gmpl = try runGlpsol(model: "reference.mod", data: reference.gmplData())
        #expect(gmpl.list("backbone of a:") == [0, 1, 3])
        #expect(gmpl.list("backbone of b:") == [2, 4])
    }

    /// The budgets written as data are exactly the right-hand sides of the Swift model's
    /// budget rows, also where ρ·n lands a rounding error below an integer.
    @Test func referenceBudgetsEqualTheSwiftRows() throws {
        let layout = try LayerLayout(widths: [60, 40])
        let groups: [(name: String, transactions: [[Int]])] = (0..<2).map { g in
            ("g\(g)", (0..<5).map { t in [g * 10 + t, 60 + g * 10 + t] })
        }
        for budgets in [ReferenceModel.Budgets(rho1: 0.29, rho2: 0.7, rho3: 0.57), .code,
                        .init(rho1: 0.3, rho2: 0.3, rho3: 0.3), .init(rho1: 1, rho2: 1, rho3: 1)] {
            let reference = try ReferenceModel(groups: groups, layout: layout, budgets: budgets)
            let rows = reference.build().rows
            let data = reference.gmplData()
            for (param, row) in [("B1", "budget_excused_neurons"), ("B2", "budget_excused_instances"), ("B3", "budget_shared")] {
                let upper = try #require(rows.first { $0.name == row }).upper
                let written = data.split(separator: "\n").first { $0.hasPrefix("param \(param) := ") }
                    .flatMap { Double($0.dropFirst("param \(param) := ".count).prefix { $0 != ";" }) }
                #expect(written == upper, "\(param) for \(budgets)")
            }
            // glpsol accepts the data (its checks on the budgets pass).
            #expect(try runGlpsol(model: "reference.mod", data: data).optimal)
        }
    }

    @Test func referenceModReproducesTheBirdStructureOnASmallBirdLikeInstance() throws {
        let (layout, groups) = try birdLikeGroups(seed: 7, perGroup: 2)
        let reference = try ReferenceModel(groups: groups, layout: layout,
                                           budgets: .init(rho1: 0.28, rho2: 0, rho3: 0.30), sense: .maximize)
        let gmpl = try runGlpsol(model: "reference.mod", data: reference.gmplData())
        #expect(gmpl.optimal)
        #expect(gmpl.objective == 374)   // 288 + ⌊0.30 · 288⌋ shared
        #expect(gmpl.list("shared neurons:")?.count == 86)
    }
}
