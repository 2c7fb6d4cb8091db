import Foundation
import LinearModel
import Mining

/// One group's input to the pipeline: its name, kind and transactions.
public struct GroupInput: Sendable {
    public var name: String
    public var kind: String
    public var database: TransactionDatabase

    public init(name: String, kind: String, database: TransactionDatabase) {
        self.name = name
        self.kind = kind
        self.database = database
    }
}

/// The whole job of `backbones pareto`: for every group and coverage rule, the reference
/// heuristic's backbone, the greedy cover path, the exact front per backend, and where each
/// heuristic point stands against the front. The heuristics' backbones also seed the exact
/// solves (a warm start per point), so an exact point never covers less than a heuristic
/// backbone that fits its budget.
public struct ParetoPipeline: Sendable {
    public var layout: LayerLayout
    public var rules: [CoverageRule]
    public var solvers: [ILPSolver]
    /// How fronts are computed (default: the combinatorial search, at every share).
    public var method: FrontEngine.Method
    public var options: SolverOptions
    /// Threads for exact fronts (GLPK fronts run in parallel; CBC solves one at a time).
    public var jobs: Int
    /// Skip the exact fronts (heuristics only).
    public var exact: Bool
    /// Progress lines (one per group and point); called from worker threads.
    public var log: (@Sendable (String) -> Void)?

    public init(layout: LayerLayout, rules: [CoverageRule], solvers: [ILPSolver], method: FrontEngine.Method = .search,
                options: SolverOptions, jobs: Int = 2, exact: Bool = true, log: (@Sendable (String) -> Void)? = nil) {
        self.layout = layout
        self.rules = rules
        self.solvers = solvers
        self.method = method
        self.options = options
        self.jobs = max(1, jobs)
        self.exact = exact
        self.log = log
    }

    public func run(_ groups: [GroupInput], settings: [(String, String)]) throws -> ParetoReport {
        // 1. Heuristics (fast; sequential, in group order).
        var reports: [GroupReport] = []
        var heuristicBackbones: [[Int]?] = []
        for g in groups {
            let merged = GroupTransactions(database: g.database, layout: layout)
            var notes: [String] = []
            var referenceBackbone: [Int]?
            switch try ReferenceHeuristic().run(g.database, layout: layout) {
            case let .backbone(b):
                referenceBackbone = b.neurons
                log?("\(g.name): reference heuristic: \(b.neurons.count) neurons (maxMinsup \(format(b.maxMinsup)), \(b.levels.filter(\.accepted).count) levels accepted; \(b.stopReason))")
            case .noLayerCompleteItemset:
                notes.append("no support level has a layer-complete maximal itemset: the reference heuristic has no backbone (the authors' code would hang here)")
                log?("\(g.name): reference heuristic: no layer-complete itemset at any support")
            case .emptyGroup:
                notes.append("empty group")
            }
            heuristicBackbones.append(referenceBackbone)
            for rule in rules {
                var points: [HeuristicPoint] = []
                if let b = referenceBackbone {
                    points.append(HeuristicPoint(method: "reference", backbone: b, covered: merged.covered(by: b, rule: rule),
                                                 instanceCount: merged.instanceCount))
                }
                for (k, step) in try GreedyCoverPath(rule: rule).run(merged).enumerated() {
                    points.append(HeuristicPoint(method: "greedy", step: k + 1, backbone: step.backbone, covered: step.covered,
                                                 instanceCount: merged.instanceCount))
                }
                reports.append(GroupReport(groupName: g.name, groupKind: g.kind, rule: rule,
                                           instanceCount: merged.instanceCount,
                                           distinctTransactions: merged.distinct.count,
                                           heuristicPoints: points, notes: notes))
            }
        }

        // 2. Exact fronts: one job per (group, rule, solver), run on `jobs` threads.
        if exact {
            struct Job: Sendable { let report: Int; let group: Int; let engine: FrontEngine }
            var jobList: [Job] = []
            for r in reports.indices {
                for engine in FrontEngine.engines(solvers: solvers, method: method) {
                    jobList.append(Job(report: r, group: r / rules.count, engine: engine))
                }
            }
            let results = ResultBox(count: jobList.count)
            let queue = WorkQueue(count: jobList.count)
            let jobs = jobList, frozen = reports
            runOnWorkers(min(self.jobs, jobs.count)) {
                while let index = queue.next() {
                    let job = jobs[index]
                    let report = frozen[job.report]
                    let engine = job.engine
                    let merged = GroupTransactions(database: groups[job.group].database, layout: layout)
                    let model = CoverModel(group: merged, rule: report.rule)
                    let log = self.log
                    let name = report.groupName, rule = report.rule
                    let onPoint: @Sendable (FrontPoint) -> Void = { p in
                        log?("\(name) \(rule) \(engine.name): K=\(p.budget) covered \(p.covered)/\(merged.instanceCount) \(p.status.rawValue)\(p.isProvenOptimal ? "" : " bound \(p.bound.map { String(format: "%.1f", $0) } ?? "-")") \(String(format: "%.2f", p.seconds)) s")
                    }
                    let seeds = report.heuristicPoints.map(\.backbone)
                    results.set(index, Result {
                        try engine.run(model, groupName: name, options: options, seeds: seeds, onPoint: onPoint)
                    })
                }
            }
            for (index, job) in jobList.enumerated() {
                reports[job.report].fronts.append(try results.get(index).get())
            }
        }

        // 3. Agreement between backends, then standings against the first front.
        for r in reports.indices {
            try checkAgreement(reports[r])
            guard let front = reports[r].fronts.first else { continue }
            for p in reports[r].heuristicPoints.indices {
                let point = reports[r].heuristicPoints[p]
                reports[r].heuristicPoints[p].standing = try Dominance.standing(size: point.size, covered: point.covered, front: front)
            }
        }
        return ParetoReport(settings: settings, groups: reports)
    }

    /// Two backends that both prove a point optimal must agree on its coverage.
    func checkAgreement(_ report: GroupReport) throws {
        guard report.fronts.count > 1 else { return }
        let first = report.fronts[0]
        for other in report.fronts.dropFirst() {
            if let problem = first.disagreement(with: other) { throw CoreError.solverDisagreement(problem) }
        }
    }

    private func format(_ x: Double) -> String { String(format: "%.3g", x) }
}

/// Runs `body` on `count` threads with 64 MiB stacks (GCD's workers have 512 KiB; the solvers'
/// branch and bound recurses) and waits for all of them; one job runs on the calling thread.
private func runOnWorkers(_ count: Int, _ body: @escaping @Sendable () -> Void) {
    if count == 1 { body(); return }
    let done = DispatchSemaphore(value: 0)
    for _ in 0..<count {
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
    }
    for _ in 0..<count { done.wait() }
}

/// Hands out job indices to worker threads.
private final class WorkQueue: @unchecked Sendable {
    private var nextIndex = 0
    private let count: Int
    private let lock = NSLock()
    init(count: Int) { self.count = count }
    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}

/// Collects results from worker threads.
private final class ResultBox: @unchecked Sendable {
    private var slots: [Result<ExactFront, Error>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<ExactFront, Error>) { lock.lock(); slots[i] = r; lock.unlock() }
    func get(_ i: Int) -> Result<ExactFront, Error> { lock.lock(); defer { lock.unlock() }; return slots[i]! }
}
