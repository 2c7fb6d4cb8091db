/// Two models derived from a compiled model that settle "infeasible or unbounded?" when a
/// backend's own answer cannot be trusted (CBC 2.10 calls some unbounded models infeasible:
/// docs/solvers.md). For rational data — every double is rational — a mixed-integer model is
/// unbounded exactly when it is feasible and its linear relaxation has an improving direction
/// (Meyer 1974: the integer hull then has the relaxation's recession cone).
extension CompiledModel {
    /// Whether an improving direction is possible at all: some column with a non-zero cost
    /// has an infinite bound (a direction can only change the objective through such a column).
    public var mayHaveImprovingDirection: Bool {
        (0..<columnCount).contains { j in cost[j] != 0 && (columnLower[j] == -.infinity || columnUpper[j] == .infinity) }
    }

    /// The linear program over directions `d` of the relaxation, boxed to `[-1, 1]`: a column
    /// with a finite lower (upper) bound cannot decrease (increase) along `d`, a row with a
    /// finite lower (upper) bound cannot decrease (increase), and the objective is the model's
    /// (same sense, no offset). Its optimum is better than 0 exactly when the relaxation has an
    /// improving direction (`isImprovingDirection`). Always feasible (`d = 0`) and bounded.
    public func improvingDirectionModel() -> CompiledModel {
        CompiledModel(name: name + "-direction", sense: sense, objectiveOffset: 0, columnNames: columnNames,
                      rowNames: rowNames, kinds: Array(repeating: .continuous, count: columnCount),
                      columnLower: columnLower.map { $0.isFinite ? 0 : -1 },
                      columnUpper: columnUpper.map { $0.isFinite ? 0 : 1 },
                      cost: cost, rowLower: rowLower.map { $0.isFinite ? 0 : -.infinity },
                      rowUpper: rowUpper.map { $0.isFinite ? 0 : .infinity },
                      columnStart: columnStart, rowIndex: rowIndex, value: value)
    }

    /// Whether `objective`, the optimum of `improvingDirectionModel()`, shows an improving
    /// direction: better than 0 by more than a relative 1e-9 of the largest |cost|.
    public func isImprovingDirection(objective: Double) -> Bool {
        let tolerance = 1e-9 * max(1, cost.reduce(0) { max($0, abs($1)) })
        return sense == .minimize ? objective < -tolerance : objective > tolerance
    }

    /// The same constraints, bounds and integrality with a zero objective: feasible exactly
    /// when the model is, and never unbounded.
    public func feasibilityModel() -> CompiledModel {
        CompiledModel(name: name + "-feasibility", sense: .minimize, objectiveOffset: 0, columnNames: columnNames,
                      rowNames: rowNames, kinds: kinds, columnLower: columnLower, columnUpper: columnUpper,
                      cost: Array(repeating: 0, count: columnCount), rowLower: rowLower, rowUpper: rowUpper,
                      columnStart: columnStart, rowIndex: rowIndex, value: value)
    }
}

/// Checks a backend's "infeasible" or "unbounded" where the backend's own answer is known to
/// be unreliable (docs/solvers.md, "Infeasible or unbounded"):
///
/// - "unbounded" for a model with integer columns means only that the relaxation is
///   unbounded (GLPK 5.0 and CBC 2.10 both say it for `3x − 3y = 1`, x, y integer, which has
///   no integer point): a feasible point must exist too, so the model with a zero objective is
///   solved; none → infeasible.
/// - "infeasible" (when `checkInfeasible`, for CBC) whose relaxation was not proven infeasible,
///   while an improving direction could exist: the direction LP is solved, and if it finds one,
///   the zero-objective model; a feasible point → unbounded.
///
/// A check that does not finish (time limit, error) turns the answer into an error, never a
/// guess. `solve` runs the same backend; each check may take what remains of the solve's time
/// limit (at least 1 s), or `budget` seconds when the solve has none (a model such as
/// `3x − 3y = 1` over unbounded integers has no point, but no branch and bound proves it).
/// `relaxationInfeasible` is whether the backend proved the root relaxation infeasible.
public enum StatusCheck {
    /// Seconds a check may take when the solve has no time limit.
    public static let budget = 10.0

    public static func settle(_ claim: SolveResult, model: CompiledModel, options: SolverOptions,
                              started: ContinuousClock.Instant, relaxationInfeasible: Bool, checkInfeasible: Bool,
                              solve: (CompiledModel, SolverOptions) -> SolveResult) -> SolveResult {
        var check = options
        check.initialSolution = nil
        check.verbose = false
        func remaining() -> Double? {
            options.effectiveTimeLimit.map { max(1, $0 - started.duration(to: .now).seconds) } ?? budget
        }
        var settled = claim
        func undecided(_ what: String, _ r: SolveResult) -> SolveResult {
            settled.status = .error
            settled.values = nil; settled.objective = nil; settled.bound = nil
            settled.message = "\(claim.solver) reported the model \(claim.status.rawValue), but \(what) (\(r.status.rawValue)\(r.message.isEmpty ? "" : ": " + r.message))"
            return settled
        }
        func feasible() -> SolveResult {
            check.timeLimit = remaining()
            return solve(model.feasibilityModel(), check)
        }
        switch claim.status {
        case .unbounded where model.integerCount > 0:
            let r = feasible()
            switch r.status {
            case .optimal:
                settled.rawStatus += "; checked: feasible"
            case .infeasible:
                settled.status = .infeasible
                settled.rawStatus += "; checked: infeasible"
                settled.message = "\(claim.solver) reported unbounded (the relaxation is), but the model has no feasible point"
            default:
                return undecided("finding a feasible point did not finish", r)
            }
        case .infeasible where checkInfeasible && !relaxationInfeasible && model.mayHaveImprovingDirection:
            check.timeLimit = remaining()
            let direction = solve(model.improvingDirectionModel(), check)
            guard direction.status == .optimal, let improvement = direction.objective else {
                return undecided("checking its relaxation for an improving direction failed", direction)
            }
            guard model.isImprovingDirection(objective: improvement) else { return claim }
            let r = feasible()
            switch r.status {
            case .optimal:
                settled.status = .unbounded
                settled.rawStatus += "; checked: unbounded"
                settled.message = "\(claim.solver) reported infeasible; a feasible point and an improving direction of the relaxation show the objective is unbounded"
            case .infeasible:
                settled.rawStatus += "; checked: infeasible"
            default:
                return undecided("its relaxation is unbounded and finding a feasible point did not finish", r)
            }
        default:
            break
        }
        return settled
    }
}
