import ArgumentParser
import BackboneCore
import BackboneData
import Workflows
import FileSupport
import GLPKBackend
import Report

/// `backbones experiment`: every experiment of paper-repro/ on one exported fold (`FoldExperiment`).
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "The paper's experiments on one cross-validation fold: backbones, exact fronts, reference ILP, uses on the held-out rows.",
        discussion: """
        Reads a fold exported by paper-repro/train_folds.py (train.csv and test.csv with label and \
        predicted columns, network.npz, weights.csv) and writes into --output: \
        heuristic.json (correct, misclassified and confusion backbones of the training rows: \
        reference heuristic, authors' binarization k = --k weighted by weights.csv) and \
        explanation.txt (the same backbones in the authors' three-line format); \
        exact_fronts.json and pareto/ (per class with correct rows and per --q: the whole exact \
        front, from the smallest useful size to full coverage (by the combinatorial search at \
        every q, see --method; --front-margin caps it), each point with its status, and its bound \
        and gap if --time-limit stopped it, and where the heuristic backbone stands; pareto/ holds report.json, report.csv, summary.txt and the SVG \
        plots); reference_ilp.json (the authors' Section 3 model over the correct groups, both \
        senses, code budgets ρ1 = 0.28, ρ2 = 0, ρ3 = 0.55, solved as its exact reduction (same \
        optimum; see `ilp --help`), --reference-time-limit per solve; the \
        max sense starts from the min sense's solution); \
        uses.json (on test.csv: the explanation-augmented predictor's agreement with the truth \
        and with the network, mistake flags from the misclassified-group backbones with recall, \
        precision and the accuracy change when flagged predictions are replaced, and the \
        authors' predictor as their code computes it). See paper-repro/README.md.
        """
    )

    @Option(help: "Fold folder: train.csv, test.csv, network.npz, weights.csv.")
    var fold: String

    @Option(help: "Folder for the JSON files, explanation.txt and pareto/.")
    var output: String

    @Option(help: "k of the authors' binarization (floor(k·w_l/n) neurons per layer).")
    var k: Int = BinarizationRule.referenceK

    @Option(help: "Time limit per exact front point, in seconds.")
    var timeLimit: Double = 10

    @Option(help: "Coverage shares q of the exact fronts, comma-separated.")
    var q: String = "1,0.5"

    @Option(help: "Cap each exact front at the heuristic backbone's size + this many (default: whole fronts, to full coverage).")
    var frontMargin: Int?

    @Option(help: "How exact fronts are computed: search (the combinatorial branch and bound at every q, exact) or ilp (the cover ILP with GLPK).")
    var method: FrontEngine.Method = .search

    @Option(help: "Time limit per reference-ILP solve (each sense), in seconds.")
    var referenceTimeLimit: Double = 10

    @Option(help: "Exact fronts solved in parallel.")
    var jobs: Int = 2

    @Flag(help: "Skip the exact fronts.")
    var noExact = false

    @Flag(help: "Skip the reference ILP.")
    var noReference = false

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1") }
        if !(timeLimit > 0) || !(referenceTimeLimit > 0) { throw ValidationError("time limits must be positive") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let frontMargin, frontMargin < 0 { throw ValidationError("--front-margin must be at least 0") }
        if method == .both { throw ValidationError("--method both is not offered here: use search or ilp") }
        _ = try CoverageRule.parseShares(q)
    }

    func run() throws {
        let started = ContinuousClock.now
        try TextFile.createFolder(output)  // before the work: a bad --output fails at once
        let settings = FoldExperiment.Settings(k: k, shares: try CoverageRule.parseShares(q), timeLimit: timeLimit,
                                               frontMargin: frontMargin, method: method, referenceTimeLimit: referenceTimeLimit,
                                               jobs: jobs, exactFronts: !noExact, referenceILP: !noReference)
        let result = try FoldExperiment(settings: settings, solver: GLPK(), log: Stderr.lineLogger()).run(fold: fold)
        try FoldExperimentWriter.write(result, to: output)
        Stderr.print("\(fold): done in \(Format.fixed((ContinuousClock.now - started).seconds, 1)) s")
        print("wrote \(output)")
    }
}
