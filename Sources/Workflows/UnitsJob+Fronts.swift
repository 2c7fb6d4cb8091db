import BackboneCore
import FileSupport
import Foundation
import LinearModel
import Mining
import UnitAnalysis

/// The front baselines of `backbones units` (docs/units.md, "Exact and VEBI sets"): per class,
/// the exact backbones (the cover front of the class's relevance transactions), the exact
/// class-specific sets (the same front with the others' row, `ClassSpecificModel`) and the
/// VEBI-style sets, at every size `1…frontSizes`; each ablated with its size-matched random sets,
/// and the set at the rule set's size added to the main table.
extension UnitsJob {
    /// How the exact sets are computed.
    public struct ExactSets: Sendable {
        /// The share of the other classes' transactions a class-specific set may cover.
        public var epsilon: Double
        /// The coverage rule (share `q`) for the class's and the others' transactions.
        public var rule: CoverageRule
        public var solver: ILPSolver
        public var options: SolverOptions

        /// `epsilon` in [0, 1], `share` (q) in (0, 1]; anything else is an input error.
        public init(epsilon: Double = 0, share: Double = 1, solver: ILPSolver, options: SolverOptions) throws {
            guard epsilon >= 0, epsilon <= 1 else { throw InputError("--epsilon: the others' share must be in [0, 1], got \(epsilon)") }
            guard share > 0, share <= 1 else { throw InputError("--share: the coverage share q must be in (0, 1], got \(share)") }
            self.epsilon = epsilon
            self.rule = try CoverageRule(share: share)
            self.solver = solver
            self.options = options
        }
    }

    /// For an exact set: what it covers, and how the backend left the point.
    public struct CoverFacts: Sendable {
        /// The class's (non-empty) transactions covered, of `instances`.
        public var covered: Int
        public var instances: Int
        /// The other classes' transactions covered, of `otherInstances` (allowed: `allowance`).
        public var othersCovered: Int
        public var otherInstances: Int
        public var allowance: Int
        public var status: SolveStatus
        public var bound: Double?
        public var seconds: Double
    }

    /// One set of a front: a method's set of at most `budget` units for class `label`.
    public struct FrontSet: Sendable {
        public var label: Int
        public var method: String
        public var budget: Int
        public var units: [Int]
        public var cover: CoverFacts?
        /// Nil when the class has no held-out rows.
        public var result: MethodResult?
    }

    public static let exactBackboneMethod = "exact-backbone", exactSpecificMethod = "exact-specific", vebiMethod = "vebi"

    /// The front sets of every class, and the sets at the rule sets' sizes.
    struct FrontBaselines {
        var sets: [FrontSet] = []
        /// Per method, each class's set at its rule set's size (for the main table).
        var matched: [(String, [Int: [Int]])] = []
        var exactSeconds = 0.0
        var vebiSeconds = 0.0

        /// Ablates every set on its class's held-out rows (and the others'), beside `draws` random sets
        /// of the same layer counts. Sets with the same layer counts in a class share their random
        /// sets (seeded by the class and the counts), so a front costs one batch per distinct shape.
        mutating func ablate(_ ablation: Ablation, draws: Int, seed: UInt64, labels: [Int]) {
            let layout = ablation.network.layout
            var cache: [[Int]: [Ablation.Outcome]] = [:]
            for (index, set) in sets.enumerated() {
                guard let i = labels.firstIndex(of: set.label) else { continue }
                let own = ablation.rows(ofClass: set.label)
                guard !own.isEmpty else { continue }
                let others = ablation.rows.labels.indices.filter { ablation.rows.labels[$0] != set.label }
                var counts = [Int](repeating: 0, count: layout.layerCount)
                for u in set.units { counts[layout.layer(of: u)] += 1 }
                let key = [set.label] + counts
                if cache[key] == nil {
                    let shape = counts.reduce(UInt64(0)) { $0 &* 1_000_003 &+ UInt64($1) } & 0xFF_FFFF_FFFF
                    let stream = UInt64(i) << 41 | 1 << 40 | shape
                    cache[key] = ablation.outcomes(ablating: ablation.randomSets(like: set.units, draws: draws, seed: seed, stream: stream), on: own)
                }
                sets[index].result = MethodResult(method: set.method, units: set.units, own: ablation.outcome(ablating: set.units, on: own),
                                                  others: ablation.outcome(ablating: set.units, on: others), random: cache[key]!)
            }
        }
    }

    /// Exact fronts and VEBI paths for the classes in `labels`.
    func frontBaselines(transactions: UnitTransactions, training: NetworkRows?, network: UnitNetwork, labels: [Int],
                        ruleSets: [Int: [Int]], notes: inout [String]) throws -> FrontBaselines {
        var baselines = FrontBaselines()
        let clock = ContinuousClock()
        if let exact = settings.exact {
            let start = clock.now
            var backbones: [Int: [Int]] = [:], specific: [Int: [Int]] = [:]
            for label in labels {
                let size = ruleSets[label]?.count
                let largest = max(settings.frontSizes, size ?? 0)
                let own = transactions.rows.filter { $0.label == label && !$0.units.isEmpty }.map(\.units)
                let others = transactions.rows.filter { $0.label != label && !$0.units.isEmpty }.map(\.units)
                guard !own.isEmpty else {
                    notes.append("class \(label) has no training transactions: no exact sets")
                    continue
                }
                let group = GroupTransactions(transactions: own, layout: transactions.layout)
                let rest = GroupTransactions(transactions: others, layout: transactions.layout)
                for (method, epsilon) in [(Self.exactBackboneMethod, 1.0), (Self.exactSpecificMethod, exact.epsilon)] {
                    let model = try ClassSpecificModel(group: group, others: rest, rule: exact.rule, epsilon: epsilon)
                    let front = try ClassSpecificFront(options: exact.options, maxBudget: largest)
                        .run(model, groupName: "class \(label) (\(method))", solver: exact.solver)
                    func point(_ budget: Int) -> FrontPoint? { front.points.last { $0.budget <= budget } }
                    for budget in 1 ... settings.frontSizes {
                        guard let p = point(budget), !p.backbone.isEmpty else { continue }
                        baselines.sets.append(FrontSet(label: label, method: method, budget: budget, units: p.backbone,
                                                       cover: facts(p, model), result: nil))
                    }
                    let unproven = front.points.filter { !$0.isProvenOptimal }.count
                    if unproven > 0 { notes.append("class \(label), \(method): \(unproven) of \(front.points.count) front points not proven optimal within the time limit (their gap is in units.json)") }
                    if let size, let p = point(size), !p.backbone.isEmpty {
                        if method == Self.exactBackboneMethod { backbones[label] = p.backbone } else { specific[label] = p.backbone }
                    }
                }
            }
            baselines.matched += [(Self.exactBackboneMethod, backbones), (Self.exactSpecificMethod, specific)]
            baselines.exactSeconds = (clock.now - start).seconds
        }
        if settings.vebi, let training {
            let start = clock.now
            var activations: [Double] = []
            activations.reserveCapacity(training.rowCount * network.unitCount)
            for r in 0 ..< training.rowCount { activations += network.evaluate(training.row(r), from: training.start).hidden }
            // A one-layer scope restricts the sets to that layer, as it does the transactions.
            var allowed: Set<Int>?
            if case let .layer(l) = settings.top.scope { allowed = Set(network.layout.range(ofLayer: l)) }
            let vebi = VEBISets(activations: activations, labels: training.labels, unitCount: network.unitCount, allowed: allowed)
            var matched: [Int: [Int]] = [:]
            for label in labels {
                let size = ruleSets[label]?.count
                let sets = vebi.sets(forClass: label, sizes: Array(1 ... settings.frontSizes) + (size.map { [$0] } ?? []))
                for budget in 1 ... settings.frontSizes where !(sets[budget] ?? []).isEmpty {
                    baselines.sets.append(FrontSet(label: label, method: Self.vebiMethod, budget: budget, units: sets[budget]!, cover: nil, result: nil))
                }
                if let size, let set = sets[size], !set.isEmpty { matched[label] = set }
            }
            baselines.matched.append((Self.vebiMethod, matched))
            baselines.vebiSeconds = (clock.now - start).seconds
        }
        return baselines
    }

    func facts(_ p: FrontPoint, _ model: ClassSpecificModel) -> CoverFacts {
        CoverFacts(covered: p.covered, instances: model.group.instanceCount, othersCovered: model.othersCovered(by: p.backbone),
                   otherInstances: model.others.instanceCount, allowance: model.allowance, status: p.status,
                   bound: p.bound, seconds: p.seconds)
    }
}

extension UnitsJob.Result {
    /// One method at one size of its front: means over the classes that have a set there.
    public struct FrontMean: Sendable {
        public var method: String
        public var budget: Int
        public var classes: Int
        public var meanSize: Double
        public var meanAccuracyDrop: Double
        /// Means over the classes of the random sets' mean drop and of their sd.
        public var meanRandomAccuracyDrop: Double
        public var meanRandomSD: Double
        public var meanOthersAccuracyDrop: Double
        public var moreHarmfulThanRandom: Int
        /// Exact sets: mean share of the class's transactions covered, and of the others'.
        public var meanCoverage: Double?
        public var meanOthersCoverage: Double?
    }

    /// Per method and size of the fronts, the means over the ablated classes.
    public var frontMeans: [FrontMean] {
        guard let ablation else { return [] }
        let intact = Dictionary(uniqueKeysWithValues: ablation.map { ($0.label, ($0.intact.accuracy, $0.intactOthers.accuracy)) })
        var keys: [(String, Int)] = []
        for s in fronts where !keys.contains(where: { $0 == (s.method, s.budget) }) { keys.append((s.method, s.budget)) }
        return keys.compactMap { key in
            let rows = fronts.filter { $0.method == key.0 && $0.budget == key.1 && $0.result != nil && intact[$0.label] != nil }
            guard !rows.isEmpty else { return nil }
            func mean(_ f: (UnitsJob.FrontSet) -> Double) -> Double { rows.map(f).reduce(0, +) / Double(rows.count) }
            let covers = rows.compactMap(\.cover)
            return FrontMean(
                method: key.0, budget: key.1, classes: rows.count, meanSize: mean { Double($0.units.count) },
                meanAccuracyDrop: mean { intact[$0.label]!.0 - $0.result!.own.accuracy },
                meanRandomAccuracyDrop: mean { intact[$0.label]!.0 - $0.result!.randomAccuracy.mean },
                meanRandomSD: mean { $0.result!.randomAccuracy.sd },
                meanOthersAccuracyDrop: mean { intact[$0.label]!.1 - $0.result!.others.accuracy },
                moreHarmfulThanRandom: rows.filter { $0.result!.own.accuracy < $0.result!.randomAccuracy.mean }.count,
                meanCoverage: covers.isEmpty ? nil : covers.map { Double($0.covered) / Double($0.instances) }.reduce(0, +) / Double(covers.count),
                meanOthersCoverage: covers.isEmpty ? nil : covers.map { Double($0.othersCovered) / Double(max(1, $0.otherInstances)) }.reduce(0, +) / Double(covers.count))
        }
    }
}
