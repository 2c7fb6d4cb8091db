import BackboneCore
import LinearModel

/// A small hand-made report whose every number is known (see the comments), used by all
/// Report tests. 8 instances; glpk stopped at the time limit at K=6 (5 covered, bound 6.5)
/// where cbc proved 6; both agree elsewhere.
enum Fixture {
    static let instances = 8

    static func point(_ k: Int, covered: Int, _ status: SolveStatus = .optimal, bound: Double? = nil, gap: Double? = 0,
                      seconds: Double, solver: String, size: Int? = nil) -> FrontPoint {
        let size = size ?? k
        return FrontPoint(budget: k, size: size, covered: covered, coverage: Double(covered) / Double(instances),
                          status: status, bound: bound ?? Double(covered), gap: gap, seconds: seconds, solver: solver,
                          backbone: Array(0..<size).map { $0 * 2 + 1 })
    }

    /// Pareto budgets 4, 6, 7, 8 (K=5 covers no more than K=4); 4 of 5 proven; 12.5 s.
    static func glpk(_ rule: CoverageRule = .full, group: String = "correct:3") -> ExactFront {
        ExactFront(groupName: group, rule: rule, solver: "glpk", solverVersion: "5.0", instanceCount: instances,
                   distinctTransactions: 6, minimumUsefulSize: 4, points: [
                       point(4, covered: 2, seconds: 0.25, solver: "glpk"),
                       point(5, covered: 2, seconds: 0.5, solver: "glpk"),
                       point(6, covered: 5, .timeLimit, bound: 6.5, gap: 0.3, seconds: 10, solver: "glpk"),
                       point(7, covered: 7, seconds: 1.25, solver: "glpk"),
                       point(8, covered: 8, seconds: 0.5, solver: "glpk"),
                   ])
    }

    /// Everything proven; 0.5 s in all.
    static func cbc(_ rule: CoverageRule = .full, group: String = "correct:3") -> ExactFront {
        ExactFront(groupName: group, rule: rule, solver: "cbc", solverVersion: "2.10.8", instanceCount: instances,
                   distinctTransactions: 6, minimumUsefulSize: 4, points: [
                       point(4, covered: 2, seconds: 0.1, solver: "cbc"),
                       point(5, covered: 2, seconds: 0.1, solver: "cbc"),
                       point(6, covered: 6, seconds: 0.1, solver: "cbc"),
                       point(7, covered: 7, seconds: 0.1, solver: "cbc"),
                       point(8, covered: 8, seconds: 0.1, solver: "cbc"),
                   ])
    }

    /// reference: 7 neurons, 5 covered → dominated (K=7 covers 7: lost 2; K=6 covers 5: 1 extra).
    /// greedy 1: 3 neurons, 0 covered → trivially on front (below the useful size 4).
    /// greedy 2: 6 neurons, 5 covered → not dominated, unproven (glpk's K=6 is a time limit).
    /// greedy 3: 8 neurons, 8 covered → on front.
    static func heuristics(against front: ExactFront) throws -> [HeuristicPoint] {
        var points = [
            HeuristicPoint(method: .reference, backbone: [0, 2, 4, 6, 8, 10, 12], covered: 5, instanceCount: instances),
            HeuristicPoint(method: .greedy, step: 1, backbone: [1, 3, 5], covered: 0, instanceCount: instances),
            HeuristicPoint(method: .greedy, step: 2, backbone: [1, 3, 5, 7, 9, 11], covered: 5, instanceCount: instances),
            HeuristicPoint(method: .greedy, step: 3, backbone: Array(0..<8), covered: 8, instanceCount: instances),
        ]
        for i in points.indices {
            points[i].standing = try Dominance.standing(size: points[i].size, covered: points[i].covered, front: front)
        }
        return points
    }

    static func group(name: String = "correct:3") throws -> GroupReport {
        let glpk = glpk(group: name)
        return GroupReport(groupName: name, groupKind: .correct, rule: .full, instanceCount: instances,
                           distinctTransactions: 6, fronts: [glpk, cbc(group: name)],
                           heuristicPoints: try heuristics(against: glpk),
                           notes: ["glpk hit the time limit at K=6"])
    }

    /// A second group report: q = 0.5, heuristics only, no reference backbone.
    static func heuristicOnlyGroup() throws -> GroupReport {
        GroupReport(groupName: "confusion:3->5", groupKind: .confusion, rule: try CoverageRule(share: 0.5),
                    instanceCount: 4, distinctTransactions: 4, fronts: [],
                    heuristicPoints: [HeuristicPoint(method: .greedy, step: 1, backbone: [2, 3], covered: 3, instanceCount: 4)],
                    notes: ["no layer-complete itemset: the reference heuristic has no backbone for this group"])
    }

    static func report() throws -> ParetoReport {
        ParetoReport(settings: [("input", "data/digits/train.csv"), ("layers", "64,32,16"), ("time limit", "10 s")],
                     groups: [try group(), try heuristicOnlyGroup()])
    }
}
