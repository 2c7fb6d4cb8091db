import FileSupport

/// The budget loop every front engine shares (`CoverSearch`, `LayerJoinSearch`, `FrontSweep`):
/// `K` from the smallest useful size upward until every instance is covered (or `maxBudget`),
/// each point started from the best of the previous point's backbone and the seeds that fit
/// (a larger budget never covers less, so a start only ever raises a point).
///
/// Each point gets `timeLimit`, cut to what is left before `limits.deadline` (the front's share of
/// an overall budget); the loop ends early, keeping its finished points and saying why
/// (`ExactFront.stop`), when that deadline passes or the run is asked to stop — a point under
/// way when a stop is requested is not finished and is dropped.
struct BudgetSweep {
    let model: CoverModel
    let maxBudget: Int?
    let seeds: [[Int]]
    let onPoint: (@Sendable (FrontPoint) -> Void)?
    var limits = SweepLimits()

    /// A point's start: the best-covering backbone that fits the budget, and its coverage.
    typealias Start = (backbone: [Int], covered: Int)

    /// Runs the loop; `solve` computes one point from its budget, start and time limit (seconds).
    func run(groupName: String, method: String, version: String, solve: (Int, Start, Double?) throws -> FrontPoint) throws -> ExactFront {
        let group = model.group
        guard group.instanceCount > 0 else { throw CoreError.emptyGroup(groupName) }
        var front = ExactFront(groupName: groupName, rule: model.rule, solver: method, solverVersion: version,
                               instanceCount: group.instanceCount, distinctTransactions: group.distinct.count,
                               minimumUsefulSize: model.minimumUsefulSize, points: [])
        var previous: [Int] = []
        var budget = model.minimumUsefulSize
        let largest = min(model.neurons.count, maxBudget ?? Int.max)
        while budget <= largest {
            if limits.control?.isStopRequested == true { front.stop = .interrupted; break }
            let limit = limits.pointLimit()
            if let limit, limit <= 0 { front.stop = .timeBudget; break }
            let point = try solve(budget, model.bestStart(previous: previous, seeds: seeds, budget: budget), limit)
            if limits.control?.isStopRequested == true { front.stop = .interrupted; break }
            guard point.size <= budget, group.covered(by: point.backbone, rule: model.rule) == point.covered else {
                throw CoreError.solverFailed("internal error: \(method) at budget \(budget) of \(groupName) returned a backbone of \(point.size) neurons that does not cover the \(point.covered) it reports")
            }
            front.points.append(point)
            onPoint?(point)
            previous = point.backbone
            if point.covered == group.instanceCount { break }
            budget += 1
        }
        return front
    }
}

/// The limits of one front: seconds per point, the front's deadline, the run's stop request.
public struct SweepLimits: Sendable {
    public var timeLimit: Double?
    public var deadline: ContinuousClock.Instant?
    public var control: RunControl?

    public init(timeLimit: Double? = nil, deadline: ContinuousClock.Instant? = nil, control: RunControl? = nil) {
        self.timeLimit = timeLimit
        self.deadline = deadline
        self.control = control
    }

    /// The next point's limit: `timeLimit`, cut to the time left before `deadline` (≤ 0 when none is left).
    func pointLimit() -> Double? {
        guard let deadline else { return timeLimit }
        let left = (deadline - ContinuousClock.now).seconds
        return min(timeLimit ?? left, left)
    }
}
