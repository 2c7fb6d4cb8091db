import BackboneCore
import Workflows
import FileSupport
import Foundation

/// Writes a `FoldExperiment.Result` into a folder: explanation.txt, heuristic.json,
/// exact_fronts.json with pareto/ (the Pareto report files), reference_ilp.json and uses.json
/// (schemas: paper-repro/README.md). Every file is written atomically.
public enum FoldExperimentWriter {
    public static func write(_ result: FoldExperiment.Result, to folder: String) throws {
        try TextFile.createFolder(folder)
        func out(_ name: String) -> String { URL(fileURLWithPath: folder).appendingPathComponent(name).path }
        func write(_ json: JSON, _ name: String) throws {
            try TextFile.writeAtomically(json.serialized(pretty: true) + "\n", to: out(name))
        }
        let input = inputFields(result.data)
        try TextFile.writeAtomically(result.heuristic.explanation.text, to: out("explanation.txt"))
        try write(heuristicJSON(result.heuristic, input: input), "heuristic.json")
        if let fronts = result.fronts {
            try ReportWriter.write(fronts.report, to: out("pareto"))
            try write(frontsJSON(fronts, input: input), "exact_fronts.json")
        }
        if let reference = result.reference { try write(referenceJSON(reference, input: input), "reference_ilp.json") }
        try write(usesJSON(result.uses, input: input), "uses.json")
    }

    static func inputFields(_ d: FoldData) -> [(String, JSON)] {
        [("fold", .string(d.folder)), ("layers", .array(d.layout.widths.map { .int($0) })),
         ("neurons", .int(d.layout.neuronCount)), ("k", .int(d.k)),
         ("kept_per_layer", .array((d.trainTransactions.keptPerLayer ?? []).map { .int($0) })),
         ("train_rows", .int(d.train.rowCount)), ("test_rows", .int(d.test.rowCount)),
         ("weights_vs_network_max_abs_diff", .number(d.weightsVsNetwork))]
    }

    static func heuristicJSON(_ h: HeuristicStage, input: [(String, JSON)]) -> JSON {
        let groups: [JSON] = h.groups.map { g in
            var fields: [(String, JSON)] = [("group", .string(g.group.name)), ("kind", .string(g.group.kind.rawValue)),
                                            ("instances", .int(g.group.count)), ("distinct_transactions", .int(g.distinctTransactions))]
            switch g.outcome {
            case let .backbone(b):
                fields += [("size", .int(b.neurons.count)), ("covered_q1", .int(g.coveredFull)),
                           ("coverage_q1", .number(g.coverageFull)), ("coverage_q0.5", .number(g.coverageHalf)),
                           ("max_minsup", .number(b.maxMinsup)), ("levels_accepted", .int(b.levels.filter(\.accepted).count)),
                           ("stop_reason", .string(b.stopReason)),
                           ("neurons", .array(b.weightedNeurons.map { .array([.int($0.neuron), .number($0.weight)]) }))]
                if let size = g.sizeAfterCleanup { fields.append(("size_after_cleanup", .int(size))) }
            case .noLayerCompleteItemset:
                fields.append(("note", .string("no layer-complete itemset at any support: no backbone")))
            case .emptyGroup:
                fields.append(("note", .string("empty group")))
            }
            return .object(fields)
        }
        return .object([
            ("experiment", .string("heuristic")), ("input", .object(input)),
            ("classes", .array(h.classes.map { .int($0) })),
            ("classes_with_correct_rows", .array(h.classesWithCorrectRows.map { .int($0) })),
            ("empty_groups", .array(h.emptyGroups.map { .string($0) })),
            ("seconds", .number(h.seconds)),
            ("explanation_file", .string("explanation.txt")), ("explanation_round_trip", .bool(h.explanationRoundTrip)),
            ("groups", .array(groups)),
        ])
    }

    static func frontsJSON(_ f: FrontsStage, input: [(String, JSON)]) -> JSON {
        let classes: [JSON] = f.report.groups.map { g in
            let front = g.fronts.first
            let points = front?.points ?? []
            let label = f.classOfGroup[g.groupName] ?? -1
            var fields: [(String, JSON)] = [
                ("class", .int(label)), ("group", .string(g.groupName)), ("q", .number(g.rule.share)),
                ("instances", .int(g.instanceCount)), ("distinct_transactions", .int(g.distinctTransactions)),
                ("minimum_useful_size", .int(front?.minimumUsefulSize ?? 0)),
                ("points", .int(points.count)), ("proven", .int(front?.provenCount ?? 0)),
                ("max_gap", .number(points.compactMap(\.gap).max())),
                ("unproven_without_gap", .int(points.filter { !$0.isProvenOptimal && $0.gap == nil }.count)),
                ("reaches_full_coverage", .bool(points.last?.covered == g.instanceCount)),
                ("largest_budget", .int(points.last?.budget ?? 0)),
                ("seconds", .number(front?.totalSeconds ?? 0)),
                ("front", .array(points.map { p in
                    .object([("budget", .int(p.budget)), ("size", .int(p.size)), ("covered", .int(p.covered)),
                             ("status", .string(p.status.rawValue)), ("bound", .number(p.bound)),
                             ("gap", .number(p.gap)), ("seconds", .number(p.seconds))])
                })),
            ]
            if let point = g.heuristicPoints.first(where: { $0.method == .reference }), let s = point.standing {
                fields.append(("heuristic", .object([
                    ("size", .int(point.size)), ("covered", .int(point.covered)), ("coverage", .number(point.coverage)),
                    ("verdict", .string(s.verdict.rawValue)), ("exact_covered_at_size", .int(s.exactCoveredAtSize)),
                    ("exact_proven", .bool(s.exactProven)), ("coverage_lost", .int(s.coverageLost)),
                    ("coverage_gap", .number(Double(s.coverageLost) / Double(max(1, g.instanceCount)))),
                    ("extra_neurons", .int(s.extraNeurons)),
                ])))
            }
            return .object(fields)
        }
        let settings: [(String, JSON)] = [("solver", .string(f.method)),
                                          ("q", .array(f.shares.map { .number($0) })),
                                          ("time_limit_per_point", .number(f.timeLimit)),
                                          ("front_margin", f.frontMargin.map { .int($0) } ?? .null), ("jobs", .int(f.jobs))]
        return .object([("experiment", .string("exact_fronts")), ("input", .object(input)), ("settings", .object(settings)),
                        ("seconds", .number(f.seconds)), ("pareto_report", .string("pareto/report.json")),
                        ("classes", .array(classes))])
    }

    static func referenceJSON(_ r: ReferenceStage, input: [(String, JSON)]) -> JSON {
        let runs: [JSON] = r.runs.map { run in
            var fields: [(String, JSON)] = [("sense", .string(run.sense.rawValue)), ("reduced", .bool(true)),
                                            ("rows", .int(run.rows)), ("columns", .int(run.columns)),
                                            ("build_seconds", .number(run.buildSeconds)),
                                            ("warm_start", .string(run.warmStart ? "the minimize run's solution" : "none"))]
            fields += run.result.jsonFields
            if let s = run.solution {
                fields += [("sizes", .array(s.sizes.map { .int($0) })), ("size_sum", .int(s.sizes.reduce(0, +))),
                           ("union", .int(s.union)), ("shared", .int(s.shared)), ("shared_budget", .int(s.sharedBudget)),
                           ("excused_neurons", .int(s.excusedNeurons)), ("excused_instances", .int(s.excusedInstances)),
                           ("coverage_q1", .object(s.coverage.map { ($0.group, .number($0.share)) }))]
            }
            return .object(fields)
        }
        return .object([("experiment", .string("reference_ilp")), ("input", .object(input)),
                        ("groups", .array(r.groups.map { .string($0) })),
                        ("budgets", .object([("rho1", .number(r.budgets.rho1)), ("rho2", .number(r.budgets.rho2)),
                                             ("rho3", .number(r.budgets.rho3))])),
                        ("neurons_in_two_or_more_groups", .int(r.neuronsInTwoOrMoreGroups)),
                        ("excused_plus_shared_allowance", .int(r.allowance)),
                        ("infeasible_by_counting", .bool(r.neuronsInTwoOrMoreGroups > r.allowance)),
                        ("solver", .string(r.solver)), ("time_limit", .number(r.timeLimit)),
                        // maximize (their code's sense) first, as the tables read them
                        ("runs", .array(runs.reversed()))])
    }

    static func usesJSON(_ u: UsesStage, input: [(String, JSON)]) -> JSON {
        let rows = Double(max(1, u.testRows))
        func outcome(_ o: FlagOutcome) -> JSON {
            .object([("instances", .int(o.instances)), ("network_mistakes", .int(o.networkMistakes)), ("flagged", .int(o.flagged)),
                     ("flagged_mistakes", .int(o.flaggedMistakes)), ("recall", .number(o.recall)), ("precision", .number(o.precision)),
                     ("network_accuracy", .number(o.networkAccuracy)), ("replaced_accuracy", .number(o.replacedAccuracy)),
                     ("accuracy_change", .number(o.accuracyChange)), ("fixed", .int(o.fixed)), ("broken", .int(o.broken))])
        }
        return .object([
            ("experiment", .string("uses")), ("input", .object(input)),
            ("test_rows", .int(u.testRows)), ("network_accuracy", .number(Double(u.networkCorrect) / rows)),
            ("backbone_classes", .array(u.backboneClasses.map { .int($0) })),
            ("misclassified_backbone_classes", .array(u.misclassifiedBackboneClasses.map { .int($0) })),
            ("predictor", .object([
                ("rule", .string("per-layer weighted top-k transaction (as mined); score = active backbone weight / backbone weight; argmax, ties to the lower class")),
                ("agrees_with_truth", .int(u.predictorAgreesWithTruth)), ("accuracy", .number(Double(u.predictorAgreesWithTruth) / rows)),
                ("agrees_with_network", .int(u.predictorAgreesWithNetwork)),
                ("agreement_with_network", .number(Double(u.predictorAgreesWithNetwork) / rows)),
                ("ties", .int(u.predictorTies)),
            ])),
            ("mistake_flags", .object([
                ("rule", .string("flag when a misclassified-group backbone of a class c != predicted scores above the predicted class's correct-group backbone; replace by c")),
                ("outcome", outcome(u.mistakeFlags)),
            ])),
            ("disagreement_flags", .object([
                ("rule", .string("flag when the predictor's class differs from the network's; replace by the predictor's class")),
                ("outcome", outcome(u.disagreementFlags)),
            ])),
            ("authors_predictor", .object([
                ("rule", .string("their exp_prediction: global top-k of activation·weight² (second call), ties to the higher neuron, no rank decay, first key wins ties")),
                ("agrees_with_truth", .int(u.authorsAgreeWithTruth)), ("accuracy", .number(Double(u.authorsAgreeWithTruth) / rows)),
                ("agreement_with_network", .number(Double(u.authorsAgreeWithNetwork) / rows)),
                ("accuracy_as_their_code_computes_it", .number(u.authorsAccuracyAsTheirCodeComputesIt)),
                ("note", .string("their accuracy compares a string with an integer for every misclassified row, so each counts as wrong")),
            ])),
        ])
    }
}
