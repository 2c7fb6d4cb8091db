import ArgumentParser
import Mining
import Report
import UnitAnalysis
import Workflows

/// `backbones units`: class-specific and class-shared units, checked by ablation (docs/units.md).
struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Class-specific and class-shared units: relevance transactions, rules, unit sets, ablation against random sets.",
        discussion: """
        The relevance (gradient × activation for the predicted class) of every hidden unit of --network on the --activations rows (its \
        inputs or its hidden activations), or --scores from any framework: the top --k units and the true label make a transaction; per class, \
        rules A → c, and the union of their antecedents as the class's set. With --test each set is ablated on the class's held-out rows, beside \
        --draws random sets of the same size in the same layers; --exact and --vebi add exact backbones, exact class-specific sets and VEBI sets \
        as fronts. Writes units.json, summary.txt, rules.csv, units.csv, transactions.csv, ablation.csv, ablation.svg (front.csv, front.svg); docs/units.md.
        """
    )

    @Option(help: "Network .npz (W0..Wk, b0..bk; activation, classes).") var network: String?
    @Option(help: "Training rows: network inputs or hidden activations (.csv, .npz with labels, rows).") var activations: String?
    @Option(help: "Instead of --activations: unit scores, CSV (label, optional instance, a column per unit).") var scores: String?
    @Option(help: "Held-out rows for the ablation (the columns of --activations).") var test: String?
    @Option(help: "Layer widths of the --scores units (default: the network's).") var layers: String?
    @Option(help: "Units per transaction: the k most relevant.") var k = 5
    @Option(help: "Where: network, layer (k per layer), reference (floor(k·w_l/n) per layer), or a layer number.") var scope = "network"
    @Option(help: "Minimum support of an itemset in its class (transactions).") var minSupport = 2
    @Option(help: "Minimum confidence of a rule.") var minConfidence = 0.5
    @Option(help: "Rules kept per class (by support × confidence) before pruning.") var rulesPerClass = 10
    @Option(help: "standard: supp(A ∪ {c})/supp(A); authors: their code (label-agnostic, no unit 0).") var confidence = RuleSettings.Confidence.standard
    @Option(help: "Random sets per class and method.") var draws = 100
    @Option(help: "Seed of the random sets.") var seed: UInt64 = 1
    @Flag(help: "Also ablate the reference heuristic's backbones (correct groups of --activations).") var heuristic = false
    @Option(help: "Ablate only these classes (comma-separated labels).") var classes: String?
    @Flag(help: "Also the exact backbones and exact class-specific sets (cover fronts of the transactions, by --solver).") var exact = false
    @Option(help: "Share of the other classes' transactions a class-specific set may cover.") var epsilon = 0.0
    @Option(help: "Coverage share q of the exact sets (a set covers a transaction holding ⌈q·|t∩L|⌉ of its units per layer).") var share = 1.0
    @Option(help: "ILP backend of the exact sets: glpk or cbc.") var solver = SolverChoice.glpk
    @OptionGroup var solverOptions: SolverOptionGroup
    @Flag(help: "Also the VEBI-style sets (non-negative lasso on the hidden activations of --activations).") var vebi = false
    @Option(help: "Ablate the exact and VEBI sets at every size 1…this.") var frontSizes = 10
    @Option(help: "Output folder (created if missing).") var output: String

    func settings() throws -> UnitsJob.Settings {
        guard let top = TopUnits(k: k, scopeText: scope) else { throw ValidationError("--scope takes network, layer, reference or a layer number (1, 2, …); got '\(scope)'") }
        let labels = try classes?.split(separator: ",").map { part in
            try Int(part.trimmingCharacters(in: .whitespaces)) ?? { throw ValidationError("--classes takes integer labels; got '\(part)'") }()
        }
        let rules = RuleSettings(minimumSupport: minSupport, minimumConfidence: minConfidence, rulesPerClass: rulesPerClass, confidence: confidence)
        guard solver != .both else { throw ValidationError("--solver takes glpk or cbc here (one backend for the exact sets)") }
        return UnitsJob.Settings(networkPath: network, activationsPath: activations, scoresPath: scores, testPath: test,
                                 layers: try layers.map(LayerLayout.fromOption), top: top, rules: rules, draws: draws, seed: seed,
                                 heuristic: heuristic, classes: labels, exact: exact ? try .init(epsilon: epsilon, share: share, solver: solver.solvers[0],
                                 options: solverOptions.solverOptions) : nil, vebi: vebi, frontSizes: frontSizes)
    }

    func validate() throws {
        switch try settings().problem {
        case .needsOneSource: throw ValidationError("give --activations (with --network) or --scores, one of them")
        case .relevanceNeedsNetwork: throw ValidationError("--activations needs --network (relevance is computed from it)")
        case .ablationNeedsNetwork: throw ValidationError("--test needs --network (the ablation runs it)")
        case .heuristicNeedsActivationsAndTest: throw ValidationError("--heuristic needs --activations and --test")
        case .noDraws: throw ValidationError("--draws must be at least 1")
        case .baselinesNeedTest: throw ValidationError("--exact and --vebi need --test (they are ablation baselines)")
        case .vebiNeedsActivations: throw ValidationError("--vebi needs --activations (it is fitted to their hidden activations)")
        case .noFrontSizes: throw ValidationError("--front-sizes must be at least 1")
        case nil: break
        }
    }

    func run() throws {
        let result = try UnitsJob(settings: try settings()).run()
        let paths = try UnitsWriter.write(result, to: output)
        print(UnitsTable.text(result) + "wrote " + paths.joined(separator: ", "))
    }
}

extension RuleSettings.Confidence: ExpressibleByArgument {}
