import CCbc
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
        // CBC 2.10's C interface runs CbcMain1, which keeps static state: two solves on two
        // threads at once corrupt each other (seen as status -1 with no solution under
        // parallel tests). One solve at a time, process-wide.
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

        _ = C.Cbc_solve(cbc)
        let seconds = clock.duration(to: .now).seconds
        return (readResult(cbc, model: model, seconds: seconds), C.Cbc_isInitialSolveProvenPrimalInfeasible(cbc) != 0)
    }

    private func readResult(_ cbc: UnsafeMutableRawPointer, model: CompiledModel, seconds: Double) -> SolveResult {
        let status = C.Cbc_status(cbc), secondary = C.Cbc_secondaryStatus(cbc)
        var raw = "status=\(status) secondary=\(secondary)"
        for (flag, set) in [("proven_optimal", C.Cbc_isProvenOptimal(cbc)), ("proven_infeasible", C.Cbc_isProvenInfeasible(cbc)),
                            ("continuous_unbounded", C.Cbc_isContinuousUnbounded(cbc)),
                            ("relaxation_infeasible", C.Cbc_isInitialSolveProvenPrimalInfeasible(cbc))] where set != 0 {
            raw += " " + flag
        }
        var result = SolveResult(status: .error, seconds: seconds, solver: name, version: version, rawStatus: raw)
        if let best = C.Cbc_bestSolution(cbc) {
            let values = Array(UnsafeBufferPointer(start: best, count: model.columnCount))
            // CBC may report a point after an abandoned search: keep only truly feasible ones.
            if model.maxViolation(of: values) <= 1e-6 {
                result.values = values
                result.objective = C.Cbc_getObjValue(cbc) + model.objectiveOffset
            }
        } else if model.integerCount == 0, C.Cbc_isProvenOptimal(cbc) != 0, let solution = C.Cbc_getColSolution(cbc) {
            // A model without integer columns is solved as an LP (CbcMain1 never branches): no
            // "best solution" and status -1, but the LP's proven optimum is the answer.
            let values = Array(UnsafeBufferPointer(start: solution, count: model.columnCount))
            if model.maxViolation(of: values) <= 1e-6 {
                result.values = values
                result.objective = model.objective(of: values)
            }
        }
        let bound = C.Cbc_getBestPossibleObjValue(cbc)
        let boundIsUsable = bound.isFinite && abs(bound) < 1e40
        let report = CBCStatus(status: status, secondary: secondary, provenOptimal: C.Cbc_isProvenOptimal(cbc) != 0,
                               provenInfeasible: C.Cbc_isProvenInfeasible(cbc) != 0,
                               continuousUnbounded: C.Cbc_isContinuousUnbounded(cbc) != 0,
                               secondsLimitReached: C.Cbc_isSecondsLimitReached(cbc) != 0, hasSolution: result.objective != nil)
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
