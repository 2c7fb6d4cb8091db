import ArgumentParser
import BackboneCore
import FileSupport
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
        selected groups at once, each backbone at most --budget K neurons, two backbones sharing \
        at most ⌊β·n⌋ neurons (--beta), maximizing the covered instances in total. --model \
        reference: the authors' Section 3 model over all selected groups (budgets \
        --rho1/--rho2/--rho3; --sense max is the authors' code, min the set-cover sense), their \
        two code bugs fixed, solved as its exact reduction (same optimum) unless --no-reduce. \
        --write-lp/--write-mps export the model that is solved. See docs/pareto.md and docs/models.md.
        """
    )

    enum ModelKind: String, ExpressibleByArgument, CaseIterable { case cover, joint, reference }
    enum Sense: String, ExpressibleByArgument, CaseIterable { case max, min }

    @OptionGroup var input: ActivationInput
    @OptionGroup var selection: GroupOptions

    @Option(help: "cover (per group), joint (all selected groups, with diversity rows) or reference (the authors' model).") var model: ModelKind = .cover
    @Option(help: "cover: coverage share q in (0, 1].") var q: Double = 1
    @Option(help: "cover: size limit K (maximize coverage).") var budget: Int?
    @Option(help: "cover: share of the group to cover, in (0, 1] (minimize size).") var alpha: Double?
    @Option(help: "joint: share of neurons two backbones may share (Σ s_i ≤ ⌊β·n⌋).") var beta: Double = 0.3
    @Option(help: "reference: objective sense (max: the authors' code; min: set cover).") var sense: Sense = .max
    @Option(help: "reference: excused-neuron budget ρ1 (share of neurons).") var rho1: Double = ReferenceModel.Budgets.code.rho1
    @Option(help: "reference: excused-instance budget ρ2 (share of instance slacks).") var rho2: Double = ReferenceModel.Budgets.code.rho2
    @Option(help: "reference: shared-neuron budget ρ3 (share of neurons).") var rho3: Double = ReferenceModel.Budgets.code.rho3

    @Flag(help: "reference: solve the plain model, not its exact reduction (docs/pareto.md).") var noReduce = false
    @Option(help: "Backend: glpk, cbc or both.") var solver: SolverChoice = .glpk
    @Option(help: "cover, whole front only: \(FrontEngine.Method.help.abstract)") var method: FrontEngine.Method = .search
    @OptionGroup var solverOptions: SolverOptionGroup
    @Option(help: "Write the model in CPLEX LP format here (before solving).") var writeLp: String?
    @Option(help: "Write the model in free MPS format here (before solving).") var writeMps: String?
    @Flag(help: "Print JSON instead of text.") var json = false

    func validate() throws {
        if budget != nil && alpha != nil { throw ValidationError("give --budget or --alpha, not both") }
        if let budget, budget < 0 { throw ValidationError("--budget must be at least 0") }
        if let alpha, !(alpha > 0 && alpha <= 1) { throw ValidationError("--alpha must be in (0, 1], got \(alpha)") }
        if !(q > 0 && q <= 1) { throw ValidationError("--q must be in (0, 1], got \(q)") }
        if model == .joint && budget == nil { throw ValidationError("--model joint needs --budget K (the size limit of each backbone)") }
    }

    func run() throws {
        let loaded = try input.load(selection)
        let backends = Backends(solvers: solver.solvers, options: solverOptions.solverOptions, progress: ProgressTicker.callback { Stderr.print($0) })
        let rule = try CoverageRule(share: q)
        let job: ILPRun.Job
        switch model {
        case .cover:
            let goal: CoverILPJob.Goal = budget.map { .budget($0) } ?? alpha.map { .coverage($0) } ?? .front
            job = .cover(CoverILPJob(rule: rule, goal: goal, engines: FrontEngine.engines(solvers: solver.solvers, method: method), backends: backends))
        case .joint:
            job = .joint(JointILPJob(rule: rule, budget: budget!, beta: beta, backends: backends))
        case .reference:
            job = .reference(ReferenceILPJob(budgets: .init(rho1: rho1, rho2: rho2, rho3: rho3), sense: sense == .max ? .maximize : .minimize,
                                             reduce: !noReduce, backends: backends))
        }
        let outcome = try ILPRun(job: job, lp: writeLp, mps: writeMps).run(loaded) { group, engine, p in
            Stderr.print("\(group) \(rule) \(engine): K=\(p.budget) covered \(p.covered) \(p.status.rawValue)")
        }
        print(ILPReport.render(outcome, json: json))
    }
}
