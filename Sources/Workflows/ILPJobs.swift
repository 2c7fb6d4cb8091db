import BackboneCore
import BackboneData
import Foundation
import LinearModel
import Mining

/// A model solved by every backend given, checked for agreement: two backends that both prove
/// an optimum must find the same one (else `CoreError.solverDisagreement`).
public struct Backends: Sendable {
    public var solvers: [ILPSolver]
    public var options: SolverOptions
    /// Called around each solve (for a progress ticker): `(backend, model name, started)`.
    public var progress: (@Sendable (String, String, Bool) -> Void)?

    public init(solvers: [ILPSolver], options: SolverOptions, progress: (@Sendable (String, String, Bool) -> Void)? = nil) {
        self.solvers = solvers
        self.options = options
        self.progress = progress
    }

    public func solve(_ model: Model, compiled given: CompiledModel? = nil) throws -> [SolveResult] {
        let results = solveEach(try given ?? model.compile())
        if let problem = SolveResult.disagreement(among: results) { throw CoreError.solverDisagreement(problem) }
        return results
    }

    /// Every backend's result, without the agreement check (the caller reports first).
    public func solveEach(_ compiled: CompiledModel) -> [SolveResult] {
        solvers.map { backend -> SolveResult in
            progress?(backend.name, compiled.name, true)
            defer { progress?(backend.name, compiled.name, false) }
            return backend.solve(compiled, options: options)
        }
    }
}

/// `ilp --model cover`, per group: the best coverage with at most `budget` neurons, the smallest
/// backbone covering a share `alpha` of the group, or (neither) the whole exact front.
public struct CoverILPJob: Sendable {
    public enum Goal: Sendable, Equatable {
        case front
        case budget(Int)
        case coverage(Double)
    }

    public struct Solved: Sendable {
        public var result: SolveResult
        public var backbone: [Int]
        public var covered: Int
    }

    public struct GroupResult: Sendable {
        public var group: String
        public var instances: Int
        /// Whole fronts, one per engine (`.front`).
        public var fronts: [ExactFront]
        /// One solve per backend (`.budget`, `.coverage`); `target` = instances to cover.
        public var solved: [Solved]
        public var target: Int?
        /// Why nothing was solved, when the answer is known without a solver.
        public var note: String?
    }

    public var rule: CoverageRule
    public var goal: Goal
    public var engines: [FrontEngine]
    public var backends: Backends

    public init(rule: CoverageRule, goal: Goal, engines: [FrontEngine], backends: Backends) {
        self.rule = rule
        self.goal = goal
        self.engines = engines
        self.backends = backends
    }

    /// Instances to cover for `alpha` of `count` (rounded up, with the toolkit's 1e-9 slack).
    public static func target(_ alpha: Double, of count: Int) -> Int { Share.count(alpha, of: count) }

    /// The model `goal` solves for a group (nil for whole fronts).
    public func model(for group: GroupTransactions) -> Model? {
        let cover = CoverModel(group: group, rule: rule)
        switch goal {
        case .front: return nil
        case let .budget(k): return cover.maxCoverage(budget: k)
        case let .coverage(a): return cover.minSize(covering: Self.target(a, of: group.instanceCount))
        }
    }

    public func run(_ loaded: LoadedActivations, onPoint: (@Sendable (String, String, FrontPoint) -> Void)? = nil) throws -> [GroupResult] {
        try loaded.groups.map { g in
            let merged = GroupTransactions(database: loaded.database(of: g), layout: loaded.layout)
            let cover = CoverModel(group: merged, rule: rule)
            var out = GroupResult(group: g.name, instances: merged.instanceCount, fronts: [], solved: [], target: nil)
            guard let model = model(for: merged) else {
                for engine in engines {
                    let front = try engine.run(cover, groupName: g.name, options: backends.options) { onPoint?(g.name, engine.name, $0) }
                    for other in out.fronts {
                        if let problem = other.disagreement(with: front) { throw CoreError.solverDisagreement(problem) }
                    }
                    out.fronts.append(front)
                }
                return out
            }
            if case let .coverage(a) = goal { out.target = Self.target(a, of: merged.instanceCount) }
            if case let .budget(k) = goal, k < cover.minimumUsefulSize {
                out.note = "nothing is coverable with fewer than \(cover.minimumUsefulSize) neurons (the least any instance needs at \(rule)): at most \(k) neurons cover 0; no solve run"
                return out
            }
            out.solved = try backends.solve(model).map { r in
                let backbone = r.values.map(cover.backbone(from:)) ?? []
                return Solved(result: r, backbone: backbone, covered: merged.covered(by: backbone, rule: rule))
            }
            return out
        }
    }
}

/// `ilp --model joint`: the cover models of all selected groups side by side, each backbone at
/// most `budget` neurons, with the diversity rows (`JointCoverModel`).
public struct JointILPJob: Sendable {
    public struct GroupPart: Sendable {
        public var group: String
        public var backbone: [Int]
        public var covered: Int
        public var instances: Int
    }

    public struct Solved: Sendable {
        public var result: SolveResult
        /// Per group, when the backend found a solution.
        public var groups: [GroupPart]?
    }

    public var rule: CoverageRule
    public var budget: Int
    public var beta: Double
    public var backends: Backends

    public init(rule: CoverageRule, budget: Int, beta: Double, backends: Backends) {
        self.rule = rule
        self.budget = budget
        self.beta = beta
        self.backends = backends
    }

    public func model(_ loaded: LoadedActivations) throws -> (JointCoverModel, [(String, GroupTransactions)]) {
        let merged = loaded.groups.map { ($0.name, GroupTransactions(database: loaded.database(of: $0), layout: loaded.layout)) }
        return (try JointCoverModel(groups: merged, rule: rule, budget: budget, beta: beta), merged)
    }

    public func run(_ loaded: LoadedActivations) throws -> [Solved] {
        let (joint, merged) = try model(loaded)
        return try backends.solve(joint.build()).map { r in
            Solved(result: r, groups: r.values.map { values in
                zip(merged, joint.backbones(from: values)).map { named, b in
                    GroupPart(group: named.0, backbone: b, covered: named.1.covered(by: b, rule: rule), instances: named.1.instanceCount)
                }
            })
        }
    }
}

/// `ilp --model reference`: the authors' Section 3 model over all selected groups at once,
/// solved as its exact reduction (same optimum) unless `reduce` is off.
public struct ReferenceILPJob: Sendable {
    public struct Built: Sendable {
        public var model: Model
        public var compiled: CompiledModel
        public var reduced: Bool
        public var buildSeconds: Double
        let reference: ReferenceModel
        let reduction: ReducedReferenceModel?
    }

    public struct Solved: Sendable {
        public var result: SolveResult
        public var solution: ReferenceModel.Solution?
    }

    public var budgets: ReferenceModel.Budgets
    public var sense: ObjectiveSense
    public var reduce: Bool
    public var backends: Backends

    public init(budgets: ReferenceModel.Budgets, sense: ObjectiveSense, reduce: Bool, backends: Backends) {
        self.budgets = budgets
        self.sense = sense
        self.reduce = reduce
        self.backends = backends
    }

    /// The model to solve, built and compiled (the build time is reported, for the benchmarks).
    public func build(_ loaded: LoadedActivations) throws -> Built {
        let started = ContinuousClock.now
        let reference = try ReferenceModel(groups: loaded.groups.map { ($0.name, loaded.database(of: $0).itemLists) },
                                           layout: loaded.layout, budgets: budgets, sense: sense)
        let reduction = reduce ? reference.reduced() : nil
        let model = reduction?.build() ?? reference.build()
        let compiled = try model.compile()
        return Built(model: model, compiled: compiled, reduced: reduction != nil,
                     buildSeconds: (ContinuousClock.now - started).seconds, reference: reference, reduction: reduction)
    }

    public func solve(_ built: Built) throws -> [Solved] {
        try backends.solve(built.model, compiled: built.compiled).map { r in
            Solved(result: r, solution: r.values.map { built.reduction?.solution(from: $0) ?? built.reference.solution(from: $0) })
        }
    }
}
