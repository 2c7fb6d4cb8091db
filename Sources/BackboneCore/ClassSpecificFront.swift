import LinearModel

/// The front of a `ClassSpecificModel`: for `K` from the smallest useful size up to `maxBudget`
/// (or until the class is fully covered), the set of at most `K` units that covers the most of
/// the class's transactions while covering at most `⌊ε·N_o⌋` of the others', solved by an ILP
/// backend point by point (`BudgetSweep`).
///
/// As in `FrontSweep`, each point is solved cold and its set is the better of the backend's and
/// the previous point's (feasible at the next budget: the others' row does not depend on `K`); a
/// set is tidied (`CoverModel.tidy`, which only removes units, so it stays within the
/// allowance) and checked against the allowance. A point the backend does not prove carries its
/// bound.
public struct ClassSpecificFront: Sendable {
    public var options: SolverOptions
    /// The largest budget swept (nil: up to the class's used units).
    public var maxBudget: Int?
    public var limits = SweepLimits()

    public init(options: SolverOptions = SolverOptions(), maxBudget: Int? = nil) {
        self.options = options
        self.maxBudget = maxBudget
    }

    public func run(_ model: ClassSpecificModel, groupName: String, solver: ILPSolver) throws -> ExactFront {
        let group = model.group, cover = model.cover
        var limits = self.limits
        limits.timeLimit = options.timeLimit
        let sweep = BudgetSweep(model: cover, maxBudget: maxBudget, seeds: [], onPoint: nil, limits: limits)
        return try sweep.run(groupName: groupName, method: solver.name, version: solver.version) { budget, start, timeLimit in
            let point = try ColdPointSolve(model.maxCoverage(budget: budget), budget: budget, start: start, timeLimit: timeLimit, cover: cover,
                                           groupName: groupName, solver: solver, options: options) { found in
                guard model.isFeasible(found) else {
                    throw CoreError.solverFailed("\(solver.name) at budget \(budget) of \(groupName): its set covers \(model.othersCovered(by: found)) of the other classes' transactions, more than the allowance \(model.allowance)")
                }
            }
            let (backbone, covered, proven, result) = (point.backbone, point.covered, point.proven, point.result)
            let bound = proven ? Double(covered) : max(Double(covered), min(result.bound ?? .infinity, Double(group.instanceCount)))
            return FrontPoint(budget: budget, backbone: backbone, covered: covered, of: group.instanceCount,
                              status: proven ? .optimal : result.status, bound: bound, seconds: result.seconds, solver: solver.name)
        }
    }
}
