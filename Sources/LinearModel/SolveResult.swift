/// How a solve ended. A value, not an exception: infeasible and time-limited solves are results.
public enum SolveStatus: String, Sendable, Codable, CaseIterable {
    /// Proven optimal (within the requested relative gap; 0 by default).
    case optimal
    /// Proven to have no feasible point.
    case infeasible
    /// The objective can improve without limit.
    case unbounded
    /// Stopped at the time limit; `hasSolution` says whether an incumbent exists.
    case timeLimit = "time_limit"
    /// The backend failed; `message` says how.
    case error
}

/// The outcome of one solve by one backend.
public struct SolveResult: Sendable, Equatable {
    public var status: SolveStatus
    /// Objective of the best feasible point found (nil when there is none).
    public var objective: Double?
    /// Best proven bound on the optimum (for a minimization, a lower bound), when known.
    public var bound: Double?
    /// Values of the best feasible point, one per column (nil when there is none).
    public var values: [Double]?
    /// Wall-clock seconds spent in the backend, loading included.
    public var seconds: Double
    /// Backend name (`glpk`, `cbc`) and library version.
    public var solver: String
    public var version: String
    /// The backend's own status words, for diagnosis.
    public var rawStatus: String
    /// Human-readable detail (errors, or why there is no incumbent).
    public var message: String

    public init(status: SolveStatus, objective: Double? = nil, bound: Double? = nil, values: [Double]? = nil,
                seconds: Double, solver: String, version: String, rawStatus: String = "", message: String = "") {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.values = values
        self.seconds = seconds
        self.solver = solver
        self.version = version
        self.rawStatus = rawStatus
        self.message = message
    }

    /// Whether a feasible point (incumbent) was found.
    public var hasSolution: Bool { values != nil }

    /// Relative gap `|objective − bound| / max(1, |objective|)`; 0 when proven optimal,
    /// nil when there is no incumbent or no bound. (The `max(1, ·)` keeps it finite at 0.)
    public var gap: Double? {
        if status == .optimal, objective != nil, bound == nil { return 0 }
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / max(1, abs(objective))
    }

    /// Whether this result proves its objective optimal.
    public var isProvenOptimal: Bool { status == .optimal && objective != nil }
}

extension SolveResult {
    /// Why results of several backends on the same model contradict each other, or nil.
    /// Contradictions: two proven optima that differ (relative tolerance 1e-6), or two
    /// definite statuses that differ (optimal vs infeasible, say). Time limits and errors
    /// prove nothing and are not contradictions.
    public static func disagreement(among results: [SolveResult], tolerance: Double = 1e-6) -> String? {
        let proven = results.filter(\.isProvenOptimal)
        if let first = proven.first, let a = first.objective {
            for other in proven.dropFirst() {
                if let b = other.objective, abs(a - b) > tolerance * max(1, abs(a)) {
                    return "proven optima disagree: \(first.solver) \(a), \(other.solver) \(b)"
                }
            }
        }
        let definite = results.filter { $0.status != .timeLimit && $0.status != .error }
        if Set(definite.map(\.status)).count > 1 {
            return "backends disagree on the status: " + definite.map { "\($0.solver) \($0.status.rawValue)" }.joined(separator: ", ")
        }
        return nil
    }
}
