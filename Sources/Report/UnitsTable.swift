import FileSupport
import Workflows

/// The terminal summary of `backbones units` (also `summary.txt`): the input, each class's
/// set and rules, and the ablation table with the random sets' mean ± sd.
public enum UnitsTable {
    public static func text(_ r: UnitsJob.Result) -> String {
        var lines = r.description.map { "\($0.0): \($0.1)" }
        let s = r.settings.rules
        lines.append("rules: per class, itemsets at support ≥ \(s.minimumSupport), antecedents of ≥ \(s.minimumAntecedent) units, confidence ≥ \(Format.exact(s.minimumConfidence)) (\(s.confidence.rawValue)), top \(s.rulesPerClass) by support × confidence, pruned; \(Format.fixed(r.rulesSeconds, 3)) s")
        lines.append("")
        var sets = TextTable(columns: [.init("class"), .init("transactions"), .init("rules"), .init("units"), .init("specific"),
                                       .init("shared"), .init("set", .left)])
        let kinds = Dictionary(uniqueKeysWithValues: r.units.units.map { ($0.unit, $0.kind) })
        for c in r.units.perClass {
            sets.add([String(c.label), String(c.transactions), "\(c.rules.count)/\(c.candidates)", String(c.units.count),
                      String(c.units.filter { kinds[$0] == .specific }.count), String(c.units.filter { kinds[$0] == .shared }.count),
                      c.units.map(String.init).joined(separator: " ")])
        }
        lines += sets.render()
        let shared = r.units.units.filter { $0.kind == .shared }.count
        lines.append("\(Format.count(r.units.units.count, "unit")) in some class's set: \(r.units.units.count - shared) specific, \(shared) shared")
        guard let ablation = r.ablation else { return (lines + ["", "no held-out rows: no ablation"]).joined(separator: "\n") + "\n" }
        lines.append("")
        lines.append("ablation on held-out rows (accuracy drop = intact − ablated; random: \(r.settings.draws) sets of the same size in the same layers, seed \(r.settings.seed)); \(Format.fixed(r.ablationSeconds, 2)) s")
        var table = TextTable(columns: [.init("class"), .init("n"), .init("intact"), .init("method", .left), .init("size"),
                                        .init("acc. drop"), .init("random drop"), .init("p"), .init("p(true) drop"),
                                        .init("random"), .init("others' drop")])
        for c in ablation {
            for m in c.methods {
                table.add([String(c.label), String(c.intact.instances), Format.percent(c.intact.accuracy), m.method, String(m.units.count),
                           Format.percent(c.intact.accuracy - m.own.accuracy),
                           Format.percent(c.intact.accuracy - m.randomAccuracy.mean) + " ± " + Format.percent(m.randomAccuracy.sd),
                           Format.fixed(m.empiricalP, 3), Format.fixed(m.own.probabilityDrop, 3),
                           Format.fixed(m.randomProbabilityDrop.mean, 3) + " ± " + Format.fixed(m.randomProbabilityDrop.sd, 3),
                           Format.percent(c.intactOthers.accuracy - m.others.accuracy)])
            }
        }
        lines += table.render()
        for m in r.summary {
            lines.append("\(m.method): mean size \(Format.fixed(m.meanSize, 1)); mean accuracy drop \(Format.percent(m.meanAccuracyDrop)) vs \(Format.percent(m.meanRandomAccuracyDrop)) for random sets, \(Format.percent(m.meanOthersAccuracyDrop)) on the other classes; more harmful than the random mean in \(m.moreHarmfulThanRandom) of \(m.classes) classes, p ≤ 0.05 in \(m.significant)")
        }
        let means = r.frontMeans
        if !means.isEmpty {
            lines += ["", "fronts (means over the classes with a set of at most K units; exact: \(Format.fixed(r.exactSeconds, 2)) s, VEBI: \(Format.fixed(r.vebiSeconds, 2)) s)"]
            var front = TextTable(columns: [.init("method", .left), .init("K"), .init("classes"), .init("size"), .init("acc. drop"),
                                            .init("random drop"), .init("> random"), .init("others' drop"), .init("covered"), .init("others covered")])
            for m in means {
                front.add([m.method, String(m.budget), String(m.classes), Format.fixed(m.meanSize, 1), Format.percent(m.meanAccuracyDrop),
                           Format.percent(m.meanRandomAccuracyDrop) + " ± " + Format.percent(m.meanRandomSD), "\(m.moreHarmfulThanRandom)/\(m.classes)",
                           Format.percent(m.meanOthersAccuracyDrop), m.meanCoverage.map { Format.percent($0) } ?? "",
                           m.meanOthersCoverage.map { Format.percent($0, 2) } ?? ""])
            }
            lines += front.render()
        }
        if !r.notes.isEmpty { lines += [""] + r.notes.map { "note: \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }
}
