import LinearModel

/// CBC 2.10's status report after `Cbc_solve`, as plain values, and its meaning — a pure
/// function, so the translation is tested by a table (no C call involved).
struct CBCStatus: Equatable {
    /// `Cbc_status`: -1 before solving, 0 finished, 1 stopped on limits, 2 abandoned, 5 user event.
    enum Code: Int32 {
        case notStarted = -1, finished = 0, stoppedOnLimit = 1, abandoned = 2, userEvent = 5
    }

    /// `Cbc_secondaryStatus`: why it stopped.
    enum Secondary: Int32 {
        case none = -1, optimalOrSearchCompleted = 0, linearRelaxationInfeasible = 1, gapReached = 2,
             nodeLimit = 3, timeLimit = 4, userEvent = 5, solutionLimit = 6, linearRelaxationUnbounded = 7,
             iterationLimit = 8
    }

    var status: Int32
    var secondary: Int32
    var provenOptimal: Bool
    var provenInfeasible: Bool
    var continuousUnbounded: Bool
    var secondsLimitReached: Bool
    /// Whether a feasible point came back.
    var hasSolution: Bool

    /// What the report means, and a message when the status alone does not say it.
    var meaning: (status: SolveStatus, message: String) {
        let secondary = Secondary(rawValue: self.secondary)
        if provenOptimal && hasSolution {
            return (.optimal, secondary == .gapReached ? "stopped at the requested relative gap" : "")
        }
        if provenInfeasible || secondary == .linearRelaxationInfeasible { return (.infeasible, "") }
        if continuousUnbounded || secondary == .linearRelaxationUnbounded { return (.unbounded, "") }
        if secondsLimitReached || secondary == .timeLimit {
            return (.timeLimit, hasSolution ? "" : "time limit reached before any feasible point was found")
        }
        // Finished without the proven flag but with a solution (seen when presolve solves it).
        if Code(rawValue: status) == .finished && hasSolution { return (.optimal, "") }
        return (.error, "CBC ended with status \(status), secondary status \(self.secondary)")
    }
}
