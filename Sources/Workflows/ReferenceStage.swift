import BackboneCore
import LinearModel
import Mining

/// Stage 3: the authors' Section 3 model over the correct groups (one backbone per class),
/// their code's budgets, both senses, solved as the exact reduction (`ReducedReferenceModel`).
///
/// The set-cover sense runs first: its solution is feasible for the max sense (same rows), which
/// then starts from it (on the plain model GLPK alone found no incumbent for ten classes in
/// seconds). With ρ2 = 0 the reduction has no instance slacks, one coverage row per group and
/// active neuron and one diversity row per neuron; GLPK proves both senses on digits and
/// MNIST-5k within about a second.
public struct ReferenceStage: Sendable {
    public struct Run: Sendable {
        public var sense: ObjectiveSense
        public var rows: Int
        public var columns: Int
        public var buildSeconds: Double
        /// Whether the max sense started from the min sense's solution.
        public var warmStart: Bool
        public var result: SolveResult
        public var solution: Solution?
    }

    public struct Solution: Sendable {
        public var sizes: [Int]
        public var union: Int
        public var shared: Int
        public var sharedBudget: Int
        public var excusedNeurons: Int
        public var excusedInstances: Int
        /// Per group: the share of its rows the backbone covers at q = 1.
        public var coverage: [(group: String, share: Double)]
    }

    public var groups: [String]
    public var budgets: ReferenceModel.Budgets
    /// Neurons active in the correct rows of two or more classes: each must be excused or shared,
    /// so more of them than `allowance` (⌊ρ1·n⌋ + ⌊ρ3·n⌋) makes the model infeasible.
    public var neuronsInTwoOrMoreGroups: Int
    public var allowance: Int
    public var solver: String
    public var timeLimit: Double
    /// In the order solved: minimize, then maximize.
    public var runs: [Run]

    init(data: FoldData, heuristic: HeuristicStage, timeLimit: Double, solver: ILPSolver,
         progress: (ObjectiveSense, SolveResult) -> Void) throws {
        let layout = data.layout
        let groups = heuristic.correctGroups.keys.sorted().map { c in
            (name: heuristic.correctGroups[c]!.name,
             transactions: data.trainTransactions.database.selecting(heuristic.correctGroups[c]!.instances).itemLists)
        }
        self.groups = groups.map(\.name)
        budgets = .code
        var groupsUsing = [Int](repeating: 0, count: layout.neuronCount)
        for g in groups { for i in Set(g.transactions.joined()) { groupsUsing[i] += 1 } }
        neuronsInTwoOrMoreGroups = groupsUsing.filter { $0 >= 2 }.count
        let n = layout.neuronCount
        allowance = Share.floor(budgets.rho1, of: n) + Share.floor(budgets.rho3, of: n)
        self.solver = solver.name
        self.timeLimit = timeLimit
        runs = []
        var start: [Double]?
        for sense in [ObjectiveSense.minimize, .maximize] {
            let model = try ReferenceModel(groups: groups, layout: layout, budgets: budgets, sense: sense)
            let built = ContinuousClock.now
            let reduced = model.reduced()
            let compiled = try reduced.build().compile()
            let buildSeconds = (ContinuousClock.now - built).seconds
            var options = SolverOptions(timeLimit: timeLimit)
            let warm = sense == .maximize && start.map { compiled.maxViolation(of: $0) <= 1e-9 } == true
            if warm { options.initialSolution = start }
            let r = solver.solve(compiled, options: options)
            if sense == .minimize { start = r.values }
            var run = Run(sense: sense, rows: compiled.rowNames.count, columns: compiled.columnNames.count,
                          buildSeconds: buildSeconds, warmStart: warm, result: r, solution: nil)
            if let values = r.values {
                let s = reduced.solution(from: values)
                run.solution = Solution(
                    sizes: s.backbones.map(\.count), union: Set(s.backbones.joined()).count, shared: s.sharedNeurons.count,
                    sharedBudget: Share.floor(budgets.rho3, of: n), excusedNeurons: s.excusedNeurons.count,
                    excusedInstances: s.excusedInstances.reduce(0) { $0 + $1.count },
                    coverage: zip(groups, s.backbones).map { g, b in
                        (g.name, GroupTransactions(transactions: g.transactions, layout: layout).coverage(of: b, rule: .full))
                    })
            }
            runs.append(run)
            progress(sense, r)
        }
    }
}
