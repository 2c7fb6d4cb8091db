import FileSupport
import UnitAnalysis
import Workflows

/// `units.json` of `backbones units` (docs/units.md): the settings, every class's rules and
/// unit set, every unit's classes, kind, frequency and lift, and the ablation.
public enum UnitsJSON {
    public static func json(_ r: UnitsJob.Result) -> JSON {
        let s = r.settings, u = r.units
        var fields: [(String, JSON)] = [
            ("input", .object(r.description.map { ($0.0, .string($0.1)) })),
            ("settings", .object([
                ("k", .int(s.top.k)), ("scope", .string(s.top.scopeText)),
                ("min_support", .int(s.rules.minimumSupport)), ("min_confidence", .number(s.rules.minimumConfidence)),
                ("min_antecedent", .int(s.rules.minimumAntecedent)), ("rules_per_class", .int(s.rules.rulesPerClass)),
                ("confidence", .string(s.rules.confidence.rawValue)), ("draws", .int(s.draws)), ("seed", .string(String(s.seed))),
                ("exact", s.exact.map { e in .object([("epsilon", .number(e.epsilon)), ("share", .number(e.rule.share)),
                                                      ("solver", .string("\(e.solver.name) \(e.solver.version)")),
                                                      ("time_limit", e.options.timeLimit.map(JSON.number) ?? .null)]) } ?? .null),
                ("vebi", .bool(s.vebi)), ("front_sizes", .int(s.frontSizes)),
            ])),
            ("class_labels", .array(u.classes.map(JSON.int))),
            ("classes", .array(u.perClass.map { c in
                .object([
                    ("label", .int(c.label)), ("transactions", .int(c.transactions)), ("itemsets", .int(c.itemsets)),
                    ("candidate_rules", .int(c.candidates)), ("top_rules", .int(c.top.count)),
                    ("rules", .array(zip(c.rules, c.labelCounts).map { rule($0, $1) })),
                    ("units", ints(c.units)),
                    ("specific", ints(c.units.filter { unit in u.units.first { $0.unit == unit }?.kind == .specific })),
                    ("shared", ints(c.units.filter { unit in u.units.first { $0.unit == unit }?.kind == .shared })),
                ])
            })),
            ("units", .array(u.units.map { x in
                .object([
                    ("unit", .int(x.unit)), ("layer", .int(x.layer)), ("kind", .string(x.kind.rawValue)), ("classes", ints(x.classes)),
                    ("frequency", .array(x.frequency.map(JSON.number))), ("lift", .array(x.lift.map(JSON.number))),
                ])
            })),
        ]
        if let ablation = r.ablation {
            fields.append(("ablation", .object([
                ("classes", .array(ablation.map(classAblation))),
                ("summary", .array(r.summary.map(summary))),
            ])))
        }
        if !r.fronts.isEmpty {
            fields.append(("front", .object([
                ("sets", .array(r.fronts.map(frontSet))),
                ("means", .array(r.frontMeans.map(frontMean))),
            ])))
        }
        fields.append(("notes", .array(r.notes.map(JSON.string))))
        fields.append(("timing", .object([("rules_seconds", .number(r.rulesSeconds)), ("ablation_seconds", .number(r.ablationSeconds)),
                                          ("exact_seconds", .number(r.exactSeconds)), ("vebi_seconds", .number(r.vebiSeconds))])))
        return .object(fields)
    }

    public static func text(_ r: UnitsJob.Result) -> String { json(r).serialized(pretty: true) + "\n" }

    static func rule(_ rule: ClassRule, _ labelCounts: [Int]) -> JSON {
        .object([
            ("antecedent", ints(rule.antecedent)), ("support", .int(rule.support)), ("antecedent_support", .int(rule.antecedentSupport)),
            ("confidence", .number(rule.confidence)), ("score", .number(rule.score)), ("label_counts", ints(labelCounts)),
        ])
    }

    static func classAblation(_ c: UnitsJob.ClassAblation) -> JSON {
        .object([
            ("label", .int(c.label)), ("instances", .int(c.intact.instances)), ("intact_accuracy", .number(c.intact.accuracy)),
            ("other_instances", .int(c.intactOthers.instances)), ("intact_others_accuracy", .number(c.intactOthers.accuracy)),
            ("methods", .array(c.methods.map { m in
                .object([
                    ("method", .string(m.method)), ("size", .int(m.units.count)), ("units", ints(m.units)),
                    ("accuracy", .number(m.own.accuracy)), ("accuracy_drop", .number(c.intact.accuracy - m.own.accuracy)),
                    ("probability_drop", .number(m.own.probabilityDrop)),
                    ("others_accuracy", .number(m.others.accuracy)), ("others_accuracy_drop", .number(c.intactOthers.accuracy - m.others.accuracy)),
                    ("random", .object([
                        ("draws", .int(m.random.count)),
                        ("accuracy_mean", .number(m.randomAccuracy.mean)), ("accuracy_sd", .number(m.randomAccuracy.sd)),
                        ("accuracy_drop_mean", .number(c.intact.accuracy - m.randomAccuracy.mean)),
                        ("probability_drop_mean", .number(m.randomProbabilityDrop.mean)), ("probability_drop_sd", .number(m.randomProbabilityDrop.sd)),
                        ("empirical_p", .number(m.empiricalP)),
                    ])),
                ])
            })),
        ])
    }

    static func summary(_ m: UnitsJob.MethodSummary) -> JSON {
        .object([
            ("method", .string(m.method)), ("classes", .int(m.classes)), ("mean_size", .number(m.meanSize)),
            ("mean_accuracy_drop", .number(m.meanAccuracyDrop)), ("mean_random_accuracy_drop", .number(m.meanRandomAccuracyDrop)),
            ("mean_probability_drop", .number(m.meanProbabilityDrop)), ("mean_random_probability_drop", .number(m.meanRandomProbabilityDrop)),
            ("mean_others_accuracy_drop", .number(m.meanOthersAccuracyDrop)),
            ("classes_more_harmful_than_random", .int(m.moreHarmfulThanRandom)), ("classes_p_at_most_0.05", .int(m.significant)),
        ])
    }

    static func frontSet(_ f: UnitsJob.FrontSet) -> JSON {
        var fields: [(String, JSON)] = [("label", .int(f.label)), ("method", .string(f.method)), ("budget", .int(f.budget)),
                                        ("size", .int(f.units.count)), ("units", ints(f.units))]
        if let c = f.cover {
            fields += [("covered", .int(c.covered)), ("instances", .int(c.instances)), ("others_covered", .int(c.othersCovered)),
                       ("other_instances", .int(c.otherInstances)), ("allowance", .int(c.allowance)), ("status", .string(c.status.rawValue)),
                       ("bound", c.bound.map(JSON.number) ?? .null), ("seconds", .number(c.seconds))]
        }
        if let m = f.result {
            fields += [("accuracy", .number(m.own.accuracy)), ("probability_drop", .number(m.own.probabilityDrop)),
                       ("others_accuracy", .number(m.others.accuracy)),
                       ("random", .object([("draws", .int(m.random.count)), ("accuracy_mean", .number(m.randomAccuracy.mean)),
                                           ("accuracy_sd", .number(m.randomAccuracy.sd)), ("empirical_p", .number(m.empiricalP))]))]
        }
        return .object(fields)
    }

    static func frontMean(_ m: UnitsJob.Result.FrontMean) -> JSON {
        .object([
            ("method", .string(m.method)), ("budget", .int(m.budget)), ("classes", .int(m.classes)), ("mean_size", .number(m.meanSize)),
            ("mean_accuracy_drop", .number(m.meanAccuracyDrop)), ("mean_random_accuracy_drop", .number(m.meanRandomAccuracyDrop)),
            ("mean_random_accuracy_sd", .number(m.meanRandomSD)), ("mean_others_accuracy_drop", .number(m.meanOthersAccuracyDrop)),
            ("classes_more_harmful_than_random", .int(m.moreHarmfulThanRandom)),
            ("mean_coverage", m.meanCoverage.map(JSON.number) ?? .null), ("mean_others_coverage", m.meanOthersCoverage.map(JSON.number) ?? .null),
        ])
    }

    static func ints(_ values: [Int]) -> JSON { .array(values.map(JSON.int)) }
}
