import ArgumentParser
import SolverConformance
import Workflows

struct SelftestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Run the solver conformance suite against a backend.",
        discussion: "Each case names the defect it catches. Exit code 1 when a case fails."
    )

    @Option(help: "Backend to test: glpk, cbc or both.") var solver: SolverChoice = .both

    @Option(help: "Folder with the OR-Library files scpa1.txt and scpcyc06.txt (default: ../shared/reference/orlib, also looked for beside the executable).")
    var orlib: String?

    @Option(help: "Time limit for the time-limit case, in seconds.") var timeLimit: Double = 2
    @Flag(help: "Only list the cases.") var list = false

    func validate() throws { if !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError("--time-limit must be positive seconds") } }

    func run() throws {
        if list {
            for c in ConformanceSuite.cases { print("\(c.name): \(c.catches)") }
            return
        }
        let run = ConformanceRun(solvers: solver.solvers, environment: ConformanceEnvironment(
            orlibDirectory: orlib ?? ConformanceRun.defaultORLibraryFolder(), timeLimit: timeLimit))
        print(run.text)
        if run.failed > 0 { throw ExitCode(ExitStatus.checkFailed) }
    }
}
