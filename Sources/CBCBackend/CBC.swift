import CCbc
import FileSupport
import Foundation
import LinearModel

/// CBC's functions, from libCbcSolver opened on first use (`ccbc_load`, CCbc/shim.h: CBC and the
/// libraries it needs are not linked, so commands that never solve do not load them), or why it
/// could not be opened.
private let library: (functions: CCbcFunctions?, error: String) = {
    var error: UnsafeMutablePointer<CChar>?
    defer { free(error) }
    guard let table = ccbc_load(&error) else {
        return (nil, "cannot load CBC: \(error.map { String(cString: $0) } ?? "unknown reason") (install coinor-libcbc-dev: make deps)")
    }
    return (table.pointee, "")
}()

/// CBC's C functions (`C.Cbc_…`), once `solve` or `version` checked that they loaded.
private var C: CCbcFunctions { library.functions! }

/// The COIN-OR CBC backend, through CBC's C interface (`Cbc_C_Interface.h`, Debian 2.10.8).
///
/// Log level 0 unless verbose; the time limit counts wall-clock seconds (`timeMode elapsed`;
/// CBC's default is CPU time). CBC has no objective offset in its C interface, so the offset is
/// added to the objective and bound here. Every C call of the backend is in this file.
public struct CBC: ILPSolver {
    public init() {}

    private static let lock = NSLock()

    public var name: String { "cbc" }
    /// The library's version, or "unavailable" when libCbcSolver cannot be opened.
    public var version: String { library.functions == nil ? "unavailable" : C.Cbc_getVersion().map { String(cString: $0) } ?? "unknown" }

    public func solve(_ model: CompiledModel, options: SolverOptions) -> SolveResult {
        if let trivial = model.solveWithoutColumns(solver: name, version: version) { return trivial }
        guard library.functions != nil else {
            return SolveResult(status: .error, seconds: 0, solver: name, version: version, message: library.error)
        }
        // One solve at a time, process-wide. CBC 2.10's CbcMain1 keeps static state (two solves
        // at once corrupted each other when they ran in-process), and now that each solve runs
        // in a forked child (watchdog.h), a second fork made meanwhile would inherit this
        // solve's pipe: its copy of the write end would hide the child's end of file.
        CBC.lock.lock()
        defer { CBC.lock.unlock() }
        let clock = ContinuousClock.now
        let (claim, relaxationInfeasible) = run(model, options: options)
        // CBC calls some unbounded models infeasible and some infeasible ones unbounded.
        var result = StatusCheck.settle(claim, model: model, options: options, started: clock,
                                        relaxationInfeasible: relaxationInfeasible, checkInfeasible: true) { m, o in run(m, options: o).0 }
        result.seconds = clock.duration(to: .now).seconds
        return result
    }

    /// One CBC run; also whether CBC proved the root relaxation primal infeasible.
    private func run(_ model: CompiledModel, options: SolverOptions) -> (SolveResult, relaxationInfeasible: Bool) {
        let clock = ContinuousClock.now
        let cbc = C.Cbc_newModel()!
        defer { C.Cbc_deleteModel(cbc) }

        let start = model.columnStart.map { Int32($0) }
        let index = model.rowIndex.map { Int32($0) }
        let lower = model.columnLower.map(cbcBound)
        let upper = model.columnUpper.map(cbcBound)
        let rowLower = model.rowLower.map(cbcBound)
        let rowUpper = model.rowUpper.map(cbcBound)
        C.Cbc_loadProblem(cbc, Int32(model.columnCount), Int32(model.rowCount), start, index, model.value,
                        lower, upper, model.cost, rowLower, rowUpper)
        for j in 0..<model.columnCount where model.kinds[j].isIntegral { C.Cbc_setInteger(cbc, Int32(j)) }
        C.Cbc_setObjSense(cbc, model.sense == .minimize ? 1 : -1)

        C.Cbc_setLogLevel(cbc, options.verbose ? 1 : 0)
        if let limit = options.effectiveTimeLimit {  // an infinite limit is no limit
            C.Cbc_setParameter(cbc, "timeMode", "elapsed")
            C.Cbc_setMaximumSeconds(cbc, limit)
        }
        if let gap = options.relativeGap { C.Cbc_setAllowableFractionGap(cbc, gap) }
        let threads = min(max(1, options.threads), SolverOptions.largestThreadCount)
        if threads > 1 { C.Cbc_setParameter(cbc, "threads", String(threads)) }
        if let initial = options.initialSolution, initial.count == model.columnCount {
            let integral = (0..<model.columnCount).filter { model.kinds[$0].isIntegral }
            C.Cbc_setMIPStartI(cbc, Int32(integral.count), integral.map { Int32($0) }, integral.map { initial[$0] })
            // CBC 2.10.8 dereferences a null pointer in libCgl when a MIP start meets a time
            // limit during preprocessing (seen on the digits cover models at a 2 s limit; a
            // regression test keeps it). Without preprocessing the start is used safely.
            C.Cbc_setParameter(cbc, "preprocess", "off")
        }

        // CBC runs in a child process that a watchdog kills `watchdogGrace` past the limit
        // (CCbc/watchdog.h): CBC checks its limit only between steps, and one step (a root
        // heuristic pass, a round of cuts) can take seconds.
        var wait = -1.0
        if let limit = options.effectiveTimeLimit { wait = max(0, limit + CBC.watchdogGrace - clock.duration(to: .now).seconds) }
        var outcome = CCbcOutcome()
        var best = [Double](repeating: 0, count: model.columnCount)
        var columns = [Double](repeating: 0, count: model.columnCount)
        let stop: @convention(c) () -> Int32 = { SolverInterrupt.isRequested ? 1 : 0 }
        withUnsafePointer(to: C) { functions in
            best.withUnsafeMutableBufferPointer { b in
                columns.withUnsafeMutableBufferPointer { c in
                    let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 1)
                    defer { scratch.deallocate() }
                    ccbc_solve_watched(functions, cbc, Int32(model.columnCount), wait, stop, &outcome,
                                       b.baseAddress ?? scratch, c.baseAddress ?? scratch)
                }
            }
        }
        let seconds = clock.duration(to: .now).seconds
        let answer = CBCAnswer(outcome: outcome, best: outcome.hasBest != 0 ? best : nil, columns: outcome.hasColumns != 0 ? columns : nil)
        var result = readResult(answer, model: model, seconds: seconds, limit: options.effectiveTimeLimit)
        // CBC 2.10.8 says "Pre-processing says infeasible or unbounded" (status 0, secondary 1,
        // proven infeasible) when its time limit stops the preprocessing: scpnre1, a feasible
        // set cover, was "infeasible" at a 0.3–0.4 s limit. An infeasibility CBC reports once
        // the limit has passed, without an infeasible root relaxation, is a time limit.
        if result.status == .infeasible, outcome.initialInfeasible == 0, let limit = options.effectiveTimeLimit, seconds >= limit {
            result.status = .timeLimit
            result.message = "time limit reached before any feasible point was found (CBC said infeasible as its limit stopped it; not trusted)"
            result.rawStatus += "; infeasible at the limit"
        }
        return (result, outcome.initialInfeasible != 0)
    }

    /// How long after its time limit a CBC solve is stopped if CBC has not returned by then.
    public static let watchdogGrace = 0.75

    private func readResult(_ answer: CBCAnswer, model: CompiledModel, seconds: Double, limit: Double?) -> SolveResult {
        let o = answer.outcome
        switch o.ending {
        case Int32(CCBC_ENDED):
            break
        case Int32(CCBC_KILLED):
            let past = limit.map { Format.fixed(seconds - $0, 2) } ?? "?"
            return SolveResult(status: .timeLimit, seconds: seconds, solver: name, version: version, rawStatus: "watchdog",
                               message: "CBC did not stop at its time limit and was stopped \(past) s past it; its incumbent is lost")
        case Int32(CCBC_INTERRUPTED):
            return SolveResult(status: .timeLimit, seconds: seconds, solver: name, version: version, rawStatus: "interrupted",
                               message: "interrupted")
        case Int32(CCBC_DIED):
            let signal = o.signal == 0 ? "without a signal" : "on signal \(o.signal) (\(String(cString: strsignal(o.signal))))"
            return SolveResult(status: .error, seconds: seconds, solver: name, version: version,
                               message: "CBC's process ended \(signal) before it answered")
        default:
            return SolveResult(status: .error, seconds: seconds, solver: name, version: version,
                               message: "cannot start CBC's process: \(String(cString: strerror(o.error)))")
        }
        let status = o.status, secondary = o.secondary
        var raw = "status=\(status) secondary=\(secondary)"
        for (flag, set) in [("proven_optimal", o.provenOptimal), ("proven_infeasible", o.provenInfeasible),
                            ("continuous_unbounded", o.continuousUnbounded),
                            ("relaxation_infeasible", o.initialInfeasible)] where set != 0 {
            raw += " " + flag
        }
        var result = SolveResult(status: .error, seconds: seconds, solver: name, version: version, rawStatus: raw)
        if let values = answer.best {
            // CBC may report a point after an abandoned search: keep only truly feasible ones.
            if model.maxViolation(of: values) <= 1e-6 {
                result.values = values
                result.objective = o.objective + model.objectiveOffset
            }
        } else if model.integerCount == 0, o.provenOptimal != 0, let values = answer.columns {
            // A model without integer columns is solved as an LP (CbcMain1 never branches): no
            // "best solution" and status -1, but the LP's proven optimum is the answer.
            if model.maxViolation(of: values) <= 1e-6 {
                result.values = values
                result.objective = model.objective(of: values)
            }
        }
        let bound = o.bestPossible
        let boundIsUsable = bound.isFinite && abs(bound) < 1e40
        let report = CBCStatus(status: status, secondary: secondary, provenOptimal: o.provenOptimal != 0,
                               provenInfeasible: o.provenInfeasible != 0,
                               continuousUnbounded: o.continuousUnbounded != 0,
                               secondsLimitReached: o.secondsLimitReached != 0, hasSolution: result.objective != nil)
        (result.status, result.message) = report.meaning
        switch result.status {
        case .optimal:
            // The bound stays the objective unless CBC stopped at a requested gap.
            result.bound = report.secondary == CBCStatus.Secondary.gapReached.rawValue && boundIsUsable ? bound + model.objectiveOffset : result.objective
        case .infeasible, .unbounded:
            result.values = nil; result.objective = nil
        case .timeLimit:
            result.bound = boundIsUsable ? bound + model.objectiveOffset : nil
        default:
            break
        }
        return result
    }

    /// CBC's infinity is COIN_DBL_MAX; Swift's infinity works too, but be explicit.
    private func cbcBound(_ x: Double) -> Double {
        x == .infinity ? Double.greatestFiniteMagnitude : (x == -.infinity ? -Double.greatestFiniteMagnitude : x)
    }
}

/// What the child process read from CBC after `Cbc_solve` (CCbc/watchdog.h).
private struct CBCAnswer {
    var outcome: CCbcOutcome
    var best: [Double]?
    var columns: [Double]?
}
