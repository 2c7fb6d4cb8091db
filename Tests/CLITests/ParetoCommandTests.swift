import BackboneData
import Foundation
import TestSupport
import Testing

/// End-to-end runs of `pareto`, `heuristic` and `ilp` on the bundled digits data.
@Suite(.serialized) struct ParetoCommandTests {
    let data = ["--activations", "data/digits/train.csv", "--layers", "64,32,16", "--weights", "data/digits/weights.csv"]

    func json(_ path: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require(value as? [String: Any])
    }

    @Test func paretoWithBothBackendsWritesAConsistentReport() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["pareto"] + data + ["--only", "correct:0,correct:6", "--q", "0.5", "--method", "both",
                                                         "--solver", "both", "--time-limit", "5", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("correct:0 q=0.5 glpk: K="))
        #expect(out.stdout.contains("Overview"))
        let report = try json(dir.appendingPathComponent("report.json").path)
        let groups = try #require(report["groups"] as? [[String: Any]])
        #expect(groups.map { $0["group"] as? String } == ["correct:0", "correct:6"])
        for g in groups {
            let fronts = try #require(g["fronts"] as? [[String: Any]])
            #expect(fronts.map { $0["solver"] as? String } == ["search", "glpk", "cbc"])
            let instances = try #require(g["instances"] as? Int)
            for f in fronts {
                let points = try #require(f["points"] as? [[String: Any]])
                #expect(points.last?["covered"] as? Int == instances, "the front ends at full coverage")
                for p in points where p["status"] as? String != "optimal" {
                    #expect(p["gap"] as? Double != nil && p["bound"] as? Double != nil, "an unproven point shows its bound and gap")
                }
            }
            // The search proves every point; the backends' proven points agree with it (the
            // command would have failed otherwise). Known fronts: digit 0 128, 131, 132 at
            // K = 25…27; digit 6 everything at 25.
            let search = (fronts[0]["points"] as! [[String: Any]])
            #expect(search.allSatisfy { $0["status"] as? String == "optimal" })
            #expect(search.map { $0["covered"] as? Int } == (g["group"] as? String == "correct:0" ? [128, 131, 132] : [135]))
            for other in fronts.dropFirst() {
                for (p, q) in zip(search, other["points"] as! [[String: Any]]) where q["status"] as? String == "optimal" {
                    #expect(p["covered"] as? Int == q["covered"] as? Int)
                }
            }
            let heuristics = try #require(g["heuristic_points"] as? [[String: Any]])
            #expect(heuristics.first?["method"] as? String == "reference")
            #expect(heuristics.allSatisfy { ($0["standing"] as? [String: Any])?["verdict"] is String })
        }
        for plot in ["correct-0-q0.5.svg", "correct-6-q0.5.svg"] {
            let svg = try String(contentsOf: dir.appendingPathComponent("plots/\(plot)"), encoding: .utf8)
            #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
            #expect(svg.contains("</svg>"))
        }
        let csv = try String(contentsOf: dir.appendingPathComponent("report.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").first?.hasPrefix("group,kind,q,source,solver,budget") == true)
    }

    @Test func heuristicWritesTheAuthorsExplanationFormat() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("explanation.txt").path
        let out = try runBackbones(["heuristic"] + data + ["--groups", "all", "--explanation", file])
        #expect(out.status == 0, "\(out.stderr)")
        let explanation = try Explanation.read(path: file)
        #expect(explanation.correct.count == 10)
        #expect(!explanation.misclassified.isEmpty)
        #expect(!explanation.confusion.isEmpty)
        // Weights are support-level ratios in (0, 1], the largest exactly 1.
        for b in explanation.correct {
            #expect(b.neurons.allSatisfy { $0.weight > 0 && $0.weight <= 1 })
            #expect(b.neurons.map(\.weight).max() == 1)
        }
    }

    @Test func coverILPAtABudgetIsTheSameForBothBackends() throws {
        let out = try runBackbones(["ilp", "--model", "cover"] + data + ["--only", "correct:3", "--budget", "60", "--solver", "both", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        #expect(results.count == 2)
        for r in results {
            #expect(r["status"] as? String == "optimal")
            #expect(r["covered"] as? Int == 82)
            #expect((r["size"] as? Int).map { $0 <= 60 } == true)
        }
    }

    @Test func referenceModelOnTwoDigitsUsesTheWholeDiversityBudget() throws {
        let out = try runBackbones(["ilp", "--model", "reference"] + data + ["--only", "correct:0,correct:1", "--rho3", "0.55",
                                                                              "--solver", "cbc", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        let r = try #require(results.first)
        #expect(r["objective"] as? Double == 173)  // 112 neurons + ⌊0.55·112⌋ = 61 shared
        #expect(r["union"] as? Int == 112)
        #expect(r["shared_variables"] as? Int == 61)
    }

    /// The reference model is solved reduced by default (same optimum); `--no-reduce` solves
    /// and exports the plain model. The JSON says which, with the solved model's size.
    @Test func referenceModelReducedByDefaultAndPlainWithNoReduce() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var results: [Bool: [String: Any]] = [:]
        for plain in [false, true] {
            let lp = dir.appendingPathComponent(plain ? "plain.lp" : "reduced.lp").path
            let out = try runBackbones(["ilp", "--model", "reference"] + data + ["--only", "correct:0,correct:1,correct:2", "--sense", "min",
                                                                                  "--solver", "both", "--json", "--write-lp", lp] + (plain ? ["--no-reduce"] : []))
            #expect(out.status == 0, "\(out.stderr)")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
            #expect(list.count == 2 && list.allSatisfy { $0["status"] as? String == "optimal" })
            let r = try #require(list.first)
            let model = try #require(r["model"] as? [String: Any])
            #expect(model["reduced"] as? Bool == !plain)
            results[plain] = r
            // The LP file is the model solved: instance slacks u only in the plain one (ρ2 = 0).
            let text = try String(contentsOfFile: lp, encoding: .utf8)
            #expect(text.contains("u_0_0") == plain)
        }
        let reduced = try #require(results[false]), plain = try #require(results[true])
        #expect(reduced["objective"] as? Double == plain["objective"] as? Double)
        let rows = { (r: [String: Any]) in (r["model"] as? [String: Any])?["rows"] as? Int ?? 0 }
        #expect(rows(reduced) > 0 && rows(reduced) * 5 < rows(plain), "\(rows(reduced)) vs \(rows(plain))")
    }

    @Test(arguments: [
        (["--q", "1.5"], "--q: coverage shares are in (0, 1]"),
        (["--only", "correct:42"], "unknown groups: correct:42"),
        (["--layers", "64,32"], "sum to 96 but"),
    ])
    func paretoBadInputExitsTwo(_ extra: [String], _ fragment: String) throws {
        var args = ["pareto"] + data + ["--output", "/tmp/never-written-\(UUID().uuidString)"]
        if let i = args.firstIndex(of: "--layers"), extra.first == "--layers" { args.removeSubrange(i...(i + 1)) }
        let out = try runBackbones(args + extra)
        #expect(out.status == 2, "\(out.stderr)")
        #expect(out.stderr.contains(fragment), "\(out.stderr)")
    }

    @Test func raggedActivationFileNamesLineAndExitsTwo() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("a.csv").path
        try "label,predicted,n0,n1,n2\n0,0,1,2,3\n1,1,4,5\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let out = try runBackbones(["pareto", "--activations", csv, "--layers", "2,1", "--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("a.csv:3"), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
