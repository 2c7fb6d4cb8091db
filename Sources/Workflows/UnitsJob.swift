import BackboneCore
import BackboneData
import FileSupport
import Foundation
import LinearModel
import Mining
import UnitAnalysis

/// `backbones units`: class-specific and class-shared units (Meynen, Behzadi-Khormouji &
/// Oramas) on a dense network — relevance transactions from training rows (or a file of unit
/// scores), rules and unit sets per class, and, with held-out rows, the ablation of every
/// class's set against size-matched random sets (docs/units.md).
public struct UnitsJob: Sendable {
    public struct Settings: Sendable {
        public var networkPath: String?
        /// Training rows (hidden activations or network inputs): relevance → transactions.
        public var activationsPath: String?
        /// Instead of `activationsPath`: per-instance unit scores (`UnitScores`).
        public var scoresPath: String?
        /// Held-out rows for the ablation.
        public var testPath: String?
        /// Layer widths of the scores' units (default: the network's, else one layer).
        public var layers: LayerLayout?
        public var top: TopUnits
        public var rules: RuleSettings
        /// Random sets per class and method.
        public var draws: Int
        public var seed: UInt64
        /// Also ablate the reference heuristic's backbones (correct groups of the training rows).
        public var heuristic: Bool
        /// Ablate only these classes (nil: every class of the network with held-out rows).
        public var classes: [Int]?
        /// Also the exact backbones and exact class-specific sets (cover fronts solved by an ILP backend).
        public var exact: ExactSets?
        /// Also the VEBI-style sets (non-negative lasso on the training rows' hidden activations).
        public var vebi: Bool
        /// The fronts (exact, VEBI) are ablated at every size `1…frontSizes` (at least 1).
        public var frontSizes: Int

        public init(networkPath: String? = nil, activationsPath: String? = nil, scoresPath: String? = nil,
                    testPath: String? = nil, layers: LayerLayout? = nil, top: TopUnits = TopUnits(k: 5, scope: .network),
                    rules: RuleSettings = RuleSettings(), draws: Int = 100, seed: UInt64 = 1, heuristic: Bool = false,
                    classes: [Int]? = nil, exact: ExactSets? = nil, vebi: Bool = false, frontSizes: Int = 10) {
            self.networkPath = networkPath
            self.activationsPath = activationsPath
            self.scoresPath = scoresPath
            self.testPath = testPath
            self.layers = layers
            self.top = top
            self.rules = rules
            self.draws = draws
            self.seed = seed
            self.heuristic = heuristic
            self.classes = classes
            self.exact = exact
            self.vebi = vebi
            self.frontSizes = frontSizes
        }

        /// What the settings cannot be, whatever the files hold (a usage error).
        public enum Problem: String, Sendable {
            case needsOneSource = "give the training rows or a unit scores file (one of them)"
            case relevanceNeedsNetwork = "relevance is computed from the network: the training rows need it"
            case ablationNeedsNetwork = "the ablation runs the network: held-out rows need it"
            case heuristicNeedsActivationsAndTest = "the heuristic's backbones come from the training activations and are ablated on held-out rows: both are needed"
            case noDraws = "random sets need at least 1 draw"
            case baselinesNeedTest = "the exact and VEBI sets are ablation baselines: they need held-out rows"
            case vebiNeedsActivations = "the VEBI sets are fitted to the training rows' hidden activations: they need the training rows"
            case noFrontSizes = "the fronts need at least one size"
        }

        public var problem: Problem? {
            if (activationsPath == nil) == (scoresPath == nil) { return .needsOneSource }
            if activationsPath != nil && networkPath == nil { return .relevanceNeedsNetwork }
            if testPath != nil && networkPath == nil { return .ablationNeedsNetwork }
            if heuristic && (activationsPath == nil || testPath == nil) { return .heuristicNeedsActivationsAndTest }
            if draws < 1 { return .noDraws }
            if (exact != nil || vebi) && testPath == nil { return .baselinesNeedTest }
            if vebi && activationsPath == nil { return .vebiNeedsActivations }
            if frontSizes < 1 { return .noFrontSizes }
            return nil
        }
    }

    /// One method's unit set for one class, ablated.
    public struct MethodResult: Sendable {
        public var method: String
        public var units: [Int]
        /// On the class's held-out rows.
        public var own: Ablation.Outcome
        /// On the other classes' held-out rows.
        public var others: Ablation.Outcome
        /// Size-matched random sets on the class's rows, one per draw.
        public var random: [Ablation.Outcome]

        public var randomAccuracy: Ablation.Spread { .init(random.map(\.accuracy)) }
        public var randomProbabilityDrop: Ablation.Spread { .init(random.map(\.probabilityDrop)) }
        /// `(1 + draws with accuracy ≤ the set's) / (draws + 1)`: how often chance hurts as much.
        public var empiricalP: Double {
            Double(1 + random.filter { $0.accuracy <= own.accuracy }.count) / Double(random.count + 1)
        }
    }

    public struct ClassAblation: Sendable {
        public var label: Int
        /// The intact network on the class's held-out rows and on the other classes' rows.
        public var intact: Ablation.Outcome
        public var intactOthers: Ablation.Outcome
        public var methods: [MethodResult]
    }

    /// One method over every class it has a set for.
    public struct MethodSummary: Sendable {
        public var method: String
        public var classes: Int
        public var meanSize: Double
        /// Means over the classes of the accuracy drop (intact − ablated) of the set and of
        /// its random twins' mean.
        public var meanAccuracyDrop: Double
        public var meanRandomAccuracyDrop: Double
        public var meanProbabilityDrop: Double
        public var meanRandomProbabilityDrop: Double
        /// Mean over the classes of the set's accuracy drop on the other classes' rows.
        public var meanOthersAccuracyDrop: Double
        /// Classes where the set lowers accuracy more than its random twins do on average.
        public var moreHarmfulThanRandom: Int
        /// Classes where at most 5 % of the random twins hurt as much (`empiricalP ≤ 0.05`).
        public var significant: Int
    }

    public struct Result: Sendable {
        public var settings: Settings
        /// Lines describing the input (for the report).
        public var description: [(String, String)]
        public var transactions: UnitTransactions
        public var units: ClassUnits
        /// Nil without held-out rows.
        public var ablation: [ClassAblation]?
        public var notes: [String]
        public var rulesSeconds: Double
        public var ablationSeconds: Double
        /// Every front set ablated (exact backbones, exact class-specific sets, VEBI), per class, method and size.
        public var fronts: [FrontSet] = []
        /// Seconds of the exact fronts (all solves) and of the VEBI paths.
        public var exactSeconds: Double = 0
        public var vebiSeconds: Double = 0

        /// Each method's means over the classes, in the methods' order.
        public var summary: [MethodSummary] {
            guard let ablation else { return [] }
            var names: [String] = []
            for c in ablation { for m in c.methods where !names.contains(m.method) { names.append(m.method) } }
            return names.map { name in
                let rows = ablation.compactMap { c in c.methods.first { $0.method == name }.map { (c, $0) } }
                func mean(_ f: ((ClassAblation, MethodResult)) -> Double) -> Double { rows.map(f).reduce(0, +) / Double(rows.count) }
                return MethodSummary(
                    method: name, classes: rows.count, meanSize: mean { Double($0.1.units.count) },
                    meanAccuracyDrop: mean { $0.0.intact.accuracy - $0.1.own.accuracy },
                    meanRandomAccuracyDrop: mean { $0.0.intact.accuracy - $0.1.randomAccuracy.mean },
                    meanProbabilityDrop: mean { $0.1.own.probabilityDrop },
                    meanRandomProbabilityDrop: mean { $0.1.randomProbabilityDrop.mean },
                    meanOthersAccuracyDrop: mean { $0.0.intactOthers.accuracy - $0.1.others.accuracy },
                    moreHarmfulThanRandom: rows.filter { $0.1.own.accuracy < $0.1.randomAccuracy.mean }.count,
                    significant: rows.filter { $0.1.empiricalP <= 0.05 }.count)
            }
        }
    }

    public var settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func run() throws -> Result {
        if let problem = settings.problem { throw InputError(problem.rawValue) }
        let network = try settings.networkPath.map { try UnitNetwork.read(path: $0) }
        var description: [(String, String)] = []
        var notes: [String] = []
        if let network, let path = settings.networkPath {
            description.append(("network", "\(path): \(network.inputWidth) inputs, hidden \(network.layout.widths.map(String.init).joined(separator: ",")) (\(network.activation.rawValue)), \(network.classCount) classes"))
        }
        let transactions: UnitTransactions
        var training: NetworkRows?
        if let path = settings.activationsPath, let network {
            let rows = try NetworkRows(Self.matrix(path), network: network, file: path)
            training = rows
            let (scores, predicted) = rows.relevances(network)
            transactions = try settings.top.transactions(scores: scores, labels: rows.labels, instances: Array(0 ..< rows.rowCount),
                                                         layout: network.layout)
            let wrong = zip(predicted, rows.outputs).filter { $0 != $1 }.count
            description.append(("transactions", "\(path): \(rows.rowCount) rows (\(rows.columns.rawValue)), relevance for the predicted class (\(wrong) misclassified), class item = true label"))
        } else {
            let path = settings.scoresPath!
            let scores = try UnitScores.read(path: path)
            let layout = settings.layers ?? network?.layout ?? .single(scores.unitCount)
            guard layout.neuronCount == scores.unitCount else {
                throw InputError(file: path, subject: settings.layers == nil ? nil : .layers, "\(scores.unitCount) unit columns, but the layers \(layout.widths.map(String.init).joined(separator: ",")) have \(layout.neuronCount) units: the shapes disagree")
            }
            if let network, network.layout != layout {
                throw InputError(file: path, "the units are in layers \(layout.widths.map(String.init).joined(separator: ",")) but the network's hidden layers are \(network.layout.widths.map(String.init).joined(separator: ","))")
            }
            transactions = try settings.top.transactions(scores: scores.scores, labels: scores.labels, instances: scores.instances, layout: layout)
            description.append(("transactions", "\(path): \(scores.scores.count) rows of unit scores, \(Set(scores.instances).count) instances"))
        }
        description.append(("units per transaction", Self.text(settings.top)))
        let clock = ContinuousClock()
        let rulesStart = clock.now
        let units = try ClassRuleMiner(settings: settings.rules).run(transactions)
        let rulesSeconds = (clock.now - rulesStart).seconds
        var ablation: [ClassAblation]?
        var ablationStart = clock.now
        var baselines = FrontBaselines()
        if let testPath = settings.testPath, let network {
            let heldOut = try NetworkRows(Self.matrix(testPath), network: network, file: testPath)
            let ruleSets = Dictionary(uniqueKeysWithValues: units.perClass.map { ($0.label, $0.units) })
            var methods: [(String, [Int: [Int]])] = [("rules", ruleSets)]
            if settings.heuristic { methods.append(("heuristic", try heuristicBackbones(notes: &notes))) }
            let labels = try ablatedLabels(network)
            baselines = try frontBaselines(transactions: transactions, training: training, network: network, labels: labels,
                                           ruleSets: ruleSets, notes: &notes)
            methods += baselines.matched
            ablationStart = clock.now
            let ablator = Ablation(network: network, rows: heldOut)
            ablation = ablate(ablator, labels: labels, methods: methods, notes: &notes)
            baselines.ablate(ablator, draws: settings.draws, seed: settings.seed, labels: labels)
            description.append(("held-out rows", "\(testPath): \(heldOut.rowCount) rows"))
        }
        var result = Result(settings: settings, description: description, transactions: transactions, units: units, ablation: ablation,
                            notes: notes, rulesSeconds: rulesSeconds, ablationSeconds: ablation == nil ? 0 : (clock.now - ablationStart).seconds)
        (result.fronts, result.exactSeconds, result.vebiSeconds) = (baselines.sets, baselines.exactSeconds, baselines.vebiSeconds)
        return result
    }

    /// Per class: the intact network, then each method's set, its effect on the other classes and its random twins.
    func ablate(_ ablation: Ablation, labels: [Int], methods: [(String, [Int: [Int]])], notes: inout [String]) -> [ClassAblation] {
        labels.enumerated().compactMap { (i, label) in
            let own = ablation.rows(ofClass: label)
            guard !own.isEmpty else {
                notes.append("class \(label) has no held-out rows: not ablated")
                return nil
            }
            let others = ablation.rows.labels.indices.filter { ablation.rows.labels[$0] != label }
            let results = methods.enumerated().compactMap { (m, method) -> MethodResult? in
                guard let units = method.1[label] else { return nil }
                let random = ablation.outcomes(ablating: ablation.randomSets(like: units, draws: settings.draws, seed: settings.seed,
                                                                               stream: UInt64(i) << 8 | UInt64(m)), on: own)
                return MethodResult(method: method.0, units: units, own: ablation.outcome(ablating: units, on: own),
                                    others: ablation.outcome(ablating: units, on: others), random: random)
            }
            return ClassAblation(label: label, intact: ablation.outcome(ablating: [], on: own),
                                 intactOthers: ablation.outcome(ablating: [], on: others), methods: results)
        }
    }

    /// The classes ablated: `--classes` (each one of the network's), else every class of the network.
    func ablatedLabels(_ network: UnitNetwork) throws -> [Int] {
        try settings.classes.map { asked in
            try asked.map { c in
                guard network.output(ofClass: c) != nil else {
                    throw InputError("class \(c) was asked for, but the network's classes are \(network.classes.map(String.init).joined(separator: ", "))")
                }
                return c
            }
        } ?? network.classes
    }

    /// The reference heuristic's backbone of each correct group (the authors' binarization:
    /// weighted by the network, k = 50 per layer shares).
    func heuristicBackbones(notes: inout [String]) throws -> [Int: [Int]] {
        let spec = ActivationSpec(path: settings.activationsPath!, networkPath: settings.networkPath!)
        let loaded = try spec.load(groups: GroupSelection(kinds: [.correct]))
        var backbones: [Int: [Int]] = [:]
        for group in loaded.groups {
            guard case let .label(c) = group.key else { continue }
            switch try ReferenceHeuristic().run(loaded.database(of: group), layout: loaded.layout) {
            case let .backbone(b): backbones[c] = b.neurons
            case .noLayerCompleteItemset: notes.append("\(group.name): no layer-complete itemset at any support, no heuristic backbone")
            case .emptyGroup: break
            }
        }
        return backbones
    }

    /// The rows of a data file with their labels (CSV, .npz with labels, rows). The reader's
    /// settings (a separate labels file, columns) are not this job's, so its errors name none.
    static func matrix(_ path: String) throws -> ActivationMatrix {
        do {
            return try ActivationSpec(path: path).read().matrix
        } catch var error as InputError {
            error.subject = nil
            throw error
        }
    }

    static func text(_ top: TopUnits) -> String {
        switch top.scope {
        case .network: return "the \(top.k) most relevant units of the network (positive relevance only)"
        case .eachLayer: return "the \(top.k) most relevant units of each layer (positive relevance only)"
        case .reference: return "floor(\(top.k)·w_l/n) most relevant units of each layer (positive relevance only)"
        case let .layer(l): return "the \(top.k) most relevant units of layer \(l + 1) (positive relevance only)"
        }
    }
}
