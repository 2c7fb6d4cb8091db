import CGLPK
import Foundation
import LinearModel

/// GLPK's functions, from libglpk opened on first use (`cglpk_load`, CGLPK/shim.h: the library
/// is not linked, so commands that never solve do not load it), or why it could not be opened.
private let library: (functions: CGLPKFunctions?, error: String) = {
    var error: UnsafeMutablePointer<CChar>?
    defer { free(error) }
    guard let table = cglpk_load(&error) else {
        return (nil, "cannot load GLPK: \(error.map { String(cString: $0) } ?? "unknown reason") (install libglpk-dev: make deps)")
    }
    return (table.pointee, "")
}()

/// GLPK's C functions (`C.glp_…`), once `solve` or `version` checked that they loaded.
private var C: CGLPKFunctions { library.functions! }

/// The GLPK backend (`glp_intopt`, presolve on, terminal output off unless verbose).
///
/// GLPK's memory belongs to the thread that created it, and it aborts the process on invalid
/// input: so one `solve` call creates, loads, solves, reads back and deletes the problem on
/// the calling thread with no suspension point, and only `CompiledModel`s (validated in
/// Swift) reach it. Every C call of the backend is in this file.
public struct GLPK: ILPSolver {
    public init() {}

    public var name: String { "glpk" }
    /// The library's version, or "unavailable" when libglpk cannot be opened.
    public var version: String { library.functions == nil ? "unavailable" : C.glp_version().map { String(cString: $0) } ?? "unknown" }

    public func solve(_ model: CompiledModel, options: SolverOptions) -> SolveResult {
        if let trivial = model.solveWithoutColumns(solver: name, version: version) { return trivial }
        guard library.functions != nil else {
            return SolveResult(status: .error, seconds: 0, solver: name, version: version, message: library.error)
        }
        let clock = ContinuousClock.now
        _ = C.glp_term_out(options.verbose ? GLP_ON : GLP_OFF)
        defer { _ = C.glp_term_out(GLP_ON) }

        let lp = C.glp_create_prob()!
        defer { C.glp_delete_prob(lp) }
        load(model, into: lp)

        var iocp = glp_iocp()
        C.glp_init_iocp(&iocp)
        iocp.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        iocp.presolve = GLP_ON
        // Branching: hybrid pseudocost (GLP_BR_PCH), with or without a time limit, so a limit
        // never changes the search (p0548: 0.8 s without a limit; with Driebeck–Tomlin, which
        // a limit used to select, unsolved in 60 s). PCH proves scpa1 in 2.6 s instead of 6.0 s
        // with GLPK's default Driebeck–Tomlin rule; all cuts on was 43.8 s. Its pseudocost
        // initialisation (two 30-iteration dual simplex runs per fractional column, inside one
        // node) does not look at the clock; the callback keeps the limit (`TreeContext`).
        let timeLimit = options.effectiveTimeLimit  // an infinite limit is no limit
        iocp.br_tech = GLP_BR_PCH
        if let limit = timeLimit { iocp.tm_lim = SolverOptions.milliseconds(limit) }
        if let gap = options.relativeGap { iocp.mip_gap = gap }

        // The callback records the best bound, injects a warm start and keeps the time limit.
        // (A deadline beyond tm_lim's range, about 24.8 days, is that range: Duration traps on huge values.)
        let context = TreeContext(start: options.initialSolution,
                                  deadline: timeLimit.map { clock + .seconds(min($0, Double(Int32.max) / 1000)) })
        iocp.cb_func = { tree, info in
            guard let tree, let info else { return }
            let context = Unmanaged<TreeContext>.fromOpaque(info).takeUnretainedValue()
            context.branchingEnded()
            let best = C.glp_ios_best_node(tree)
            if best != 0 { context.bound = C.glp_ios_node_bound(tree, best) }
            if let deadline = context.deadline, ContinuousClock.now >= deadline {
                context.stoppedAtDeadline = true
                C.glp_ios_terminate(tree)
                return
            }
            if SolverInterrupt.isRequested {  // stopped like at a time limit, said as interrupted
                (context.stoppedAtDeadline, context.interrupted) = (true, true)
                C.glp_ios_terminate(tree)
                return
            }
            switch C.glp_ios_reason(tree) {
            case GLP_IHEUR:
                if let start = context.start, !context.startOffered {
                    context.startOffered = true
                    let ones = [0] + start  // GLPK arrays are 1-based
                    context.startAccepted = C.glp_ios_heur_sol(tree, ones) == 0
                }
            case GLP_IBRANCH where context.deadline != nil:
                context.branchBeforeDeadline(tree)
            default:
                break
            }
        }
        iocp.cb_info = Unmanaged.passUnretained(context).toOpaque()

        // A warm start must be given in the original columns, which presolve would rename:
        // with a start, solve the root LP ourselves and leave presolve off.
        var rootCode: Int32 = 0
        if options.initialSolution != nil, options.initialSolution!.count == model.columnCount {
            iocp.presolve = GLP_OFF
            var smcp = glp_smcp()
            C.glp_init_smcp(&smcp)
            smcp.msg_lev = iocp.msg_lev
            if timeLimit != nil { smcp.tm_lim = iocp.tm_lim }
            rootCode = C.glp_simplex(lp, &smcp)
        } else {
            context.start = nil
        }

        let code = rootCode == 0 ? withExtendedLifetime(context) { C.glp_intopt(lp, &iocp) } : rootCode
        let claim = readResult(lp, model: model, code: code, context: context, seconds: clock.duration(to: .now).seconds,
                               rootFailed: rootCode != 0)
        // GLPK says "unbounded" when the relaxation is, even if no integer point exists.
        var result = StatusCheck.settle(claim, model: model, options: options, started: clock,
                                        relaxationInfeasible: false, checkInfeasible: false) { m, o in solve(m, options: o) }
        result.seconds = clock.duration(to: .now).seconds
        return result
    }

    private func load(_ model: CompiledModel, into lp: OpaquePointer) {
        C.glp_set_prob_name(lp, model.name)
        C.glp_set_obj_dir(lp, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        C.glp_set_obj_coef(lp, 0, model.objectiveOffset)
        if model.rowCount > 0 { _ = C.glp_add_rows(lp, Int32(model.rowCount)) }
        _ = C.glp_add_cols(lp, Int32(model.columnCount))
        for i in 0..<model.rowCount {
            let (type, lo, up) = boundType(model.rowLower[i], model.rowUpper[i])
            C.glp_set_row_bnds(lp, c(i), type, lo, up)
        }
        for j in 0..<model.columnCount {
            let (type, lo, up) = boundType(model.columnLower[j], model.columnUpper[j])
            C.glp_set_col_bnds(lp, c(j), type, lo, up)
            C.glp_set_obj_coef(lp, c(j), model.cost[j])
            switch model.kinds[j] {
            case .binary where model.columnLower[j] == 0 && model.columnUpper[j] == 1: C.glp_set_col_kind(lp, c(j), GLP_BV)
            case .binary, .integer: C.glp_set_col_kind(lp, c(j), GLP_IV)
            case .continuous: break
            }
        }
        let count = model.nonzeroCount
        var ia = [Int32](repeating: 0, count: count + 1)
        var ja = [Int32](repeating: 0, count: count + 1)
        var ar = [Double](repeating: 0, count: count + 1)
        for j in 0..<model.columnCount {
            for k in model.columnStart[j] ..< model.columnStart[j + 1] {
                ia[k + 1] = c(model.rowIndex[k])
                ja[k + 1] = c(j)
                ar[k + 1] = model.value[k]
            }
        }
        C.glp_load_matrix(lp, Int32(count), ia, ja, ar)
    }

    private func readResult(_ lp: OpaquePointer, model: CompiledModel, code: Int32, context: TreeContext,
                            seconds: Double, rootFailed: Bool) -> SolveResult {
        let raw = "glp_intopt=\(codeName(code)) mip_status=\(statusName(C.glp_mip_status(lp)))"
        var result = SolveResult(status: .error, seconds: seconds, solver: name, version: version, rawStatus: raw)
        let mipStatus = C.glp_mip_status(lp)
        if !rootFailed, mipStatus == GLP_OPT || mipStatus == GLP_FEAS {
            result.values = (0..<model.columnCount).map { C.glp_mip_col_val(lp, c($0)) }
            result.objective = C.glp_mip_obj_val(lp)
        }
        switch code {
        case 0 where mipStatus == GLP_OPT:
            result.status = .optimal
            result.bound = result.objective
        case 0 where mipStatus == GLP_NOFEAS, GLP_ENOPFS:
            result.status = .infeasible
            result.values = nil; result.objective = nil
        case GLP_ENODFS:
            // The relaxation has no dual feasible point: unbounded if it has a primal one.
            result.values = nil; result.objective = nil
            result.status = relaxationIsPrimalFeasible(lp) ? .unbounded : .infeasible
        case GLP_ETMLIM,  // always the time limit; a stop from our callback only at the deadline or an interrupt
             GLP_ESTOP where context.stoppedAtDeadline:
            result.status = .timeLimit
            result.bound = context.bound
            if result.values == nil { result.message = "time limit reached before any feasible point was found" }
            if context.interrupted { result.message = "interrupted" + (result.values == nil ? " before any feasible point was found" : "") }
        case GLP_EMIPGAP:
            result.status = .optimal
            result.bound = context.bound
            result.message = "stopped at the requested relative gap"
        default:
            result.status = .error
            result.values = nil; result.objective = nil
            result.message = "GLPK returned \(codeName(code))"
        }
        if context.start != nil, !context.startAccepted { result.message += (result.message.isEmpty ? "" : "; ") + "warm start not accepted" }
        return result
    }

    private func relaxationIsPrimalFeasible(_ lp: OpaquePointer) -> Bool {
        var smcp = glp_smcp()
        C.glp_init_smcp(&smcp)
        smcp.msg_lev = GLP_MSG_OFF
        smcp.presolve = GLP_OFF
        guard C.glp_simplex(lp, &smcp) == 0 else { return false }
        return C.glp_get_prim_stat(lp) == GLP_FEAS
    }

    private func boundType(_ lo: Double, _ up: Double) -> (Int32, Double, Double) {
        switch (lo.isFinite, up.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lo, 0)
        case (false, true): return (GLP_UP, 0, up)
        case (true, true): return lo == up ? (GLP_FX, lo, up) : (GLP_DB, lo, up)
        }
    }

    /// 0-based Swift index → 1-based GLPK index.
    @inline(__always) private func c(_ index: Int) -> Int32 { Int32(index + 1) }

    private func codeName(_ code: Int32) -> String {
        switch code {
        case 0: return "0"
        case GLP_EBOUND: return "GLP_EBOUND"
        case GLP_EROOT: return "GLP_EROOT"
        case GLP_ENOPFS: return "GLP_ENOPFS"
        case GLP_ENODFS: return "GLP_ENODFS"
        case GLP_EFAIL: return "GLP_EFAIL"
        case GLP_EMIPGAP: return "GLP_EMIPGAP"
        case GLP_ETMLIM: return "GLP_ETMLIM"
        case GLP_ESTOP: return "GLP_ESTOP"
        case GLP_EITLIM: return "GLP_EITLIM"
        default: return "code \(code)"
        }
    }

    private func statusName(_ status: Int32) -> String {
        switch status {
        case GLP_OPT: return "GLP_OPT"
        case GLP_FEAS: return "GLP_FEAS"
        case GLP_NOFEAS: return "GLP_NOFEAS"
        case GLP_UNDEF: return "GLP_UNDEF"
        default: return "status \(status)"
        }
    }
}

/// State shared with GLPK's branch-and-bound callback (single-threaded, within one solve).
///
/// With a time limit it also keeps GLPK to it. GLPK checks `tm_lim` between nodes and inside
/// node LPs, but counts from the start of the tree (after presolve and the root LP), and its
/// pseudocost initialisation at a branching runs two dual simplex runs of up to 30 iterations
/// for every fractional column without a pseudocost, on a copy of the problem, without
/// looking at the clock (a 1 s limit took 2–7 s on the digits cover models). So every
/// callback ends the search once the wall-clock deadline, counted from the solve's start, has
/// passed (`glp_ios_terminate`); and at a branching, when the time left is shorter than that
/// initialisation could take (2 × candidates × the time of one such run, measured once on
/// this problem, × 4 for safety), the callback picks the most fractional column itself, so
/// GLPK skips the initialisation. Until then the search is the same as without a limit.
private final class TreeContext {
    var bound: Double?
    var start: [Double]?
    var startOffered = false
    var startAccepted = false
    let deadline: ContinuousClock.Instant?
    var stoppedAtDeadline = false
    /// Stopped by `SolverInterrupt` (reported as a time limit with the message "interrupted").
    var interrupted = false
    /// Time an initialisation may take, in evaluations per candidate: 2 (down and up) × 4,
    /// because one timed evaluation can be shorter than the average (scpcyc06: 0.7 ms timed,
    /// 1.5 ms on average at the root).
    static let safety = 8.0
    /// Seconds of one pseudocost evaluation (copy + 30 dual iterations), the largest seen.
    private var evaluationSeconds: Double?
    /// When GLPK was left to branch at a node with this many candidates (to time it).
    private var branching: (started: ContinuousClock.Instant, candidates: Int)?

    init(start: [Double]?, deadline: ContinuousClock.Instant?) {
        self.start = start
        self.deadline = deadline
    }

    /// Called first in every callback: a branching GLPK did itself has ended; its time per
    /// candidate raises the estimate of one evaluation.
    func branchingEnded() {
        guard let (started, candidates) = branching else { return }
        branching = nil
        let perEvaluation = started.duration(to: .now).seconds / Double(2 * candidates)
        evaluationSeconds = max(evaluationSeconds ?? 0, perEvaluation)
    }

    /// At a `GLP_IBRANCH` call with a deadline: leave the choice to GLPK's pseudocost rule if
    /// its initialisation fits in the time left, else branch on the most fractional column.
    func branchBeforeDeadline(_ tree: OpaquePointer) {
        guard let deadline, let lp = C.glp_ios_get_prob(tree) else { return }
        let columns = C.glp_get_num_cols(lp)
        let left = ContinuousClock.now.duration(to: deadline).seconds
        // Far from the deadline even if every column were a candidate: no scan (it would cost
        // a call per column at every node).
        if let t = evaluationSeconds, left > Self.safety * Double(columns) * t { return }
        guard columns > 0 else { return }
        let candidates = (1...columns).filter { C.glp_ios_can_branch(tree, $0) != 0 }
        guard let first = candidates.first else { return }
        if evaluationSeconds == nil { evaluationSeconds = Self.timeOneEvaluation(lp, column: first) }
        if left > Self.safety * Double(candidates.count) * (evaluationSeconds ?? 0) {
            branching = (.now, candidates.count)
            return
        }
        var best = first, bestDistance = -1.0, down = true
        for j in candidates {
            let x = C.glp_get_col_prim(lp, j), fraction = x - x.rounded(.down)
            let distance = min(fraction, 1 - fraction)
            if distance > bestDistance { (best, bestDistance, down) = (j, distance, fraction <= 0.5) }
        }
        C.glp_ios_branch_upon(tree, best, down ? GLP_DN_BRNCH : GLP_UP_BRNCH)
    }

    /// The time of what GLPK's pseudocost initialisation does per candidate and direction
    /// (`eval_degrad`): copy the node's problem, fix the column, up to 30 dual simplex steps.
    private static func timeOneEvaluation(_ lp: OpaquePointer, column j: Int32) -> Double {
        let started = ContinuousClock.now
        let copy = C.glp_create_prob()!
        defer { C.glp_delete_prob(copy) }
        C.glp_copy_prob(copy, lp, GLP_OFF)
        let x = C.glp_get_col_prim(lp, j).rounded(.down)
        C.glp_set_col_bnds(copy, j, GLP_FX, x, x)
        var smcp = glp_smcp()
        C.glp_init_smcp(&smcp)
        smcp.msg_lev = GLP_MSG_OFF
        smcp.meth = GLP_DUAL
        smcp.it_lim = 30
        _ = C.glp_simplex(copy, &smcp)
        return started.duration(to: .now).seconds
    }
}
