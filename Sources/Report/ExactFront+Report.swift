import FileSupport
import BackboneCore

extension ExactFront {
    /// One flag per point: whether it is among `paretoPoints`. Matched as an order-preserving
    /// subsequence so the definition of "Pareto point" stays BackboneCore's alone.
    var paretoFlags: [Bool] {
        let pareto = paretoPoints
        var j = 0
        return points.map { p in
            guard j < pareto.count, pareto[j] == p else { return false }
            j += 1
            return true
        }
    }

    /// The coverage-vs-size staircase in backbone-size terms: points sorted by size whose
    /// coverage beats every smaller-or-equal size. Differs from `paretoPoints` (budget terms)
    /// only when an unproven solve returned a backbone smaller than another point's.
    var sizeStaircase: [FrontPoint] {
        let sorted = points.enumerated().sorted { ($0.element.size, $0.offset) < ($1.element.size, $1.offset) }
        var out: [FrontPoint] = []
        for (_, p) in sorted where p.covered > (out.last?.covered ?? 0) {
            // A same-size point covering more replaces the earlier one.
            if out.last?.size == p.size { out.removeLast() }
            out.append(p)
        }
        return out
    }
}

extension GroupReport {
    /// The reference heuristic's point (at most one per group).
    var referencePoint: HeuristicPoint? { heuristicPoints.first { $0.method == .reference } }
    /// The greedy path's steps, in step order.
    var greedySteps: [HeuristicPoint] {
        heuristicPoints.filter { $0.method == .greedy }.sorted { ($0.step ?? 0) < ($1.step ?? 0) }
    }
    /// `q` as printed: `1`, `0.5`.
    var shareText: String { Format.share(rule.share) }
}
