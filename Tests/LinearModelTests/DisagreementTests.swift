import LinearModel
import Testing

@Suite struct DisagreementTests {
    func result(_ solver: String, _ status: SolveStatus, _ objective: Double?) -> SolveResult {
        SolveResult(status: status, objective: objective, bound: objective, values: objective.map { [$0] },
                    seconds: 0, solver: solver, version: "")
    }

    @Test func equalOptimaAgree() {
        #expect(SolveResult.disagreement(among: [result("glpk", .optimal, 253), result("cbc", .optimal, 253.0000001)]) == nil)
    }

    @Test func differentProvenOptimaDisagree() {
        let message = SolveResult.disagreement(among: [result("glpk", .optimal, 253), result("cbc", .optimal, 254)])
        #expect(message == "proven optima disagree: glpk 253.0, cbc 254.0")
    }

    @Test func aTimeLimitIsNoContradiction() {
        #expect(SolveResult.disagreement(among: [result("glpk", .optimal, 253), result("cbc", .timeLimit, 260)]) == nil)
    }

    @Test func optimalAgainstInfeasibleDisagrees() {
        #expect(SolveResult.disagreement(among: [result("glpk", .optimal, 1), result("cbc", .infeasible, nil)]) != nil)
    }

    @Test func gapIsRelativeToTheIncumbent() {
        let r = SolveResult(status: .timeLimit, objective: 65, bound: 49, values: [0], seconds: 1, solver: "x", version: "")
        #expect(abs(r.gap! - 16.0 / 65.0) < 1e-12)
        #expect(SolveResult(status: .timeLimit, objective: nil, bound: 49, seconds: 1, solver: "x", version: "").gap == nil)
    }
}
