import BackboneCore
import BackboneData
import FileSupport
import Testing
import Workflows

/// Each kind of library error gets its exit code and one-line message in one place.
struct ExitStatusTests {
    let flag: (InputSubject) -> String = { "--" + $0.rawValue }

    @Test func inputErrorsAreBadInputNamingFileLineColumnAndFlag() {
        let status = ExitStatus(InputError(file: "a.csv", line: 3, column: 7, subject: .labels, "not a number"), flag: flag)
        #expect(status == ExitStatus(code: 2, message: "--labels: a.csv:3:7: not a number"))
        #expect(ExitStatus(InputError("plain"), flag: flag) == ExitStatus(code: 2, message: "plain"))
    }

    @Test func coreErrorsSplitIntoCheckFailedSolverFailedAndBadInput() {
        #expect(ExitStatus(CoreError.solverDisagreement("GLPK 3, CBC 4"), flag: flag)?.code == ExitStatus.checkFailed)
        #expect(ExitStatus(CoreError.solverFailed("status -1"), flag: flag)?.code == ExitStatus.solverFailed)
        #expect(ExitStatus(CoreError.invalidArgument("K < 0"), flag: flag)?.code == ExitStatus.badInput)
        #expect(ExitStatus(CoreError.emptyGroup("correct:3"), flag: flag) == ExitStatus(code: 2, message: "group correct:3 has no instances"))
    }

    @Test func unfinishedPlansFailTheCheckAndUnknownErrorsAreLeftToTheCaller() {
        let unfinished = ClusterRun.Unfinished(neverRan: [1, 2, 3], stopped: [], rerun: "backbones plan …")
        #expect(ExitStatus(unfinished, flag: flag)?.code == ExitStatus.checkFailed)
        struct Other: Error {}
        #expect(ExitStatus(Other(), flag: flag) == nil)
    }
}
