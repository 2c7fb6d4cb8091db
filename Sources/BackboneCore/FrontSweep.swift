import LinearModel

/// Computes the exact front of a cover model: solves `maxCoverage(budget: K)` for
/// `K = minimumUsefulSize, +1, …` until every instance is covered.
///
/// Never worse than cold: each point is solved cold (no start handed to the backend), and its
/// incumbent is the better of the backend's and the sweep's start (the previous point's
/// backbone, feasible for the next budget, and the seeds). A start handed to CBC under a time
/// limit made points worse than a cold solve of the same budget (MNIST-5k class 2 at q = 0.5:
/// 242 covered against 322 cold, CBC then runs without preprocessing), so starts only ever
/// raise a point here. A point the backend leaves unproven gets the tighter of its bound and the
/// split bound of the single-layer fronts (`LayerJoinEngine`).
public struct FrontSweep: Sendable {
    public var options: SolverOptions
    /// Called after each point (for progress lines).
    public var onPoint: (@Sendable (FrontPoint) -> Void)?
    /// Stop after this budget even if the group is not fully covered (nil: sweep to full
    /// coverage). A capped front is a prefix of the full one; callers say so.
    public var maxBudget: Int?
    /// The front's deadline and the run's stop request (the per-point limit is `options.timeLimit`).
    public var deadline: ContinuousClock.Instant?
    public var control: RunControl?

    public init(options: SolverOptions = SolverOptions(), maxBudget: Int? = nil,
                onPoint: (@Sendable (FrontPoint) -> Void)? = nil) {
        self.options = options
        self.maxBudget = maxBudget
        self.onPoint = onPoint
    }

    /// For each distinct transaction, the smallest backbone that covers it, built from its
    /// neurons that are most frequent in the group (per layer, the `⌈q·a⌉` most frequent):
    /// cheap starts that cover at least one instance at the smallest budgets, where the
    /// solvers otherwise may find no incumbent within a short time limit.
    static func singleInstanceBackbones(_ model: CoverModel) -> [[Int]] {
        let group = model.group, layout = group.layout
        var frequency = [Int](repeating: 0, count: layout.neuronCount)
        for (k, t) in group.distinct.enumerated() { for i in t { frequency[i] += group.weights[k] } }
        return group.distinct.map { t in
            let need = model.rule.requirements(of: t, layout: layout)
            var chosen: [Int] = []
            for l in 0..<layout.layerCount where need[l] > 0 {
                let inLayer = t.filter { layout.layer(of: $0) == l }.sorted { (frequency[$0], -$0) > (frequency[$1], -$1) }
                chosen += inLayer.prefix(need[l])
            }
            return chosen.sorted()
        }
    }

    /// - Parameter seeds: backbones known beforehand (e.g. the heuristics'): each point starts
    ///   from the best-covering of these that fits its budget, if it beats the previous point.
    public func run(_ model: CoverModel, groupName: String, solver: ILPSolver, seeds: [[Int]] = []) throws -> ExactFront {
        let group = model.group
        guard group.instanceCount > 0 else { throw CoreError.emptyGroup(groupName) }
        var splitBounds: LayerJoinEngine?
        let sweep = BudgetSweep(model: model, maxBudget: maxBudget, seeds: seeds + Self.singleInstanceBackbones(model), onPoint: onPoint,
                                limits: SweepLimits(timeLimit: options.timeLimit, deadline: deadline, control: control))
        return try sweep.run(groupName: groupName, method: solver.name, version: solver.version) { budget, start, timeLimit in
            let point = try ColdPointSolve(model.maxCoverage(budget: budget), budget: budget, start: start, timeLimit: timeLimit, cover: model,
                                           groupName: groupName, solver: solver, options: options)
            let (backbone, covered, proven, result) = (point.backbone, point.covered, point.proven, point.result)
            // Every point not proven optimal carries a bound: the backend's, or the split bound
            // of the single-layer fronts when that is tighter (or the backend stopped before its
            // root relaxation gave one).
            var bound = Double(covered)
            if !proven {
                if splitBounds == nil { splitBounds = LayerJoinEngine(group: group, rule: model.rule) }
                let split = splitBounds!.upperBound(budget: budget, atLeast: covered, timeLimit: timeLimit)
                bound = max(Double(covered), min(result.bound ?? Double(split), Double(split)))
            }
            return FrontPoint(budget: budget, backbone: backbone, covered: covered, of: group.instanceCount,
                              status: proven ? .optimal : result.status, bound: bound,
                              seconds: result.seconds, solver: solver.name)
        }
    }
}
