import LinearModel

/// One point of an ILP front sweep (`FrontSweep`, `ClassSpecificFront`): the model solved cold
/// within the point's time limit, the better of the backend's set and the sweep's start, and the
/// backend's objective checked against the set it gives.
struct ColdPointSolve {
    var backbone: [Int]
    var covered: Int
    /// Proven optimal: the backend proved an optimum that the kept set attains.
    var proven: Bool
    var result: SolveResult

    /// `check` sees the backend's set before it is compared with the start (a model with rows
    /// beyond the cover model's checks them there).
    init(_ model: Model, budget: Int, start: BudgetSweep.Start, timeLimit: Double?, cover: CoverModel, groupName: String,
         solver: ILPSolver, options: SolverOptions, check: ([Int]) throws -> Void = { _ in }) throws {
        var options = options
        options.initialSolution = nil
        options.timeLimit = timeLimit
        result = solver.solve(try model.compile(), options: options)
        guard result.status == .optimal || result.status == .timeLimit else {
            throw CoreError.solverFailed("\(solver.name) failed on \(groupName) at budget \(budget): \(result.status.rawValue) \(result.message) [\(result.rawStatus)]")
        }
        backbone = start.backbone
        if let values = result.values {
            let found = cover.backbone(from: values)
            try check(found)
            if cover.group.covered(by: found, rule: cover.rule) >= start.covered { backbone = found }
        }
        covered = cover.group.covered(by: backbone, rule: cover.rule)
        if let objective = result.objective, Double(covered) + 1e-6 < objective {
            throw CoreError.solverFailed("\(solver.name) reports \(objective) covered at budget \(budget) of \(groupName) but its set covers \(covered)")
        }
        proven = result.status == .optimal && Double(covered) + 1e-6 >= (result.objective ?? .infinity)
    }
}
