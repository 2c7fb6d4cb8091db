import ArgumentParser
import BackboneCore
import BackboneData
import FileSupport
import GLPKBackend
import Foundation
import LinearModel
import Mining
import Report

/// `backbones experiment`: every experiment of paper-repro/ on one exported fold.
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

    @Option(help: "Exact fronts solved in parallel (GLPK).")
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
        _ = try shares()
    }

    func shares() throws -> [CoverageRule] { try CoverageRule.parseShares(q) }

    func run() throws {
        let started = Date()
        let dir = URL(fileURLWithPath: fold)
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let columns = CSVFormat.Columns(label: "label", prediction: "predicted")
        let train = try CSVFormat.read(path: path("train.csv"), columns: columns)
        let test = try CSVFormat.read(path: path("test.csv"), columns: columns)
        let network = try DenseNetwork.read(path: path("network.npz"))
        let layout = try network.layout(file: path("network.npz"))
        try layout.checkInput(columnCount: train.columnCount, file: path("train.csv"))
        try layout.checkInput(columnCount: test.columnCount, file: path("test.csv"))
        let weights = try NeuronWeights.read(path: path("weights.csv"))
        try weights.check(neuronCount: layout.neuronCount, file: path("weights.csv"))
        let fromNetwork = network.neuronWeights().values
        let weightDiff = zip(weights.values, fromNetwork).map { abs($0 - $1) }.max() ?? 0
        guard test.predictedLabels != nil, train.predictedLabels != nil else {
            throw InputError(file: path("train.csv"), "the fold's CSVs need a 'predicted' column")
        }
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: output), withIntermediateDirectories: true)
        func out(_ name: String) -> String { URL(fileURLWithPath: output).appendingPathComponent(name).path }

        let rule = BinarizationRule.reference(k: k)
        let trainBin = try Binarizer.binarize(train, layout: layout, weights: weights, rule: rule)
        let testBin = try Binarizer.binarize(test, layout: layout, weights: weights, rule: rule)
        let input: [(String, JSON)] = [
            ("fold", .string(fold)), ("layers", .array(layout.widths.map { .int($0) })),
            ("neurons", .int(layout.neuronCount)), ("k", .int(k)),
            ("kept_per_layer", .array((trainBin.keptPerLayer ?? []).map { .int($0) })),
            ("train_rows", .int(train.rowCount)), ("test_rows", .int(test.rowCount)),
            ("weights_vs_network_max_abs_diff", .number(weightDiff)),
        ]

        // 1. Heuristic backbones of the training rows.
        let t0 = Date()
        let grouping = try Grouping(matrix: train, kinds: [.correct, .misclassified, .confusion])
        let explanation = try HeuristicExplanation(groups: grouping.groups, database: trainBin.database, layout: layout)
        let heuristicSeconds = Date().timeIntervalSince(t0)
        let explanationText = explanation.explanation.text
        try TextFile.writeAtomically(explanationText, to: out("explanation.txt"))
        let roundTrip = (try? Explanation.parse(explanationText)) == explanation.explanation
        var heuristicGroups: [JSON] = []
        for e in explanation.entries {
            let merged = GroupTransactions(database: trainBin.database.selecting(e.group.instances), layout: layout)
            var fields: [(String, JSON)] = [("group", .string(e.group.name)), ("kind", .string(e.group.kind.rawValue)),
                                            ("instances", .int(e.group.count)), ("distinct_transactions", .int(merged.distinct.count))]
            switch e.outcome {
            case let .backbone(b):
                let covered = merged.covered(by: b.neurons, rule: .full)
                fields += [("size", .int(b.neurons.count)), ("covered_q1", .int(covered)),
                           ("coverage_q1", .number(Double(covered) / Double(max(1, merged.instanceCount)))),
                           ("coverage_q0.5", .number(merged.coverage(of: b.neurons, rule: try CoverageRule(share: 0.5)))),
                           ("max_minsup", .number(b.maxMinsup)), ("levels_accepted", .int(b.levels.filter(\.accepted).count)),
                           ("stop_reason", .string(b.stopReason)),
                           ("neurons", .array(b.weightedNeurons.map { .array([.int($0.neuron), .number($0.weight)]) }))]
                if let cleaned = e.cleaned { fields.append(("size_after_cleanup", .int(cleaned.count))) }
            case .noLayerCompleteItemset:
                fields.append(("note", .string("no layer-complete itemset at any support: no backbone")))
            case .emptyGroup:
                fields.append(("note", .string("empty group")))
            }
            heuristicGroups.append(.object(fields))
        }
        let classes = train.classes
        let correctClasses = Set(grouping.groups.filter { $0.kind == .correct }.compactMap { g -> Int? in
            if case let .label(c) = g.key { return c } else { return nil }
        })
        try writeJSON(.object([
            ("experiment", .string("heuristic")), ("input", .object(input)),
            ("classes", .array(classes.map { .int($0) })),
            ("classes_with_correct_rows", .array(correctClasses.sorted().map { .int($0) })),
            ("empty_groups", .array(grouping.emptyGroups.map { .string($0) })),
            ("seconds", .number(heuristicSeconds)),
            ("explanation_file", .string("explanation.txt")), ("explanation_round_trip", .bool(roundTrip)),
            ("groups", .array(heuristicGroups)),
        ]), to: out("heuristic.json"))
        Stderr.print("\(fold): heuristic backbones of \(explanation.entries.count) groups in \(String(format: "%.1f", heuristicSeconds)) s")

        // Correct-group backbones by class (the predictor's and the fronts' input).
        var correctBackbones: [Int: ReferenceHeuristic.Backbone] = [:]
        var correctGroups: [Int: Group] = [:]
        var misclassified: [ClassBackbone] = []
        for e in explanation.entries {
            guard case let .label(c) = e.group.key, case let .backbone(b) = e.outcome else { continue }
            if e.group.kind == .correct { correctBackbones[c] = b; correctGroups[c] = e.group }
            if e.group.kind == .misclassified, let cleaned = e.cleaned {
                misclassified.append(ClassBackbone(label: c, neurons: cleaned.map(\.neuron), weights: cleaned.map(\.weight)))
            }
        }
        let correctList = correctBackbones.keys.sorted().map { c in
            ClassBackbone(label: c, neurons: correctBackbones[c]!.neurons, weights: correctBackbones[c]!.weights)
        }

        // 2. Exact fronts per class (cover model, q = 1), capped near the heuristic's size.
        if !noExact {
            let t1 = Date()
            let report = try exactFronts(correctGroups: correctGroups, backbones: correctBackbones,
                                         database: trainBin.database, layout: layout, input: input)
            try ReportWriter.write(report.pareto, to: out("pareto"))
            try writeJSON(report.json(seconds: Date().timeIntervalSince(t1)), to: out("exact_fronts.json"))
        }

        // 3. The authors' reference ILP over the correct groups, both senses.
        if !noReference {
            let groups = correctGroups.keys.sorted().map { c in
                (name: correctGroups[c]!.name, transactions: trainBin.database.selecting(correctGroups[c]!.instances).itemLists)
            }
            // Neurons active in the correct rows of two or more classes must be excused (a_i) or
            // shared (s_i): more of them than the two budgets allow makes the model infeasible.
            var groupsUsing = [Int](repeating: 0, count: layout.neuronCount)
            for g in groups { for i in Set(g.transactions.joined()) { groupsUsing[i] += 1 } }
            let multiUse = groupsUsing.filter { $0 >= 2 }.count
            let n = Double(layout.neuronCount)
            let allowance = Int((ReferenceModel.Budgets.code.rho1 * n).rounded(.down)) + Int((ReferenceModel.Budgets.code.rho3 * n).rounded(.down))
            var runs: [JSON] = []
            // The set-cover sense first: its solution is feasible for the max sense (same rows),
            // which then starts from it (on the plain model GLPK alone found no incumbent for ten
            // classes in seconds). Both senses solve the exact reduction (ReducedReferenceModel:
            // same optimum; with ρ2 = 0 no instance slacks and one coverage row per group and
            // active neuron; one diversity row per neuron), on which GLPK proves both senses
            // on digits and MNIST-5k within about a second.
            var start: [Double]?
            for sense in [ObjectiveSense.minimize, .maximize] {
                let model: ReferenceModel
                do { model = try ReferenceModel(groups: groups, layout: layout, budgets: .code, sense: sense) } catch let error as CoreError {
                    throw InputError(error.description)
                }
                let built = Date()
                let reduced = model.reduced()
                let compiled = try reduced.build().compile()
                let buildSeconds = Date().timeIntervalSince(built)
                var options = SolverOptions(timeLimit: referenceTimeLimit)
                let warm = sense == .maximize && start.map { compiled.maxViolation(of: $0) <= 1e-9 } == true
                if warm { options.initialSolution = start }
                let r = GLPK().solve(compiled, options: options)
                if sense == .minimize { start = r.values }
                var fields: [(String, JSON)] = [("sense", .string(sense.rawValue)), ("reduced", .bool(true)),
                                                ("rows", .int(compiled.rowNames.count)),
                                                ("columns", .int(compiled.columnNames.count)), ("build_seconds", .number(buildSeconds)),
                                                ("warm_start", .string(warm ? "the minimize run's solution" : "none"))]
                fields += ILPCommand.resultFields(r)
                if let values = r.values {
                    let s = reduced.solution(from: values)
                    let union = Set(s.backbones.joined())
                    var coverage: [(String, JSON)] = []
                    for (g, b) in zip(groups, s.backbones) {
                        let merged = GroupTransactions(transactions: g.transactions, layout: layout)
                        coverage.append((g.name, .number(merged.coverage(of: b, rule: .full))))
                    }
                    fields += [("sizes", .array(s.backbones.map { .int($0.count) })),
                               ("size_sum", .int(s.backbones.reduce(0) { $0 + $1.count })),
                               ("union", .int(union.count)), ("shared", .int(s.sharedNeurons.count)),
                               ("shared_budget", .int(Int((ReferenceModel.Budgets.code.rho3 * Double(layout.neuronCount)).rounded(.down)))),
                               ("excused_neurons", .int(s.excusedNeurons.count)),
                               ("excused_instances", .int(s.excusedInstances.reduce(0) { $0 + $1.count })),
                               ("coverage_q1", .object(coverage))]
                }
                runs.append(.object(fields))
                Stderr.print("\(fold): reference ILP (\(sense.rawValue)): \(r.status.rawValue) in \(String(format: "%.1f", r.seconds)) s")
            }
            try writeJSON(.object([("experiment", .string("reference_ilp")), ("input", .object(input)),
                                   ("groups", .array(groups.map { .string($0.name) })),
                                   ("budgets", .object([("rho1", .number(ReferenceModel.Budgets.code.rho1)),
                                                        ("rho2", .number(ReferenceModel.Budgets.code.rho2)),
                                                        ("rho3", .number(ReferenceModel.Budgets.code.rho3))])),
                                   ("neurons_in_two_or_more_groups", .int(multiUse)),
                                   ("excused_plus_shared_allowance", .int(allowance)),
                                   ("infeasible_by_counting", .bool(multiUse > allowance)),
                                   ("solver", .string("glpk")), ("time_limit", .number(referenceTimeLimit)),
                                   ("runs", .array(runs.reversed()))]), to: out("reference_ilp.json"))
        }

        // 4. Uses on the held-out rows.
        try writeJSON(uses(test: test, testBin: testBin, weights: weights, correct: correctList,
                           misclassified: misclassified, input: input), to: out("uses.json"))
        Stderr.print("\(fold): done in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        print("wrote \(output)")
    }

    private func writeJSON(_ json: JSON, to path: String) throws {
        try TextFile.writeAtomically(json.serialized(pretty: true) + "\n", to: path)
    }

    // MARK: exact fronts

    struct FrontsResult {
        var pareto: ParetoReport
        var perClass: [JSON]
        var input: [(String, JSON)]
        var settings: [(String, JSON)]

        func json(seconds: Double) -> JSON {
            .object([("experiment", .string("exact_fronts")), ("input", .object(input)), ("settings", .object(settings)),
                     ("seconds", .number(seconds)), ("pareto_report", .string("pareto/report.json")),
                     ("classes", .array(perClass))])
        }
    }

    private func exactFronts(correctGroups: [Int: Group], backbones: [Int: ReferenceHeuristic.Backbone],
                             database: TransactionDatabase, layout: LayerLayout, input: [(String, JSON)]) throws -> FrontsResult {
        let labels = correctGroups.keys.sorted()
        let solver: ILPSolver = GLPK()
        let options = SolverOptions(timeLimit: timeLimit)
        let margin = frontMargin
        let engine = FrontEngine.engines(solvers: [solver], method: self.method)[0]
        let method = self.method == .search ? "search (q = 1: branch and bound over transactions; q < 1: layer join)" : "\(solver.name) \(solver.version)"
        struct Job: Sendable { let label: Int; let group: GroupTransactions; let heuristic: [Int]?; let name: String; let rule: CoverageRule }
        let rules = try shares()
        let jobsList = labels.flatMap { c in
            let group = GroupTransactions(database: database.selecting(correctGroups[c]!.instances), layout: layout)
            return rules.map { Job(label: c, group: group, heuristic: backbones[c]?.neurons, name: correctGroups[c]!.name, rule: $0) }
        }
        let results = Slots<Result<ExactFront, Error>>(count: jobsList.count)
        let next = Counter()
        let label = fold
        runOnThreads(min(jobs, max(1, jobsList.count))) {
            while let i = next.take(below: jobsList.count) {
                let job = jobsList[i]
                let model = CoverModel(group: job.group, rule: job.rule)
                let cap = margin.flatMap { m in job.heuristic.map { max($0.count, model.minimumUsefulSize) + m } }
                results.set(i, Result {
                    try engine.run(model, groupName: job.name, options: options, maxBudget: cap, seeds: job.heuristic.map { [$0] } ?? [])
                })
                Stderr.print("\(label): exact front of \(job.name) \(job.rule) done")
            }
        }
        var groups: [GroupReport] = []
        var perClass: [JSON] = []
        for (i, job) in jobsList.enumerated() {
            let front: ExactFront
            do { front = try results.get(i).get() } catch let error as CoreError { throw InputError(error.description) }
            var points: [HeuristicPoint] = []
            var fields: [(String, JSON)] = [("class", .int(job.label)), ("group", .string(job.name)), ("q", .number(job.rule.share)),
                                            ("instances", .int(job.group.instanceCount)),
                                            ("distinct_transactions", .int(job.group.distinct.count)),
                                            ("minimum_useful_size", .int(front.minimumUsefulSize)),
                                            ("points", .int(front.points.count)), ("proven", .int(front.provenCount)),
                                            ("max_gap", .number(front.points.compactMap(\.gap).max())),
                                            ("unproven_without_gap", .int(front.points.filter { !$0.isProvenOptimal && $0.gap == nil }.count)),
                                            ("reaches_full_coverage", .bool(front.points.last?.covered == job.group.instanceCount)),
                                            ("largest_budget", .int(front.points.last?.budget ?? 0)),
                                            ("seconds", .number(front.totalSeconds)),
                                            ("front", .array(front.points.map { p in
                                                .object([("budget", .int(p.budget)), ("size", .int(p.size)), ("covered", .int(p.covered)),
                                                         ("status", .string(p.status.rawValue)), ("bound", .number(p.bound)),
                                                         ("gap", .number(p.gap)), ("seconds", .number(p.seconds))])
                                            }))]
            if let h = job.heuristic {
                var point = HeuristicPoint(method: .reference, backbone: h, covered: job.group.covered(by: h, rule: job.rule),
                                           instanceCount: job.group.instanceCount)
                do { point.standing = try Dominance.standing(size: point.size, covered: point.covered, front: front) } catch let error as CoreError {
                    throw InputError(error.description)
                }
                points.append(point)
                let s = point.standing!
                fields += [("heuristic", .object([
                    ("size", .int(point.size)), ("covered", .int(point.covered)), ("coverage", .number(point.coverage)),
                    ("verdict", .string(s.verdict.rawValue)), ("exact_covered_at_size", .int(s.exactCoveredAtSize)),
                    ("exact_proven", .bool(s.exactProven)), ("coverage_lost", .int(s.coverageLost)),
                    ("coverage_gap", .number(Double(s.coverageLost) / Double(max(1, job.group.instanceCount)))),
                    ("extra_neurons", .int(s.extraNeurons)),
                ]))]
            }
            perClass.append(.object(fields))
            groups.append(GroupReport(groupName: job.name, groupKind: .correct, rule: job.rule, instanceCount: job.group.instanceCount,
                                      distinctTransactions: job.group.distinct.count, fronts: [front], heuristicPoints: points,
                                      notes: front.points.last?.covered == job.group.instanceCount ? [] :
                                        ["front capped at size \(front.points.last?.budget ?? 0) (heuristic size + \(frontMargin ?? 0))"]))
        }
        let settings: [(String, JSON)] = [("solver", .string(method)), ("q", .array(rules.map { .number($0.share) })),
                                          ("time_limit_per_point", .number(timeLimit)), ("front_margin", frontMargin.map { .int($0) } ?? .null),
                                          ("jobs", .int(jobs))]
        let report = ParetoReport(settings: [("fold", fold), ("solver", method),
                                             ("q", q), ("time limit per point", "\(timeLimit) s"),
                                             ("front", frontMargin.map { "from the smallest useful size to the heuristic's size + \($0) or full coverage" } ?? "from the smallest useful size to full coverage")],
                                  groups: groups)
        return FrontsResult(pareto: report, perClass: perClass, input: input, settings: settings)
    }

    // MARK: uses

    private func uses(test: ActivationMatrix, testBin: Binarizer.Result, weights: NeuronWeights,
                      correct: [ClassBackbone], misclassified: [ClassBackbone], input: [(String, JSON)]) throws -> JSON {
        let truth = test.trueLabels
        let network = test.predictedLabels!
        let n = layoutCount(testBin)
        let active: [[Bool]] = (0..<test.rowCount).map { r in
            var flags = [Bool](repeating: false, count: n)
            for i in testBin.database.items(ofTransaction: r) { flags[i] = true }
            return flags
        }
        let predictor = BackbonePredictor(backbones: correct)
        let predictions = active.map { predictor.predict(active: $0) }
        let agreeTruth = zip(predictions, truth).filter { $0.label == $1 }.count
        let agreeNetwork = zip(predictions, network).filter { $0.label == $1 }.count
        let ties = predictions.filter(\.tied).count
        let rows = Double(max(1, test.rowCount))

        let flagger = MistakeFlags(correct: predictor, misclassified: BackbonePredictor(backbones: misclassified))
        let flags = zip(active, network).map { flagger.flag(active: $0, networkPrediction: $1) }
        let flagOutcome = FlagOutcome(truth: truth, network: network, suggestions: flags.map(\.suggested))
        // A second flag rule for comparison: the predictor disagrees with the network.
        let disagreement = FlagOutcome(truth: truth, network: network,
                                       suggestions: zip(predictions, network).map { $0.label != nil && $0.label != $1 ? $0.label : nil })

        // The authors' predictor (global top-k of activations · weights², their tie rule).
        let theirs = AuthorsPredictor(backbones: correct, k: k, weightPower: 2)
        let theirPredictions = (0..<test.rowCount).map { theirs.predict(activations: Array(test.row($0)), neuronWeights: weights.values) }
        let theirAgreeTruth = zip(theirPredictions, truth).filter { $0 == $1 }.count
        let theirAgreeNetwork = zip(theirPredictions, network).filter { $0 == $1 }.count
        let asTheirCode = AuthorsPredictor.accuracyAsTheirCodeComputesIt(truth: truth, network: network, predicted: theirPredictions)

        func outcome(_ o: FlagOutcome) -> JSON {
            .object([("instances", .int(o.instances)), ("network_mistakes", .int(o.networkMistakes)), ("flagged", .int(o.flagged)),
                     ("flagged_mistakes", .int(o.flaggedMistakes)), ("recall", .number(o.recall)), ("precision", .number(o.precision)),
                     ("network_accuracy", .number(o.networkAccuracy)), ("replaced_accuracy", .number(o.replacedAccuracy)),
                     ("accuracy_change", .number(o.accuracyChange)), ("fixed", .int(o.fixed)), ("broken", .int(o.broken))])
        }
        let networkRight = zip(network, truth).filter { $0 == $1 }.count
        return .object([
            ("experiment", .string("uses")), ("input", .object(input)),
            ("test_rows", .int(test.rowCount)), ("network_accuracy", .number(Double(networkRight) / rows)),
            ("backbone_classes", .array(correct.map { .int($0.label) })),
            ("misclassified_backbone_classes", .array(misclassified.filter { !$0.neurons.isEmpty }.map { .int($0.label) })),
            ("predictor", .object([
                ("rule", .string("per-layer weighted top-k transaction (as mined); score = active backbone weight / backbone weight; argmax, ties to the lower class")),
                ("agrees_with_truth", .int(agreeTruth)), ("accuracy", .number(Double(agreeTruth) / rows)),
                ("agrees_with_network", .int(agreeNetwork)), ("agreement_with_network", .number(Double(agreeNetwork) / rows)),
                ("ties", .int(ties)),
            ])),
            ("mistake_flags", .object([
                ("rule", .string("flag when a misclassified-group backbone of a class c != predicted scores above the predicted class's correct-group backbone; replace by c")),
                ("outcome", outcome(flagOutcome)),
            ])),
            ("disagreement_flags", .object([
                ("rule", .string("flag when the predictor's class differs from the network's; replace by the predictor's class")),
                ("outcome", outcome(disagreement)),
            ])),
            ("authors_predictor", .object([
                ("rule", .string("their exp_prediction: global top-k of activation·weight² (second call), ties to the higher neuron, no rank decay, first key wins ties")),
                ("agrees_with_truth", .int(theirAgreeTruth)), ("accuracy", .number(Double(theirAgreeTruth) / rows)),
                ("agreement_with_network", .number(Double(theirAgreeNetwork) / rows)),
                ("accuracy_as_their_code_computes_it", .number(asTheirCode)),
                ("note", .string("their accuracy compares a string with an integer for every misclassified row, so each counts as wrong")),
            ])),
        ])
    }

    private func layoutCount(_ r: Binarizer.Result) -> Int { r.layout.neuronCount }
}

/// Runs `body` on `count` threads with 64 MiB stacks (the solvers' branch and bound recurses)
/// and waits for them.
private func runOnThreads(_ count: Int, _ body: @escaping @Sendable () -> Void) {
    if count <= 1 { body(); return }
    let done = DispatchSemaphore(value: 0)
    for _ in 0..<count {
        let thread = Thread { body(); done.signal() }
        thread.stackSize = 64 << 20
        thread.start()
    }
    for _ in 0..<count { done.wait() }
}

private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

private final class Slots<T>: @unchecked Sendable {
    private var items: [T?]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ v: T) { lock.lock(); items[i] = v; lock.unlock() }
    func get(_ i: Int) -> T { lock.lock(); defer { lock.unlock() }; return items[i]! }
}
