import ArgumentParser
import BackboneCore
import BackboneData
import FileSupport
import LinearModel
import Mining
import Report
import Workflows

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
        let backends = Backends(solvers: solver.solvers, options: solverOptions.solverOptions, progress: ProgressTicker.callback { Stderr.print($0) })
        switch model {
        case .cover:
            let goal: CoverILPJob.Goal = budget.map { .budget($0) } ?? alpha.map { .coverage($0) } ?? .front
            let job = CoverILPJob(rule: try CoverageRule(share: q), goal: goal, engines: FrontEngine.engines(solvers: solver.solvers, method: method),
                                  backends: backends)
            if writeLp != nil || writeMps != nil {
                guard loaded.groups.count == 1, goal != .front else {
                    throw InputError("--write-lp/--write-mps with --model cover need one group (--only NAME) and --budget or --alpha")
                }
                try job.model(for: GroupTransactions(database: loaded.database(of: loaded.groups[0]), layout: loaded.layout))!
                    .compile().export(lp: writeLp, mps: writeMps)
            }
            let rule = job.rule
            let results = try job.run(loaded) { group, engine, p in
                Stderr.print("\(group) \(rule) \(engine): K=\(p.budget) covered \(p.covered) \(p.status.rawValue)")
            }
            print(json ? ILPReport.json(results).serialized(pretty: true) : ILPReport.text(results, rule: job.rule, goal: goal))
        case .joint:
            guard let budget else { throw InputError("--model joint needs --budget K (the size limit of each backbone)") }
            let job = JointILPJob(rule: try CoverageRule(share: q), budget: budget, beta: beta, backends: backends)
            if writeLp != nil || writeMps != nil { try job.model(loaded).0.build().compile().export(lp: writeLp, mps: writeMps) }
            let results = try job.run(loaded)
            print(json ? ILPReport.json(results).serialized(pretty: true) : ILPReport.text(results))
        case .reference:
            let job = ReferenceILPJob(budgets: .init(rho1: rho1, rho2: rho2, rho3: rho3), sense: sense == .max ? .maximize : .minimize,
                                      reduce: !noReduce, backends: backends)
            let built = try job.build(loaded)
            try built.compiled.export(lp: writeLp, mps: writeMps)
            if !json { print(ILPReport.modelLine(built)) }
            let results = try job.solve(built)
            let names = loaded.groups.map(\.name)
            print(json ? ILPReport.json(results, built: built, groups: names).serialized(pretty: true)
                       : ILPReport.text(results, groups: names, neurons: loaded.layout.neuronCount))
        }
    }
}
