import Synchronization

/// What may end a long run early, shared by every front job of it: a stop request (the CLI
/// makes one on the first SIGINT/SIGTERM) and an overall time budget.
///
/// Engines check `isStopRequested` where they check their deadline (every 1,024 nodes), so a
/// search stops within milliseconds. A solver point under way is stopped by the process-wide
/// `SolverInterrupt`, which only a signal raises (`stopOnSignals`): a GLPK point at its next
/// node, a CBC point within 50 ms (its child process is killed). A front cut short keeps its
/// finished points and says why (`ExactFront.stop`).
public final class RunControl: Sendable {
    private let stopFlag = Atomic<Bool>(false)
    /// When the whole run must end (nil: no overall budget).
    public let budgetDeadline: ContinuousClock.Instant?

    /// - Parameter timeBudget: seconds for the whole run, from now (nil: none).
    public init(timeBudget: Double? = nil) {
        budgetDeadline = timeBudget.map { ContinuousClock.now.advanced(by: .seconds($0)) }
    }

    /// Stops this run's searches at their next check.
    public func requestStop() { stopFlag.store(true, ordering: .relaxed) }

    public var isStopRequested: Bool { stopFlag.load(ordering: .relaxed) }

    /// The deadline of a job starting now when `remainingJobs` (this one included) share what
    /// is left of the budget on `threads` threads: each gets an equal slice, so the first groups
    /// cannot spend the time of the last (nil when there is no budget).
    public func jobDeadline(remainingJobs: Int, threads: Int) -> ContinuousClock.Instant? {
        guard let budgetDeadline else { return nil }
        let now = ContinuousClock.now
        guard now < budgetDeadline else { return budgetDeadline }
        let rounds = max(1, (remainingJobs + max(1, threads) - 1) / max(1, threads))
        return now.advanced(by: (budgetDeadline - now) / rounds)
    }
}

/// Why a front ended before full coverage (other than a size cap).
public enum FrontStop: String, Sendable, Codable {
    /// The run was asked to stop (SIGINT/SIGTERM).
    case interrupted
    /// The front's share of `--time-budget` ran out.
    case timeBudget = "time_budget"
}
