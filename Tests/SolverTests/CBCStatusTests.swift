@testable import CBCBackend
import LinearModel
import Testing

/// CBC's status report → our status, case by case (the translation is a pure function).
@Suite struct CBCStatusTests {
    static func report(_ status: Int32, _ secondary: Int32, optimal: Bool = false, infeasible: Bool = false,
                       unbounded: Bool = false, seconds: Bool = false, solution: Bool = false) -> CBCStatus {
        CBCStatus(status: status, secondary: secondary, provenOptimal: optimal, provenInfeasible: infeasible,
                  continuousUnbounded: unbounded, secondsLimitReached: seconds, hasSolution: solution)
    }

    @Test func everyReportHasItsMeaning() {
        let table: [(CBCStatus, SolveStatus, String)] = [
            (Self.report(0, 0, optimal: true, solution: true), .optimal, ""),
            (Self.report(0, 2, optimal: true, solution: true), .optimal, "stopped at the requested relative gap"),
            (Self.report(0, 1, infeasible: true), .infeasible, ""),
            (Self.report(0, 1), .infeasible, ""),
            (Self.report(0, 7, unbounded: true), .unbounded, ""),
            (Self.report(1, 4, seconds: true, solution: true), .timeLimit, ""),
            (Self.report(1, 4, seconds: true), .timeLimit, "time limit reached before any feasible point was found"),
            (Self.report(0, -1, solution: true), .optimal, ""),  // presolve solved it: no proven flag
            (Self.report(-1, -1), .error, "CBC ended with status -1, secondary status -1"),
            (Self.report(2, -1, solution: true), .error, "CBC ended with status 2, secondary status -1"),
        ]
        for (report, status, message) in table {
            #expect(report.meaning.status == status, "\(report)")
            #expect(report.meaning.message == message, "\(report)")
        }
    }

    /// A proven-optimal flag without a solution is not an optimum (nothing to report).
    @Test func optimalNeedsASolution() {
        #expect(Self.report(0, 0, optimal: true).meaning.status == .error)
    }
}
