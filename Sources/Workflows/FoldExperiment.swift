import BackboneCore
import BackboneData
import FileSupport
import Foundation
import LinearModel
import Mining

/// Every experiment of paper-repro/ on one fold (`backbones experiment`): the heuristic
/// backbones of the training rows, the exact fronts of the correct groups beside them, the
/// authors' reference ILP over the correct groups, and the backbones' uses on the held-out rows.
/// Each stage returns typed results; `Report` writes them (`FoldExperimentWriter`).
public struct FoldExperiment: Sendable {
    public struct Settings: Sendable {
        public var k: Int
        public var shares: [CoverageRule]
        /// Per front point.
        public var timeLimit: Double
        /// Cap fronts at the heuristic backbone's size + this many (nil: whole fronts).
        public var frontMargin: Int?
        /// `.search` or `.ilp` (with `solver`).
        public var method: FrontEngine.Method
        /// Per reference-ILP solve (each sense).
        public var referenceTimeLimit: Double
        public var jobs: Int
        public var exactFronts: Bool
        public var referenceILP: Bool

        public init(k: Int = BinarizationRule.referenceK, shares: [CoverageRule], timeLimit: Double, frontMargin: Int? = nil,
                    method: FrontEngine.Method = .search, referenceTimeLimit: Double, jobs: Int = 2,
                    exactFronts: Bool = true, referenceILP: Bool = true) {
            self.k = k
            self.shares = shares
            self.timeLimit = timeLimit
            self.frontMargin = frontMargin
            self.method = method
            self.referenceTimeLimit = referenceTimeLimit
            self.jobs = jobs
            self.exactFronts = exactFronts
            self.referenceILP = referenceILP
        }
    }

    public struct Result: Sendable {
        public var data: FoldData
        public var heuristic: HeuristicStage
        public var fronts: FrontsStage?
        public var reference: ReferenceStage?
        public var uses: UsesStage
    }

    public var settings: Settings
    /// The backend of the reference ILP (and of the fronts with `.ilp`).
    public var solver: ILPSolver
    public var log: (@Sendable (String) -> Void)?

    public init(settings: Settings, solver: ILPSolver, log: (@Sendable (String) -> Void)? = nil) {
        self.settings = settings
        self.solver = solver
        self.log = log
    }

    public func run(fold: String) throws -> Result {
        let data = try FoldData(folder: fold, k: settings.k)
        let heuristic = try HeuristicStage(data: data)
        log?("\(fold): heuristic backbones of \(heuristic.groups.count) groups in \(Format.fixed(heuristic.seconds, 1)) s")
        var fronts: FrontsStage?
        if settings.exactFronts {
            fronts = try FrontsStage(data: data, heuristic: heuristic, settings: settings, solver: solver, log: log)
        }
        var reference: ReferenceStage?
        if settings.referenceILP {
            reference = try ReferenceStage(data: data, heuristic: heuristic, timeLimit: settings.referenceTimeLimit, solver: solver) { sense, r in
                log?("\(fold): reference ILP (\(sense.rawValue)): \(r.status.rawValue) in \(Format.fixed(r.seconds, 1)) s")
            }
        }
        let uses = UsesStage(data: data, heuristic: heuristic)
        return Result(data: data, heuristic: heuristic, fronts: fronts, reference: reference, uses: uses)
    }
}

/// Stage 1: the reference heuristic's backbones of every correct, misclassified and confusion
/// group of the training rows (misclassified ones cleaned of their class's correct neurons).
public struct HeuristicStage: Sendable {
    public struct GroupResult: Sendable {
        public var group: Group
        public var distinctTransactions: Int
        public var outcome: ReferenceHeuristic.Outcome
        /// Coverage of the group's rows by the backbone at q = 1 (instances) and as shares at 1 and 0.5.
        public var coveredFull: Int
        public var coverageFull: Double
        public var coverageHalf: Double
        /// Misclassified groups: the size after removing the class's correct neurons.
        public var sizeAfterCleanup: Int?
    }

    public var groups: [GroupResult]
    public var classes: [Int]
    public var classesWithCorrectRows: [Int]
    public var emptyGroups: [String]
    public var seconds: Double
    public var explanation: Explanation
    /// Whether the explanation file's text parses back to the same backbones.
    public var explanationRoundTrip: Bool
    /// Correct-group backbones and groups by class; the misclassified groups' cleaned backbones.
    public var correctBackbones: [Int: ReferenceHeuristic.Backbone]
    public var correctGroups: [Int: Group]
    public var misclassified: [ClassBackbone]

    /// The correct-group backbones as the predictor takes them, by class.
    public var correct: [ClassBackbone] {
        correctBackbones.keys.sorted().map { ClassBackbone(label: $0, neurons: correctBackbones[$0]!.neurons, weights: correctBackbones[$0]!.weights) }
    }

    init(data: FoldData) throws {
        let started = ContinuousClock.now
        let layout = data.layout, database = data.trainTransactions.database
        let grouping = try Grouping(matrix: data.train, kinds: [.correct, .misclassified, .confusion])
        let result = try HeuristicExplanation(groups: grouping.groups, database: database, layout: layout)
        seconds = (ContinuousClock.now - started).seconds
        explanation = result.explanation
        explanationRoundTrip = (try? Explanation.parse(explanation.text)) == explanation
        let half = try CoverageRule(share: 0.5)
        groups = result.entries.map { e in
            let merged = GroupTransactions(database: database.selecting(e.group.instances), layout: layout)
            var g = GroupResult(group: e.group, distinctTransactions: merged.distinct.count, outcome: e.outcome,
                                coveredFull: 0, coverageFull: 0, coverageHalf: 0, sizeAfterCleanup: e.cleaned?.count)
            if case let .backbone(b) = e.outcome {
                g.coveredFull = merged.covered(by: b.neurons, rule: .full)
                g.coverageFull = Double(g.coveredFull) / Double(max(1, merged.instanceCount))
                g.coverageHalf = merged.coverage(of: b.neurons, rule: half)
            }
            return g
        }
        classes = data.train.classes
        classesWithCorrectRows = Set(grouping.groups.filter { $0.kind == .correct }.compactMap { g -> Int? in
            if case let .label(c) = g.key { return c } else { return nil }
        }).sorted()
        emptyGroups = grouping.emptyGroups
        var correctBackbones: [Int: ReferenceHeuristic.Backbone] = [:]
        var correctGroups: [Int: Group] = [:]
        var misclassified: [ClassBackbone] = []
        for e in result.entries {
            guard case let .label(c) = e.group.key, case let .backbone(b) = e.outcome else { continue }
            if e.group.kind == .correct { correctBackbones[c] = b; correctGroups[c] = e.group }
            if e.group.kind == .misclassified, let cleaned = e.cleaned {
                misclassified.append(ClassBackbone(label: c, neurons: cleaned.map(\.neuron), weights: cleaned.map(\.weight)))
            }
        }
        self.correctBackbones = correctBackbones
        self.correctGroups = correctGroups
        self.misclassified = misclassified
    }
}

/// Stage 2: the exact fronts of the correct groups at each share, the heuristic backbone placed
/// against each (the Pareto pipeline, without the greedy path).
public struct FrontsStage: Sendable {
    public var report: ParetoReport
    public var seconds: Double
    /// What computed the fronts, for the report.
    public var method: String
    public var timeLimit: Double
    public var frontMargin: Int?
    public var jobs: Int
    public var shares: [Double]
    /// The class of each correct group, by name.
    public var classOfGroup: [String: Int]

    init(data: FoldData, heuristic: HeuristicStage, settings: FoldExperiment.Settings, solver: ILPSolver,
         log: (@Sendable (String) -> Void)?) throws {
        let started = ContinuousClock.now
        let engines = FrontEngine.engines(solvers: [solver], method: settings.method)
        method = settings.method == .search
            ? "search (q = 1: branch and bound over transactions; q < 1: layer join)"
            : "\(solver.name) \(solver.version)"
        let inputs = heuristic.correctGroups.keys.sorted().map { c -> GroupInput in
            let g = heuristic.correctGroups[c]!
            return GroupInput(name: g.name, kind: g.kind, database: data.trainTransactions.database.selecting(g.instances),
                              referenceBackbone: heuristic.correctBackbones[c].map { .backbone($0) } ?? .noLayerCompleteItemset)
        }
        let pipeline = ParetoPipeline(layout: data.layout, rules: settings.shares, engines: engines,
                                      options: SolverOptions(timeLimit: settings.timeLimit), jobs: settings.jobs, greedy: false,
                                      frontMargin: settings.frontMargin) { line in
            if line.contains(": K=") { return }  // one line per front, not per point
            log?(line)
        }
        let q = settings.shares.map { Format.share($0.share) }.joined(separator: ",")
        report = try pipeline.run(inputs, settings: [
            ("fold", data.folder), ("solver", method), ("q", q), ("time limit per point", "\(settings.timeLimit) s"),
            ("front", settings.frontMargin.map { "from the smallest useful size to the heuristic's size + \($0) or full coverage" }
                ?? "from the smallest useful size to full coverage"),
        ])
        seconds = (ContinuousClock.now - started).seconds
        shares = settings.shares.map(\.share)
        classOfGroup = Dictionary(uniqueKeysWithValues: heuristic.correctGroups.map { ($0.value.name, $0.key) })
        timeLimit = settings.timeLimit
        frontMargin = settings.frontMargin
        jobs = settings.jobs
    }
}
