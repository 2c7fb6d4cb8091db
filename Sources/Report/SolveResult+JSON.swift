import FileSupport
import LinearModel

extension SolveResult {
    /// The JSON fields every solved model reports: solver, status, objective, bound, gap, seconds.
    public var jsonFields: [(String, JSON)] {
        [("solver", .string(solver)), ("status", .string(status.rawValue)), ("objective", .number(objective)),
         ("bound", .number(bound)), ("gap", .number(gap)), ("seconds", .number(seconds))]
    }
}
