import ArgumentParser
import Foundation
import LinearModel
import SolverConformance

struct SelftestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selftest",
        abstract: "Run the solver conformance suite against a backend.",
        discussion: "Each case names the defect it catches. Exit code 1 when a case fails."
    )

    @Option(help: "Backend to test: glpk, cbc or both.")
    var solver: SolverChoice = .both

    @Option(help: "Folder with the OR-Library files scpa1.txt and scpcyc06.txt (default: ../shared/reference/orlib, also looked for beside the executable).")
    var orlib: String?

    @Option(help: "Time limit for the time-limit case, in seconds.")
    var timeLimit: Double = 2

    @Flag(help: "Only list the cases.")
    var list = false

    func run() throws {
        if list {
            for c in ConformanceSuite.cases { print("\(c.name): \(c.catches)") }
            return
        }
        let env = ConformanceEnvironment(orlibDirectory: orlib ?? ReferenceData.orlibDirectory(), timeLimit: timeLimit)
        var passed = 0, failed = 0, skipped = 0
        for solver in solver.solvers {
            print("\(solver.name) \(solver.version)")
            for c in ConformanceSuite.cases {
                do {
                    let detail = try c.run(solver, env)
                    passed += 1
                    print("  pass  \(c.name): \(detail)")
                } catch let skip as ConformanceSkip {
                    skipped += 1
                    print("  skip  \(c.name): \(skip.reason)")
                } catch {
                    failed += 1
                    print("  FAIL  \(c.name): \(error)\n        (catches: \(c.catches))")
                }
            }
        }
        print("selftest: \(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : ""))
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Where the bundled reference data lives: `../shared/reference` from the working directory,
/// or from the package root when run as `.build/<config>/backbones`.
enum ReferenceData {
    static func orlibDirectory() -> String? {
        let fm = FileManager.default
        var candidates = ["../shared/reference/orlib"]
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("../shared/reference/orlib").standardized.path)
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { fm.fileExists(atPath: ($0 as NSString).appendingPathComponent("scpa1.txt")) }
    }
}
