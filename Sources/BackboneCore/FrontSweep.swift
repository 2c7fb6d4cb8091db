import LinearModel

/// Computes the exact front of a cover model: solves `maxCoverage(budget: K)` for
/// `K = minimumUsefulSize, +1, …` until every instance is covered, each solve warm-started
/// from the previous point's backbone (feasible for the next budget).
public struct FrontSweep: Sendable {
    public var options: SolverOptions
    /// Called after each point (for progress lines).
    public var onPoint: (@Sendable (FrontPoint) -> Void)?
    /// Stop after this budget even if the group is not fully covered (nil: sweep to full
    /// coverage). A capped front is a prefix of the full one; callers say so.
    public var maxBudget: Int?

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
        var front = ExactFront(groupName: groupName, rule: model.rule, solver: solver.name,
                               solverVersion: solver.version, instanceCount: group.instanceCount,
                               distinctTransactions: group.distinct.count,
                               minimumUsefulSize: model.minimumUsefulSize, points: [])
        guard group.instanceCount > 0 else { throw CoreError.emptyGroup(groupName) }
        var previous: [Int] = []
        var budget = model.minimumUsefulSize
        let seeds = seeds + Self.singleInstanceBackbones(model)
        let largest = min(model.neurons.count, maxBudget ?? Int.max)
        while budget <= largest {
            let compiled = try model.maxCoverage(budget: budget).compile()
            var opts = options
            let (startBackbone, startCovered) = model.bestStart(previous: previous, seeds: seeds, budget: budget)
            let start = model.point(for: startBackbone)
            if compiled.maxViolation(of: start) <= 1e-9 { opts.initialSolution = start }
            let result = solver.solve(compiled, options: opts)
            var backbone = startBackbone
            if let values = result.values {
                let found = model.backbone(from: values)
                // Keep the better of the solver's point and the warm start (a time-limited
                // solve may return a worse incumbent than the one it was given).
                if group.covered(by: found, rule: model.rule) >= startCovered {
                    backbone = found
                }
            }
            guard result.status == .optimal || result.status == .timeLimit else {
                throw CoreError.invalidArgument("\(solver.name) failed on \(groupName) at budget \(budget): \(result.status.rawValue) \(result.message) [\(result.rawStatus)]")
            }
            let covered = group.covered(by: backbone, rule: model.rule)
            if let objective = result.objective, Double(covered) + 1e-6 < objective {
                throw CoreError.invalidArgument("\(solver.name) reports \(objective) covered at budget \(budget) but its backbone covers \(covered)")
            }
            let proven = result.status == .optimal && Double(covered) + 1e-6 >= (result.objective ?? .infinity)
            // A solver stopped before its root relaxation gives no bound; then the bound is the
            // instances small enough to fit the budget at all (a valid, if loose, upper bound),
            // so every point not proven optimal still carries a bound and a gap.
            let fitting = Double(zip(group.distinct, group.weights).reduce(0) { sum, tw in
                sum + (model.rule.minimumSize(of: tw.0, layout: group.layout) <= budget ? tw.1 : 0)
            })
            let bound = proven ? Double(covered) : min(result.bound ?? fitting, fitting)
            let point = FrontPoint(budget: budget, backbone: backbone, covered: covered, of: group.instanceCount,
                                   status: proven ? .optimal : result.status, bound: bound,
                                   seconds: result.seconds, solver: solver.name)
            front.points.append(point)
            onPoint?(point)
            previous = backbone
            if covered == group.instanceCount { break }
            budget += 1
        }
        return front
    }
}
