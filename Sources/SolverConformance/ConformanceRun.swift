import Foundation
import LinearModel

/// Every case of the suite run against some backends (`backbones selftest`).
public struct ConformanceRun: Sendable {
    public enum Outcome: Sendable {
        case pass(String)
        case fail(String)
        case skip(String)
    }

    public struct Line: Sendable {
        public var solver: String
        public var testCase: ConformanceCase
        public var outcome: Outcome
    }

    public var lines: [Line]

    public init(solvers: [ILPSolver], environment: ConformanceEnvironment) {
        lines = solvers.flatMap { solver in
            ConformanceSuite.cases.map { c in
                let outcome: Outcome
                do { outcome = .pass(try c.run(solver, environment)) } catch let skip as ConformanceSkip {
                    outcome = .skip(skip.reason)
                } catch { outcome = .fail("\(error)") }
                return Line(solver: "\(solver.name) \(solver.version)", testCase: c, outcome: outcome)
            }
        }
    }

    public var failed: Int { lines.filter { if case .fail = $0.outcome { return true } else { return false } }.count }

    /// The report: per backend, one line per case, then the counts.
    public var text: String {
        var out: [String] = []
        var passed = 0, skipped = 0
        for (k, line) in lines.enumerated() {
            if k == 0 || lines[k - 1].solver != line.solver { out.append(line.solver) }
            switch line.outcome {
            case let .pass(detail): passed += 1; out.append("  pass  \(line.testCase.name): \(detail)")
            case let .skip(reason): skipped += 1; out.append("  skip  \(line.testCase.name): \(reason)")
            case let .fail(reason): out.append("  FAIL  \(line.testCase.name): \(reason)\n        (catches: \(line.testCase.catches))")
            }
        }
        out.append("selftest: \(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : ""))
        return out.joined(separator: "\n")
    }

    /// `../shared/reference/orlib` from the working directory, or from the package root when the
    /// tool runs as `.build/<config>/backbones`: where the OR-Library cases find their files.
    public static func defaultORLibraryFolder() -> String? {
        var candidates = ["../shared/reference/orlib"]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("../shared/reference/orlib").standardized.path)
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("scpa1.txt")) }
    }
}
