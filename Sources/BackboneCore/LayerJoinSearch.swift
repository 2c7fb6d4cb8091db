/// The exact front at a share `q < 1` by a layer-by-layer search (no ILP solver).
///
/// A backbone covers `t` at share `q` when every layer's part of it holds `r_tl` of `t`'s
/// neurons there; coverage is the intersection of per-layer coverages, each monotone in its
/// layer's part. The search (`LayerJoinEngine`) picks one part per layer, layer after layer,
/// over neuron classes with dominance, keeps of each layer's candidates only the Pareto-optimal
/// ones (size against the transactions they leave uncovered), and bounds every layer's room by
/// the sizes the single-layer fronts say the other layers need. Every point it returns without a
/// time limit is proven optimal; a point stopped by `timeLimit` keeps its incumbent and a valid
/// bound (the split bound of the single-layer fronts, or the best candidate not yet explored).
///
/// Points are solved in order of `K`, from the smallest useful size until every instance is
/// covered; each starts from the previous optimum (a larger budget never covers less) and from
/// the seeds, so a seed can only raise a point, never lower it.
public struct LayerJoinSearch: Sendable {
    /// The name this method carries in reports (in place of a solver's), as `CoverSearch`.
    public static let name = "search"
    public static let version = "layer join"
    /// Seconds per point; a point stopped by it carries its incumbent and bound.
    public var timeLimit: Double? {
        get { limits.timeLimit }
        set { limits.timeLimit = newValue }
    }
    /// The per-point limit, the front's deadline and the run's stop request.
    public var limits = SweepLimits()
    /// Stop after this budget even if the group is not fully covered (nil: to full coverage).
    public var maxBudget: Int?
    /// Called after each point (for progress lines).
    public var onPoint: (@Sendable (FrontPoint) -> Void)?
    /// How many nodes a point is searched before a local search improves its incumbent (a node
    /// count, not a time, so that a front is the same on every machine and load; about 50 ms).
    static let probeNodes = 100_000
    static let localSearchRounds = 8

    public init(timeLimit: Double? = nil, maxBudget: Int? = nil, onPoint: (@Sendable (FrontPoint) -> Void)? = nil) {
        self.limits = SweepLimits(timeLimit: timeLimit)
        self.maxBudget = maxBudget
        self.onPoint = onPoint
    }

    public func run(_ model: CoverModel, groupName: String, seeds: [[Int]] = []) throws -> ExactFront {
        guard model.group.instanceCount > 0 else { throw CoreError.emptyGroup(groupName) }
        let group = model.group
        let engine = LayerJoinEngine(group: group, rule: model.rule)
        let clock = ContinuousClock()
        let sweep = BudgetSweep(model: model, maxBudget: maxBudget, seeds: seeds, onPoint: onPoint, limits: limits)
        engine.control = limits.control
        return try sweep.run(groupName: groupName, method: Self.name, version: Self.version) { budget, given, timeLimit in
            let began = clock.now
            var start = given
            let deadline = timeLimit.map { began.advanced(by: .nanoseconds(Int64(($0 * 1e9).rounded()))) }
            // A short probe proves most points; a point it does not gets a local search's
            // incumbent (a higher incumbent cuts more of the tree), then the rest of its time.
            var outcome = engine.solve(budget: budget, incumbent: start.covered, deadline: deadline, nodeLimit: Self.probeNodes)
            if outcome.stopped, deadline.map({ clock.now < $0 }) ?? true, limits.control?.isStopRequested != true {
                if let found = outcome.backbone, outcome.best > start.covered { start = (found, outcome.best) }
                let improved = engine.improve(start.backbone, budget: budget, rounds: Self.localSearchRounds)
                if improved.covered > start.covered { start = improved }
                outcome = engine.solve(budget: budget, incumbent: start.covered, deadline: deadline)
            }
            let backbone = outcome.backbone.map(model.tidy) ?? start.backbone
            let covered = max(outcome.best, start.covered)
            return FrontPoint(budget: budget, backbone: backbone, covered: covered, of: group.instanceCount,
                              status: outcome.stopped ? .timeLimit : .optimal,
                              bound: outcome.stopped ? Double(max(covered, outcome.bound)) : Double(covered),
                              seconds: (clock.now - began).seconds, solver: Self.name)
        }
    }
}
