import ArgumentParser
import CBCBackend
import FileSupport
import GLPKBackend
import BackboneCore
import LinearModel

/// `--solver glpk|cbc|both`
enum SolverChoice: String, ExpressibleByArgument, CaseIterable {
    case glpk, cbc, both

    var solvers: [ILPSolver] {
        switch self {
        case .glpk: return [GLPK()]
        case .cbc: return [CBC()]
        case .both: return [GLPK(), CBC()]
        }
    }
}

/// Options shared by every command that solves ILPs.
struct SolverOptionGroup: ParsableArguments {
    @Option(parsing: .unconditional, help: "Wall-clock limit per solve (per front point), in seconds, or none (default: \(Format.short(SolverOptions.defaultTimeLimit))).",
            transform: TimeLimit.parse)
    var timeLimit: TimeLimit = .perSolveDefault

    @Option(help: "Stop at this relative gap (e.g. 0.01); default: prove optimality.") var gap: Double?
    @Option(help: "Threads for CBC (GLPK is single-threaded).") var threads: Int = 1
    @Flag(help: "Show the solvers' own logs.") var verbose = false

    func validate() throws {
        if let g = gap, !(g >= 0 && g < 1) { throw ValidationError("--gap must be in [0, 1), got \(g)") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var solverOptions: SolverOptions {
        SolverOptions(timeLimit: timeLimit.seconds, relativeGap: gap, threads: threads, verbose: verbose)
    }
}

/// `--method search|ilp|both` (FrontEngine.Method).
extension FrontEngine.Method: ExpressibleByArgument {}

extension FrontEngine.Method {
    static let help: ArgumentHelp = """
        How exact fronts are computed, at every q: search (combinatorial branch and bound, no \
        solver: over transactions at q = 1, layer by layer at q < 1; exact, and much faster than \
        the ILP), ilp (the cover ILP with --solver, point by point) or both (each --solver \
        backend's proven points are checked against the search's).
        """
}

/// `--time-limit SECONDS|none` (`SolverOptions.parseTimeLimit`; default `SolverOptions.defaultTimeLimit`).
struct TimeLimit: ExpressibleByArgument {
    var seconds: Double?
    static let perSolveDefault = TimeLimit(seconds: SolverOptions.defaultTimeLimit)
    static func parse(_ text: String) throws -> TimeLimit { TimeLimit(seconds: try SolverOptions.parseTimeLimit(text)) }
    init(seconds: Double?) { self.seconds = seconds }
    init?(argument: String) { guard let t = try? Self.parse(argument) else { return nil }; self = t }
    var defaultValueDescription: String { seconds.map { Format.short($0) } ?? "none" }
}
