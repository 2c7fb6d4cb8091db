import FileSupport
import Foundation
import Redescription
import Workflows

/// The JSON of `backbones redescribe` (docs/redescriptions.md): per target our certified query
/// with its measures, the Dinkelbach steps and the certificate, the heuristic's redescriptions
/// when it ran, theirs beside it when it came from their files; the comparison over those targets.
public enum RedescribeJSON {
    public static func json(_ r: RedescribeJob.Result) -> JSON {
        let s = r.settings.search
        var fields: [(String, JSON)] = [
            ("left", view(r.left)), ("right", view(r.right)),
            ("settings", .object([
                ("max_literals", .int(s.maxLiterals)), ("min_support", .int(s.minimumSupport)),
                ("time_limit", .number(s.timeLimit)), ("threads", .int(s.threads)),
                ("start", .string(r.settings.start)), ("target_bins", .string(r.settings.targetBins?.name)),
                ("heuristic", r.settings.heuristic.map(heuristicSettings) ?? .null),
            ])),
            ("targets", .array(r.targets.map(target))),
        ]
        if let c = r.comparison {
            fields.append(("comparison", .object([
                ("targets", .int(c.targets)), ("proven", .int(c.proven)), ("ours_at_least_theirs", .int(c.atLeastTheirs)),
                ("better", .int(c.better)), ("equal", .int(c.equal)), ("worse", .int(c.worse)),
                ("mean_jaccard_ours", .number(c.meanOurs)), ("mean_jaccard_theirs", .number(c.meanTheirs)),
                ("seconds_mean", .number(c.secondsMean)), ("seconds_median", .number(c.secondsMedian)), ("seconds_max", .number(c.secondsMax)),
            ])))
        }
        fields.append(("seconds", .number(r.seconds)))
        return .object(fields)
    }

    public static func text(_ r: RedescribeJob.Result) -> String { json(r).serialized(pretty: true) + "\n" }

    static func view(_ v: View) -> JSON {
        .object([("file", .string(v.file)), ("rows", .int(v.rowCount)), ("attributes", .int(v.attributes.count))])
    }

    static func pValue(_ p: PValue) -> JSON { .object([("value", .number(p.value)), ("log10", .number(p.log10))]) }

    static func heuristicSettings(_ h: RedescribeJob.Heuristic) -> JSON {
        let m = h.miner
        return .object([
            ("query_bins", .string(h.queryBins.name)), ("prove", .bool(h.prove)),
            ("max_left_literals", .int(m.maxLeftLiterals)), ("max_right_literals", .int(m.maxRightLiterals)),
            ("min_support", .int(m.minimumSupport)), ("min_uncovered", .int(m.minimumUncovered)),
            ("min_jaccard", .number(m.minimumJaccard)), ("max_p_value_reremi", .number(m.maximumPValue)),
            ("initial_pairs", .int(m.initialPairs)), ("beam_width", .int(m.beamWidth)),
            ("negation", .bool(m.negation)), ("disjunction", .bool(m.disjunction)), ("results", .int(m.results)),
        ])
    }

    static func mined(_ r: MinedRedescription) -> JSON {
        let m = r.measures
        return .object([
            ("left", .string(r.left.text)), ("right", .string(r.right.text)),
            ("left_size", .int(m.leftSupport)), ("right_size", .int(m.rightSupport)),
            ("intersection", .int(m.intersection)), ("union", .int(m.union)), ("jaccard", .number(m.jaccard)),
            ("p_value_exitnerdom", pValue(m.pValueExitnerdom)), ("p_value_reremi", pValue(m.pValueReReMi)),
        ])
    }

    static func target(_ t: RedescribeJob.Target) -> JSON {
        var fields: [(String, JSON)] = [
            ("target", .string(t.query.text)), ("attribute", .string(t.attribute)), ("target_size", .int(t.size)),
            ("jaccard", .number(t.jaccard)),
        ]
        if let seconds = t.minedSeconds {
            fields.append(("heuristic", .object([("seconds", .number(seconds)), ("redescriptions", .array(t.mined.map(mined)))])))
        }
        if let r = t.exact { fields += exact(r) }
        if let passes = t.passesMinerFilters { fields.append(("passes_miner_filters", .bool(passes))) }
        if let theirs = t.theirs {
            fields.append(("theirs", .object([
                ("jaccard", .number(theirs.bestJaccard)), ("left", .string(theirs.best.leftText.trimmingCharacters(in: .whitespaces))),
                ("right", .string(theirs.best.rightText.trimmingCharacters(in: .whitespaces))),
                ("intersection", .int(theirs.best.intersection)), ("union", .int(theirs.best.union)),
                ("uses_not_or", .bool(!theirs.best.right.isConjunction)), ("records", .int(theirs.records)),
                ("file", .string(theirs.bestFile)), ("line", .int(theirs.best.line)),
            ])))
        }
        if t.searches.count > 1 {
            fields.append(("other_solvers", .array(t.searches.dropFirst().map { o in
                .object([("solver", .string(o.certificate.solver)), ("jaccard", .number(o.measures.jaccard)),
                         ("proven", .bool(o.certificate.proven)), ("seconds", .number(o.seconds))])
            })))
        }
        return .object(fields)
    }

    /// The exact search's fields, at the target's level (`jaccard` above is its JS when it ran).
    static func exact(_ r: ExactSearch.Result) -> [(String, JSON)] {
        let m = r.measures, c = r.certificate
        return [
            ("query", .string(r.query.text)), ("query_size", .int(m.rightSupport)),
            ("intersection", .int(m.intersection)), ("union", .int(m.union)),
            ("p_value_exitnerdom", pValue(m.pValueExitnerdom)), ("p_value_reremi", pValue(m.pValueReReMi)),
            ("start", .object([("intersection", .int(r.start.intersection)), ("union", .int(r.start.union)),
                               ("jaccard", .number(Double(r.start.intersection) / Double(r.start.union))),
                               ("query", .string(r.startQuery?.text)), ("kept", .bool(r.keptStart))])),
            ("certificate", .object([
                ("kind", .string(c.kind.rawValue)), ("solver", .string(c.solver)), ("solver_version", .string(c.solverVersion)),
                ("lambda", .array([.int(c.numerator), .int(c.denominator)])), ("status", .string(c.status.rawValue)),
                ("objective", .number(c.objective)), ("bound", .number(c.bound)), ("proven", .bool(c.proven)),
                ("jaccard_upper_bound", .number(c.jaccardUpperBound)),
            ])),
            ("steps", .array(r.steps.map { s in
                .object([
                    ("lambda", .array([.int(s.numerator), .int(s.denominator)])), ("status", .string(s.status.rawValue)),
                    ("objective", .number(s.objective)), ("bound", .number(s.bound)),
                    ("intersection", s.intersection.map(JSON.int) ?? .null), ("union", s.union.map(JSON.int) ?? .null),
                    ("seconds", .number(s.seconds)),
                ])
            })),
            ("model", .object([("attributes", .int(r.attributes)), ("atoms", .int(r.atoms)), ("columns", .int(r.columns)), ("rows", .int(r.rows))])),
            ("seconds", .number(r.seconds)),
        ]
    }
}
