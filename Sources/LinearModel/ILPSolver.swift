/// Options every backend understands. Backends ignore what they cannot do and say so in docs.
public struct SolverOptions: Sendable, Equatable {
    /// Wall-clock limit in seconds (nil: none).
    public var timeLimit: Double?
    /// Stop when the relative gap falls to this value (nil: prove optimality exactly).
    public var relativeGap: Double?
    /// Threads for backends that can use several (CBC); GLPK is single-threaded.
    public var threads: Int
    /// Let the backend print its own log to standard output.
    public var verbose: Bool
    /// A feasible starting point (one value per column), e.g. the previous point of a front.
    public var initialSolution: [Double]?

    public init(timeLimit: Double? = nil, relativeGap: Double? = nil, threads: Int = 1,
                verbose: Bool = false, initialSolution: [Double]? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.threads = threads
        self.verbose = verbose
        self.initialSolution = initialSolution
    }
}

extension SolverOptions {
    /// The time limit a backend applies: nil (none) when unset, infinite or NaN; never negative.
    /// Backends that count in integer milliseconds clamp it to their range (`milliseconds`).
    public var effectiveTimeLimit: Double? {
        guard let t = timeLimit, t.isFinite else { return nil }
        return max(0, t)
    }

    /// `seconds` in whole milliseconds, clamped to `0 ... Int32.max` (about 24.8 days), for
    /// C libraries that take an `int` (GLPK's `tm_lim`); a non-finite value is the maximum.
    public static func milliseconds(_ seconds: Double) -> Int32 {
        let ms = (seconds * 1000).rounded()
        guard ms.isFinite, ms < Double(Int32.max) else { return ms.isNaN || ms > 0 ? .max : 0 }
        return ms <= 0 ? 0 : Int32(ms)
    }

    /// Threads CBC is given: at most 99, because CBC reads `threads` of 100 or more as a mode
    /// code (the hundreds digit selects deterministic or parallel-cut modes; 200 aborts in
    /// `CbcModel::parallelCuts`), and at least 1.
    public static let largestThreadCount = 99
}

/// An exact MILP backend. Implementations are stateless values: each `solve` creates, uses and
/// frees its C handles within the call (GLPK's memory belongs to the thread that made it).
public protocol ILPSolver: Sendable {
    /// Short name: `glpk`, `cbc`.
    var name: String { get }
    /// Library version string.
    var version: String { get }
    /// Solves the model synchronously. Never throws for solver outcomes: status is data.
    func solve(_ model: CompiledModel, options: SolverOptions) -> SolveResult
}

extension CompiledModel {
    /// The exact answer for a model with no columns, which C libraries handle badly:
    /// feasible iff every row's bounds admit 0.
    public func solveWithoutColumns(solver: String, version: String) -> SolveResult? {
        guard columnCount == 0 else { return nil }
        let feasible = (0..<rowCount).allSatisfy { rowLower[$0] <= 1e-9 && rowUpper[$0] >= -1e-9 }
        return feasible
            ? SolveResult(status: .optimal, objective: objectiveOffset, bound: objectiveOffset, values: [],
                          seconds: 0, solver: solver, version: version, rawStatus: "empty model")
            : SolveResult(status: .infeasible, seconds: 0, solver: solver, version: version,
                          rawStatus: "empty model", message: "a row with no variables excludes 0")
    }
}
