import FileSupport

extension SolverOptions {
    /// The limit every exact solve has unless the user lifts it (per solve; per point of a front).
    public static let defaultTimeLimit = 60.0
    /// The largest limit accepted: a year (the backends count in milliseconds).
    public static let largestTimeLimit = 31_536_000.0

    /// A limit as a user gives it: seconds in (0, a year], or `none` (nil) for no limit.
    public static func parseTimeLimit(_ text: String) throws -> Double? {
        if text == "none" { return nil }
        guard let s = Double(text), s.isFinite, s > 0, s <= largestTimeLimit else {
            throw InputError("'\(text)' is not a time limit: give seconds in (0, \(Int(largestTimeLimit))] (a year), or none")
        }
        return s
    }
}
