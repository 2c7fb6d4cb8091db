/// The budget loop every front engine shares (`CoverSearch`, `LayerJoinSearch`, `FrontSweep`):
/// `K` from the smallest useful size upward until every instance is covered (or `maxBudget`),
/// each point started from the best of the previous point's backbone and the seeds that fit
/// (a larger budget never covers less, so a start only ever raises a point).
struct BudgetSweep {
    let model: CoverModel
    let maxBudget: Int?
    let seeds: [[Int]]
    let onPoint: (@Sendable (FrontPoint) -> Void)?

    /// A point's start: the best-covering backbone that fits the budget, and its coverage.
    typealias Start = (backbone: [Int], covered: Int)

    /// Runs the loop; `solve` computes one point from its budget and start.
    func run(groupName: String, method: String, version: String, solve: (Int, Start) throws -> FrontPoint) throws -> ExactFront {
        let group = model.group
        guard group.instanceCount > 0 else { throw CoreError.emptyGroup(groupName) }
        var front = ExactFront(groupName: groupName, rule: model.rule, solver: method, solverVersion: version,
                               instanceCount: group.instanceCount, distinctTransactions: group.distinct.count,
                               minimumUsefulSize: model.minimumUsefulSize, points: [])
        var previous: [Int] = []
        var budget = model.minimumUsefulSize
        let largest = min(model.neurons.count, maxBudget ?? Int.max)
        while budget <= largest {
            let point = try solve(budget, model.bestStart(previous: previous, seeds: seeds, budget: budget))
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
