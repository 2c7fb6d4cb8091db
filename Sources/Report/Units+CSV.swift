import FileSupport
import UnitAnalysis
import Workflows

/// The CSV files of `backbones units` (docs/units.md): one row per rule, per unit, per
/// (class, method) ablation and per transaction. Lists inside a cell are space-separated;
/// numbers use the JSON writer's text, so they equal `units.json`.
public enum UnitsCSV {
    public static func rules(_ r: UnitsJob.Result) -> String {
        var lines = ["class,rank,antecedent,size,support,antecedent_support,confidence,score,label_counts"]
        for c in r.units.perClass {
            for (i, (rule, counts)) in zip(c.rules, c.labelCounts).enumerated() {
                lines.append(ReportCSV.line([String(c.label), String(i + 1), list(rule.antecedent), String(rule.antecedent.count),
                                             String(rule.support), String(rule.antecedentSupport), Format.exact(rule.confidence),
                                             Format.exact(rule.score), list(counts)]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func units(_ r: UnitsJob.Result) -> String {
        let labels = r.units.classes.map(String.init)
        var lines = [(["unit", "layer", "kind", "classes"] + labels.map { "frequency_\($0)" } + labels.map { "lift_\($0)" }).joined(separator: ",")]
        for u in r.units.units {
            lines.append(ReportCSV.line([String(u.unit), String(u.layer), u.kind.rawValue, list(u.classes)]
                                        + u.frequency.map(Format.exact) + u.lift.map(Format.exact)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static let ablationColumns = [
        "class", "method", "size", "instances", "intact_accuracy", "accuracy", "accuracy_drop", "probability_drop",
        "others_accuracy_drop", "random_draws", "random_accuracy_mean", "random_accuracy_sd", "random_accuracy_drop_mean",
        "random_probability_drop_mean", "random_probability_drop_sd", "empirical_p", "units",
    ]

    public static func ablation(_ r: UnitsJob.Result) -> String {
        var lines = [ablationColumns.joined(separator: ",")]
        for c in r.ablation ?? [] {
            for m in c.methods {
                lines.append(ReportCSV.line([
                    String(c.label), m.method, String(m.units.count), String(c.intact.instances), Format.exact(c.intact.accuracy),
                    Format.exact(m.own.accuracy), Format.exact(c.intact.accuracy - m.own.accuracy), Format.exact(m.own.probabilityDrop),
                    Format.exact(c.intactOthers.accuracy - m.others.accuracy), String(m.random.count),
                    Format.exact(m.randomAccuracy.mean), Format.exact(m.randomAccuracy.sd), Format.exact(c.intact.accuracy - m.randomAccuracy.mean),
                    Format.exact(m.randomProbabilityDrop.mean), Format.exact(m.randomProbabilityDrop.sd), Format.exact(m.empiricalP), list(m.units),
                ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static let frontColumns = [
        "class", "method", "budget", "size", "covered", "instances", "others_covered", "other_instances", "status",
        "accuracy_drop", "probability_drop", "others_accuracy_drop", "random_draws", "random_accuracy_drop_mean",
        "random_accuracy_sd", "empirical_p", "units",
    ]

    /// One row per front set (exact backbones, exact class-specific sets, VEBI) and size.
    public static func front(_ r: UnitsJob.Result) -> String {
        let intact = Dictionary(uniqueKeysWithValues: (r.ablation ?? []).map { ($0.label, ($0.intact.accuracy, $0.intactOthers.accuracy)) })
        var lines = [frontColumns.joined(separator: ",")]
        for f in r.fronts {
            let c = f.cover
            var cells: [String] = [String(f.label), f.method, String(f.budget), String(f.units.count)]
            if let c {
                cells += [String(c.covered), String(c.instances), String(c.othersCovered), String(c.otherInstances), c.status.rawValue]
            } else {
                cells += Array(repeating: "", count: 5)
            }
            if let m = f.result, let (own, others) = intact[f.label] {
                cells += [Format.exact(own - m.own.accuracy), Format.exact(m.own.probabilityDrop), Format.exact(others - m.others.accuracy),
                          String(m.random.count), Format.exact(own - m.randomAccuracy.mean), Format.exact(m.randomAccuracy.sd), Format.exact(m.empiricalP)]
            } else {
                cells += Array(repeating: "", count: 7)
            }
            lines.append(ReportCSV.line(cells + [list(f.units)]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `instance,label,units`: the relevance transactions, the class item in its own column.
    public static func transactions(_ r: UnitsJob.Result) -> String {
        (["instance,label,units"] + r.transactions.rows.map { "\($0.instance),\($0.label),\(list($0.units))" }).joined(separator: "\n") + "\n"
    }

    static func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: " ") }
}
