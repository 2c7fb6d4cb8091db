import ArgumentParser
import BackboneCore
import BackboneData
import FileSupport
import Foundation
import LinearModel
import Mining

struct ILPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ilp",
        abstract: "Build and solve a backbone ILP: the per-group cover model, the joint cover model, or the authors' reference model.",
        discussion: """
        --model cover (per group): with --budget K, the best coverage with at most K neurons; \
        with --alpha A, the smallest backbone covering at least a share A of the group; with \
        neither, the whole exact front (as in `pareto`). --model joint: the cover models of all \
        selected groups at once, each backbone at most --budget K neurons, with the diversity rows \
        x_gi + x_hi ≤ 1 + s_i and Σ s_i ≤ ⌊β·n⌋ (--beta), maximizing the covered instances in \
        total. --model reference: the authors' \
        Section 3 model over all selected groups at once (coverage, diversity, connectivity \
        rows; budgets --rho1/--rho2/--rho3; --sense max is the authors' code, min the \
        set-cover sense), with their two code bugs fixed (docs/pareto.md). By default the \
        reference model is solved after an exact reduction (same optimum): identical \
        transactions of a group share one instance slack weighted by their count in the ρ2 \
        budget, a slack that the budget cannot afford is not created (with --rho2 0, the \
        default, there is none) and its coverage rows become one row a_i + e_gi ≥ 1 per group \
        and active neuron; rows implied by such a row are dropped; the diversity rows of a neuron \
        become one row Σ_g e_gi ≤ 1 + (G−1)·s_i (the same binary solutions, a much tighter LP \
        for the max sense). --no-reduce solves the plain model (one slack per instance, one row \
        per group, instance and active neuron, one diversity row per pair of groups). \
        --write-lp and --write-mps export the model that is solved (one group, or the \
        reference model) before solving.
        """
    )

    enum ModelKind: String, ExpressibleByArgument, CaseIterable { case cover, joint, reference }
    enum Sense: String, ExpressibleByArgument, CaseIterable { case max, min }

    @OptionGroup var input: ActivationInput
    @OptionGroup var selection: GroupOptions

    @Option(help: "cover (per group), joint (cover models of all selected groups with diversity rows) or reference (the authors' model).")
    var model: ModelKind = .cover

    @Option(help: "cover: coverage share q in (0, 1].")
    var q: Double = 1

    @Option(help: "cover: size limit K (maximize coverage).")
    var budget: Int?

    @Option(help: "cover: share of the group to cover, in (0, 1] (minimize size).")
    var alpha: Double?

    @Option(help: "joint: share of neurons two backbones may share (Σ s_i ≤ ⌊β·n⌋).")
    var beta: Double = 0.3

    @Option(help: "reference: objective sense (max: the authors' code; min: set cover).")
    var sense: Sense = .max

    @Option(help: "reference: excused-neuron budget ρ1 (share of neurons).")
    var rho1: Double = ReferenceModel.Budgets.code.rho1

    @Option(help: "reference: excused-instance budget ρ2 (share of instance slacks).")
    var rho2: Double = ReferenceModel.Budgets.code.rho2

    @Option(help: "reference: shared-neuron budget ρ3 (share of neurons).")
    var rho3: Double = ReferenceModel.Budgets.code.rho3

    @Flag(name: .customLong("no-reduce"),
          help: "reference: solve the plain model (one slack per instance, one coverage row per group, instance and active neuron, pairwise diversity rows) instead of its exact reduction (identical transactions share a slack; slacks the ρ2 budget cannot afford are dropped with the rows they make redundant; one diversity row per neuron).")
    var noReduce = false

    @Option(help: "Backend: glpk, cbc or both.")
    var solver: SolverChoice = .glpk

    @Option(help: "cover, whole front only: \(FrontEngine.Method.help.abstract)")
    var method: FrontEngine.Method = .search

    @OptionGroup var solverOptions: SolverOptionGroup

    @Option(help: "Write the model in CPLEX LP format here (before solving).")
    var writeLp: String?

    @Option(help: "Write the model in free MPS format here (before solving).")
    var writeMps: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if budget != nil && alpha != nil { throw ValidationError("give --budget or --alpha, not both") }
        if let budget, budget < 0 { throw ValidationError("--budget must be at least 0") }
        if let alpha, !(alpha > 0 && alpha <= 1) { throw ValidationError("--alpha must be in (0, 1], got \(alpha)") }
        if !(q > 0 && q <= 1) { throw ValidationError("--q must be in (0, 1], got \(q)") }
    }

    func run() throws {
        let loaded = try input.load(selection)
        let groups = loaded.groups
        let db = loaded.binarized.database
        switch model {
        case .reference: try runReference(groups: groups, database: db, layout: loaded.layout)
        case .cover: try runCover(groups: groups, database: db, layout: loaded.layout)
        case .joint: try runJoint(groups: groups, database: db, layout: loaded.layout)
        }
    }

    private func export(_ m: Model, compiled given: CompiledModel? = nil) throws {
        guard writeLp != nil || writeMps != nil else { return }
        let compiled = try given ?? m.compile()
        if let writeLp { try TextFile.writeAtomically(LPWriter.write(compiled), to: writeLp) }
        if let writeMps { try TextFile.writeAtomically(MPSWriter.write(compiled), to: writeMps) }
    }

    /// The JSON fields every solved model reports.
    static func resultFields(_ r: SolveResult) -> [(String, JSON)] {
        [("solver", .string(r.solver)), ("status", .string(r.status.rawValue)), ("objective", .number(r.objective)),
         ("bound", .number(r.bound)), ("gap", .number(r.gap)), ("seconds", .number(r.seconds))]
    }

    private func solveAll(_ m: Model, compiled given: CompiledModel? = nil) throws -> [SolveResult] {
        let compiled = try given ?? m.compile()
        var results: [SolveResult] = []
        for backend in solver.solvers {
            let ticker = ProgressTicker(label: "\(backend.name): solving \(m.name)")
            results.append(backend.solve(compiled, options: solverOptions.solverOptions))
            ticker.stop()
        }
        if let problem = SolveResult.disagreement(among: results) {
            Stderr.print("backbones: error: \(problem)")
            throw ExitCode(1)
        }
        return results
    }

    /// Two fronts that both prove a point optimal must agree on it (exit 1 otherwise).
    static func checkAgreement(_ front: ExactFront, with others: [ExactFront]) throws {
        for other in others {
            if let problem = other.disagreement(with: front) {
                Stderr.print("backbones: error: \(problem)")
                throw ExitCode(1)
            }
        }
    }

    private func runReference(groups: [Group], database: TransactionDatabase, layout: LayerLayout) throws {
        // Build time (model + compiled matrix) and size are reported in the JSON (`model`),
        // for the benchmarks (Benchmarks/stacks).
        let clock = ContinuousClock()
        let buildStart = clock.now
        let reference: ReferenceModel
        do {
            reference = try ReferenceModel(
                groups: groups.map { ($0.name, database.selecting($0.instances).itemLists) }, layout: layout,
                budgets: .init(rho1: rho1, rho2: rho2, rho3: rho3), sense: sense == .max ? .maximize : .minimize)
        } catch let error as CoreError { throw InputError(error.description) }
        // The reduced model by default (same optimum; ReducedReferenceModel), the plain one
        // with --no-reduce. Both read back into the plain model's solution.
        let reduced = noReduce ? nil : reference.reduced()
        let m = reduced?.build() ?? reference.build()
        let compiled = try m.compile()
        let buildSeconds = (clock.now - buildStart).seconds
        let modelFields: JSON = .object([
            ("reduced", .bool(reduced != nil)),
            ("build_seconds", .number(buildSeconds)), ("rows", .int(compiled.rowCount)),
            ("columns", .int(compiled.columnCount)), ("nonzeros", .int(compiled.nonzeroCount)),
        ])
        try export(m, compiled: compiled)
        if !json {
            print("model: \(reduced != nil ? "reduced (exact, same optimum; --no-reduce for the plain model)" : "plain (--no-reduce)"), \(compiled.rowCount) rows, \(compiled.columnCount) columns, \(compiled.nonzeroCount) non-zeros")
        }
        var out: [JSON] = []
        for r in try solveAll(m, compiled: compiled) {
            var fields = Self.resultFields(r)
            fields.append(("model", modelFields))
            if let values = r.values {
                let s = reduced?.solution(from: values) ?? reference.solution(from: values)
                let union = Set(s.backbones.joined())
                var shared = 0
                if s.backbones.count >= 2 { shared = Set(s.backbones[0]).intersection(Set(s.backbones[1])).count }
                fields += [
                    ("backbones", .object(zip(groups, s.backbones).map { ($0.name, .array($1.map { .int($0) })) })),
                    ("sizes", .array(s.backbones.map { .int($0.count) })),
                    ("union", .int(union.count)), ("shared_variables", .int(s.sharedNeurons.count)),
                    ("excused_neurons", .array(s.excusedNeurons.map { .int($0) })),
                    ("excused_instances", .int(s.excusedInstances.reduce(0) { $0 + $1.count })),
                ]
                if !json {
                    print("\(r.solver): \(r.status.rawValue), objective \(r.objective.map { String(Int($0)) } ?? "-"), \(String(format: "%.2f", r.seconds)) s")
                    for (g, b) in zip(groups, s.backbones) { print("  \(g.name): \(b.count) neurons") }
                    print("  sizes sum \(s.backbones.reduce(0) { $0 + $1.count }), union \(union.count) of \(layout.neuronCount), shared (s_i = 1) \(s.sharedNeurons.count)" + (groups.count == 2 ? ", overlap \(shared)" : "") + ", excused neurons \(s.excusedNeurons.count), excused instances \(s.excusedInstances.reduce(0) { $0 + $1.count })")
                }
            } else if !json {
                print("\(r.solver): \(r.status.rawValue) \(r.message)")
            }
            out.append(.object(fields))
        }
        if json { print(JSON.array(out).serialized(pretty: true)) }
    }

    private func runJoint(groups: [Group], database: TransactionDatabase, layout: LayerLayout) throws {
        guard let budget else { throw InputError("--model joint needs --budget K (the size limit of each backbone)") }
        let rule = try CoverageRule(share: q)
        let merged = groups.map { ($0.name, GroupTransactions(database: database.selecting($0.instances), layout: layout)) }
        let joint: JointCoverModel
        do { joint = try JointCoverModel(groups: merged, rule: rule, budget: budget, beta: beta) } catch let error as CoreError {
            throw InputError(error.description)
        }
        let m = joint.build()
        try export(m)
        var out: [JSON] = []
        for r in try solveAll(m) {
            var fields = Self.resultFields(r)
            if !json {
                print("\(r.solver): \(r.status.rawValue), \(r.objective.map { String(Int($0)) } ?? "-") instances covered in total\(r.gap.map { String(format: ", gap %.2f%%", $0 * 100) } ?? ""), \(String(format: "%.2f", r.seconds)) s")
            }
            if let values = r.values {
                let backbones = joint.backbones(from: values)
                var perGroup: [(String, JSON)] = []
                for ((name, g), b) in zip(merged, backbones) {
                    let covered = g.covered(by: b, rule: rule)
                    perGroup.append((name, .object([("size", .int(b.count)), ("covered", .int(covered)), ("instances", .int(g.instanceCount)),
                                                    ("backbone", .array(b.map { .int($0) }))])))
                    if !json { print("  \(name): \(b.count) neurons, covers \(covered)/\(g.instanceCount)") }
                }
                fields.append(("groups", .object(perGroup)))
            }
            out.append(.object(fields))
        }
        if json { print(JSON.array(out).serialized(pretty: true)) }
    }

    private func runCover(groups: [Group], database: TransactionDatabase, layout: LayerLayout) throws {
        let rule = try CoverageRule(share: q)
        if (writeLp != nil || writeMps != nil) && (groups.count != 1 || (budget == nil && alpha == nil)) {
            throw InputError("--write-lp/--write-mps with --model cover need one group (--only NAME) and --budget or --alpha")
        }
        var out: [JSON] = []
        for g in groups {
            let merged = GroupTransactions(database: database.selecting(g.instances), layout: layout)
            let cover = CoverModel(group: merged, rule: rule)
            if budget == nil && alpha == nil {
                var fronts: [ExactFront] = []
                for backend in FrontEngine.engines(solvers: solver.solvers, method: method) {
                    let front = try backend.run(cover, groupName: g.name, options: solverOptions.solverOptions) { p in
                        Stderr.print("\(g.name) \(rule) \(backend.name): K=\(p.budget) covered \(p.covered)/\(merged.instanceCount) \(p.status.rawValue)")
                    }
                    try Self.checkAgreement(front, with: fronts)
                    fronts.append(front)
                    let pareto = front.paretoPoints
                    if !json {
                        print("\(g.name) \(rule) \(backend.name): \(front.points.count) points, \(front.provenCount) proven, \(String(format: "%.2f", front.totalSeconds)) s; Pareto points (size→covered): " + pareto.map { "\($0.size)→\($0.covered)\($0.isProvenOptimal ? "" : "?")" }.joined(separator: " "))
                    }
                    out.append(.object([("group", .string(g.name)), ("solver", .string(backend.name)),
                                        ("points", .array(front.points.map { .object([("budget", .int($0.budget)), ("size", .int($0.size)), ("covered", .int($0.covered)), ("status", .string($0.status.rawValue)), ("bound", .number($0.bound)), ("seconds", .number($0.seconds)), ("backbone", .array($0.backbone.map { .int($0) }))]) }))]))
                }
                continue
            }
            let target = alpha.map { Int(($0 * Double(merged.instanceCount) - 1e-9).rounded(.up)) }
            let m = budget.map { cover.maxCoverage(budget: $0) } ?? cover.minSize(covering: target!)
            try export(m)
            for r in try solveAll(m) {
                let backbone = r.values.map(cover.backbone(from:)) ?? []
                let covered = merged.covered(by: backbone, rule: rule)
                if !json {
                    let what = budget.map { "at most \($0) neurons" } ?? "covering ≥ \(target!) of \(merged.instanceCount)"
                    print("\(g.name) \(rule) \(r.solver) (\(what)): \(r.status.rawValue), backbone \(backbone.count) neurons covering \(covered)/\(merged.instanceCount)\(r.gap.map { String(format: ", gap %.2f%%", $0 * 100) } ?? ""), \(String(format: "%.2f", r.seconds)) s")
                    if !backbone.isEmpty { print("  " + backbone.map(String.init).joined(separator: " ")) }
                }
                out.append(.object([("group", .string(g.name))] + Self.resultFields(r) + [
                    ("size", .int(backbone.count)), ("covered", .int(covered)),
                    ("instances", .int(merged.instanceCount)), ("backbone", .array(backbone.map { .int($0) })),
                ]))
            }
        }
        if json { print(JSON.array(out).serialized(pretty: true)) }
    }
}
