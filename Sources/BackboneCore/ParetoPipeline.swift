import FileSupport
import BackboneData
import LinearModel
import Mining

/// One group's input to the pipeline: its name, kind and transactions, and its reference
/// heuristic backbone when the caller already has it (the pipeline runs the heuristic otherwise).
public struct GroupInput: Sendable {
    public var name: String
    public var kind: Group.Kind
    public var database: TransactionDatabase
    public var referenceBackbone: ReferenceHeuristic.Outcome?

    public init(name: String, kind: Group.Kind, database: TransactionDatabase, referenceBackbone: ReferenceHeuristic.Outcome? = nil) {
        self.name = name
        self.kind = kind
        self.database = database
        self.referenceBackbone = referenceBackbone
    }
}

/// The Pareto job (`backbones pareto`, and the fronts of `backbones experiment`): for every
/// group and coverage rule, the reference heuristic's backbone, the greedy cover path (unless
/// `greedy` is off), the exact front per engine, and where each heuristic point stands against
/// the first front. The heuristics' backbones also seed the exact fronts (a start per point), so
/// an exact point never covers less than a heuristic backbone that fits its budget.
public struct ParetoPipeline: Sendable {
    public var layout: LayerLayout
    public var rules: [CoverageRule]
    /// The engines of every front, in report order (the first is the one heuristics stand against).
    public var engines: [FrontEngine]
    public var options: SolverOptions
    /// Threads for exact fronts (GLPK and the searches run in parallel; CBC solves one at a time).
    public var jobs: Int
    /// Run the greedy cover path (its steps are heuristic points and seeds).
    public var greedy: Bool
    /// Cap each front at the reference backbone's size + this many (nil: whole fronts).
    public var frontMargin: Int?
    /// Progress lines (one per group and point); called from worker threads.
    public var log: (@Sendable (String) -> Void)?
    /// The run's stop request and overall time budget (shared fairly between the fronts).
    public var control: RunControl?
    /// Fronts finished by an earlier run with the same settings (`--resume`): used as they are.
    public var finished: [FrontKey: ExactFront] = [:]
    /// Called with each front as soon as it is finished whole (for a checkpoint), from worker threads.
    public var onFront: (@Sendable (ExactFront) -> Void)?

    public init(layout: LayerLayout, rules: [CoverageRule], engines: [FrontEngine], options: SolverOptions, jobs: Int = 2,
                greedy: Bool = true, frontMargin: Int? = nil, log: (@Sendable (String) -> Void)? = nil) {
        self.layout = layout
        self.rules = rules
        self.engines = engines
        self.options = options
        self.jobs = max(1, jobs)
        self.greedy = greedy
        self.frontMargin = frontMargin
        self.log = log
    }

    public func run(_ groups: [GroupInput], settings: [(String, String)]) throws -> ParetoReport {
        // 1. Heuristics (fast; sequential, in group order). Each group's transactions are merged once.
        let merged = groups.map { GroupTransactions(database: $0.database, layout: layout) }
        var reports: [GroupReport] = []
        var reportGroup: [Int] = []
        for (index, g) in groups.enumerated() {
            var notes: [String] = []
            var referenceBackbone: [Int]?
            switch try g.referenceBackbone ?? ReferenceHeuristic().run(g.database, layout: layout) {
            case let .backbone(b):
                referenceBackbone = b.neurons
                log?("\(g.name): reference heuristic: \(b.neurons.count) neurons (maxMinsup \(Format.short(b.maxMinsup)), \(b.levels.filter(\.accepted).count) levels accepted; \(b.stopReason))")
            case .noLayerCompleteItemset:
                notes.append("no support level has a layer-complete maximal itemset: the reference heuristic has no backbone (the authors' code would hang here)")
                log?("\(g.name): reference heuristic: no layer-complete itemset at any support")
            case .emptyGroup:
                notes.append("empty group")
            }
            for rule in rules {
                var points: [HeuristicPoint] = []
                if let b = referenceBackbone {
                    points.append(HeuristicPoint(method: .reference, backbone: b, covered: merged[index].covered(by: b, rule: rule),
                                                 instanceCount: merged[index].instanceCount))
                }
                if greedy {
                    for (k, step) in try GreedyCoverPath(rule: rule).run(merged[index]).enumerated() {
                        points.append(HeuristicPoint(method: .greedy, step: k + 1, backbone: step.backbone, covered: step.covered,
                                                     instanceCount: merged[index].instanceCount))
                    }
                }
                reports.append(GroupReport(groupName: g.name, groupKind: g.kind, rule: rule,
                                           instanceCount: merged[index].instanceCount,
                                           distinctTransactions: merged[index].distinct.count,
                                           heuristicPoints: points, notes: notes))
                reportGroup.append(index)
            }
        }

        // 2. Exact fronts: one job per (report, engine), run on `jobs` threads; a front an
        // earlier run finished is taken as it is, the others share the time budget equally.
        struct Job: Sendable { let report: Int; let engine: FrontEngine; let key: FrontKey }
        let jobList = reports.indices.flatMap { r in
            engines.map { Job(report: r, engine: $0, key: FrontKey(group: reports[r].groupName, share: reports[r].rule.share, engine: $0.name)) }
        }
        let finished = self.finished
        let toRun = jobList.map { finished[$0.key] == nil ? 1 : 0 }
        var suffix = [Int](repeating: 0, count: jobList.count + 1)  // fronts still to compute from each job on
        for i in stride(from: jobList.count - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + toRun[i] }
        let remainingFrom = suffix
        let frozen = reports, groupOf = reportGroup, options = self.options, log = self.log, margin = frontMargin
        let control = self.control, threads = jobs, onFront = self.onFront
        let progress = FrontProgress(total: jobList.count, toCompute: remainingFrom[0], threads: jobs)
        let fronts = WorkerPool.map(jobList.count, threads: jobs) { index -> ExactFront in
            let job = jobList[index]
            if let done = finished[job.key] {
                log?("\(job.key.group) q=\(job.key.share) \(job.key.engine): kept from the earlier run (\(done.points.count) points)")
                log?(progress.finished(done, computed: false))
                return done
            }
            let deadline = control?.jobDeadline(remainingJobs: remainingFrom[index], threads: threads)
            let report = frozen[job.report]
            let group = merged[groupOf[job.report]]
            let model = CoverModel(group: group, rule: report.rule)
            let name = report.groupName, rule = report.rule, engine = job.engine
            let seeds = report.heuristicPoints.map(\.backbone)
            let cap = margin.flatMap { m in report.heuristicPoints.first { $0.method == .reference }.map { max($0.size, model.minimumUsefulSize) + m } }
            let front = try engine.run(model, groupName: name, options: options, maxBudget: cap, seeds: seeds,
                                       deadline: deadline, control: control) { p in
                log?("\(name) \(rule) \(engine.name): K=\(p.budget) covered \(p.covered)/\(group.instanceCount) \(p.status.rawValue)\(p.isProvenOptimal ? "" : " bound \(p.bound.map { Format.fixed($0, 1) } ?? "-")") \(Format.fixed(p.seconds, 2)) s")
            }
            if front.stop == nil { onFront?(front) }
            log?(progress.finished(front, computed: true))
            return front
        }
        for (index, job) in jobList.enumerated() { reports[job.report].fronts.append(try fronts[index].get()) }
        for r in reports.indices {
            for front in reports[r].fronts {
                guard let stop = front.stop else { continue }
                let reason = stop == .interrupted ? "the run was interrupted" : "its share of the time budget ran out"
                reports[r].notes.append("\(front.solver) front stopped after \(front.points.count) points (\(front.points.last.map { "K = \($0.budget)" } ?? "none finished")): \(reason)")
            }
        }
        for r in reports.indices where margin != nil {
            if let last = reports[r].fronts.first?.points.last, last.covered < reports[r].instanceCount {
                reports[r].notes.append("front capped at size \(last.budget) (heuristic size + \(margin!))")
            }
        }

        // 3. Agreement between engines, then standings against the first front.
        for r in reports.indices {
            try checkAgreement(reports[r])
            guard let front = reports[r].fronts.first else { continue }
            for p in reports[r].heuristicPoints.indices {
                let point = reports[r].heuristicPoints[p]
                reports[r].heuristicPoints[p].standing = try Dominance.standing(size: point.size, covered: point.covered, front: front)
            }
        }
        var report = ParetoReport(settings: settings, groups: reports)
        let stops = Set(reports.flatMap { $0.fronts.compactMap(\.stop) })
        report.stop = stops.contains(.interrupted) ? .interrupted : stops.first
        return report
    }

    /// Two engines that both prove a point optimal must agree on its coverage.
    func checkAgreement(_ report: GroupReport) throws {
        guard report.fronts.count > 1 else { return }
        let first = report.fronts[0]
        for other in report.fronts.dropFirst() {
            if let problem = first.disagreement(with: other) { throw CoreError.solverDisagreement(problem) }
        }
    }
}

extension ParetoPipeline {
    /// The Pareto job on loaded activations: every selected group, with the report's settings
    /// (the input's description, the groups, the shares, what computes the fronts, the limit).
    public func run(_ loaded: LoadedActivations, exact: Bool = true) throws -> ParetoReport {
        let inputs = loaded.groups.map { GroupInput(name: $0.name, kind: $0.kind, database: loaded.database(of: $0)) }
        var pipeline = self
        if !exact { pipeline.engines = [] }
        return try pipeline.run(inputs, settings: settings(loaded, exact: exact))
    }

    /// The report's settings for `loaded`: what was read, the groups, the shares, what computes
    /// the fronts and the limit per point (what a resumed run must share with the first).
    public func settings(_ loaded: LoadedActivations, exact: Bool = true) -> [(String, String)] {
        loaded.description + [
            ("groups", loaded.groups.map(\.name).joined(separator: ", ")),
            ("q", rules.map { String($0.share) }.joined(separator: ",")),
            ("solver", exact ? FrontEngine.describe(engines, rules: rules) : "none (heuristics only)"),
            ("time limit per point", options.timeLimit.map { "\($0) s" } ?? "none"),
        ]
    }
}

/// Names one front of a run: group, share and engine (`ExactFront.solver`).
public struct FrontKey: Hashable, Sendable {
    public var group: String
    public var share: Double
    public var engine: String

    public init(group: String, share: Double, engine: String) {
        self.group = group
        self.share = share
        self.engine = engine
    }

    public init(_ front: ExactFront) { self.init(group: front.groupName, share: front.rule.share, engine: front.solver) }
}
