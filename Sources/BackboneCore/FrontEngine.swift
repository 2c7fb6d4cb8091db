import LinearModel

/// How an exact front is computed: the cover ILP solved point by point by a backend
/// (`FrontSweep`), or, at `q = 1` only, the combinatorial search (`CoverSearch`).
public enum FrontEngine: Sendable {
    case ilp(ILPSolver)
    case search

    /// How `q = 1` fronts are computed (`q < 1` fronts always use the ILP backends).
    public enum Q1Method: String, Sendable, CaseIterable {
        /// The combinatorial search alone (exact, and much faster than the ILP).
        case search
        /// The cover ILP with the chosen backends.
        case ilp
        /// Both, so each backend's proven points are checked against the search's.
        case both
    }

    /// The engines for one coverage rule.
    public static func engines(for rule: CoverageRule, solvers: [ILPSolver], q1: Q1Method) -> [FrontEngine] {
        let ilp = solvers.map { FrontEngine.ilp($0) }
        guard rule.share == 1 else { return ilp }
        switch q1 {
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

    /// The front of `model`; `options.timeLimit` is the limit per point (the search ignores
    /// the other solver options: it always proves optimality unless stopped by time).
    public func run(_ model: CoverModel, groupName: String, options: SolverOptions, maxBudget: Int? = nil,
                    seeds: [[Int]] = [], onPoint: (@Sendable (FrontPoint) -> Void)? = nil) throws -> ExactFront {
        switch self {
        case let .ilp(solver):
            return try FrontSweep(options: options, maxBudget: maxBudget, onPoint: onPoint)
                .run(model, groupName: groupName, solver: solver, seeds: seeds)
        case .search:
            return try CoverSearch(timeLimit: options.timeLimit, maxBudget: maxBudget, onPoint: onPoint)
                .run(model, groupName: groupName, seeds: seeds)
        }
    }
}
