import LinearModel

/// How an exact front is computed: by the combinatorial search (`CoverSearch` at `q = 1`,
/// `LayerJoinSearch` at `q < 1`; exact, no solver), or by the cover ILP solved point by point
/// by a backend (`FrontSweep`).
public enum FrontEngine: Sendable {
    case ilp(ILPSolver)
    case search

    /// Which engines compute the fronts.
    public enum Method: String, Sendable, CaseIterable {
        /// The combinatorial search alone (exact, and much faster than the ILP).
        case search
        /// The cover ILP with the chosen backends.
        case ilp
        /// Both, so each backend's proven points are checked against the search's.
        case both
    }

    /// The engines a method runs, in report order (the search first: it is the reference).
    public static func engines(solvers: [ILPSolver], method: Method) -> [FrontEngine] {
        let ilp = solvers.map { FrontEngine.ilp($0) }
        switch method {
        case .search: return [.search]
        case .ilp: return ilp
        case .both: return [.search] + ilp
        }
    }

    /// `glpk`, `cbc` or `search`.
    public var name: String {
        switch self {
        case let .ilp(solver): return solver.name
        case .search: return CoverSearch.name
        }
    }

    /// What computes the fronts, for reports: e.g. "search (q = 1: branch and bound; q < 1:
    /// layer join)", "glpk 5.0", or both.
    public static func describe(_ engines: [FrontEngine], rules: [CoverageRule]) -> String {
        engines.map { engine in
            switch engine {
            case let .ilp(solver): return "\(solver.name) \(solver.version)"
            case .search:
                var kinds: [String] = []
                if rules.contains(where: { $0.share == 1 }) { kinds.append("q = 1: \(CoverSearch.version)") }
                if rules.contains(where: { $0.share < 1 }) { kinds.append("q < 1: \(LayerJoinSearch.version)") }
                return "search (\(kinds.joined(separator: "; ")))"
            }
        }.joined(separator: ", ")
    }

    /// What reports print as this engine's version for `rule`.
    public func version(for rule: CoverageRule) -> String {
        switch self {
        case let .ilp(solver): return solver.version
        case .search: return rule.share == 1 ? CoverSearch.version : LayerJoinSearch.version
        }
    }

    /// The front of `model`; `options.timeLimit` is the limit per point (the search ignores
    /// the other solver options: it always proves optimality unless stopped by time).
    /// `deadline` ends the front early (its share of an overall budget), as does a stop
    /// request on `control`; the front then says why (`ExactFront.stop`).
    public func run(_ model: CoverModel, groupName: String, options: SolverOptions, maxBudget: Int? = nil,
                    seeds: [[Int]] = [], deadline: ContinuousClock.Instant? = nil, control: RunControl? = nil,
                    onPoint: (@Sendable (FrontPoint) -> Void)? = nil) throws -> ExactFront {
        let limits = SweepLimits(timeLimit: options.timeLimit, deadline: deadline, control: control)
        switch self {
        case let .ilp(solver):
            var sweep = FrontSweep(options: options, maxBudget: maxBudget, onPoint: onPoint)
            (sweep.deadline, sweep.control) = (deadline, control)
            return try sweep.run(model, groupName: groupName, solver: solver, seeds: seeds)
        case .search where model.rule.share == 1:
            var search = CoverSearch(maxBudget: maxBudget, onPoint: onPoint)
            search.limits = limits
            return try search.run(model, groupName: groupName, seeds: seeds)
        case .search:
            var search = LayerJoinSearch(maxBudget: maxBudget, onPoint: onPoint)
            search.limits = limits
            return try search.run(model, groupName: groupName, seeds: seeds)
        }
    }
}
