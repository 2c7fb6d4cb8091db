import Foundation
import TestSupport
import Testing

/// `backbones redescribe` end to end: a hand-made pair of views (brute-force known answer),
/// their data when present, and bad input as one line with exit 2.
@Suite(.serialized) struct RedescribeCommandTests {
    let header = "@relation r\n@attribute id string\n@attribute a numeric\n@attribute b numeric\n@data\n"

    /// Two views of 12 rows. Left: a = 1 on rows 3…8 (the target), b = the row number. Right:
    /// a = the row number but 20 on row 5; b = 1 on rows 0, 1, 3…8, else 0. One literal: at best
    /// a ∈ [3, 8] (rows 3, 4, 6, 7, 8: JS 5/6); two: a ∈ [3, 20] ∧ b ∈ [1, 1] is rows 3…8 (JS 1).
    func views(_ dir: URL) throws -> (String, String) {
        var left = header, right = header
        for r in 0..<12 {
            left += "'\(r)',\(r >= 3 && r <= 8 ? 1 : 0),\(r)\n"
            right += "'\(r)',\(r == 5 ? 20 : r),\(r <= 1 || (r >= 3 && r <= 8) ? 1 : 0)\n"
        }
        let l = dir.appendingPathComponent("left.arff").path, q = dir.appendingPathComponent("right.arff").path
        try left.write(toFile: l, atomically: true, encoding: .utf8)
        try right.write(toFile: q, atomically: true, encoding: .utf8)
        return (l, q)
    }

    @Test func handMadeViews() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (l, r) = try views(dir)
        let json = dir.appendingPathComponent("r.json")
        let out = try runBackbones(["redescribe", "--left", l, "--right", r, "--target", "a >= 1 <= 1", "--min-support", "2",
                                    "--max-literals", "1", "--solver", "both", "--json", "--output", json.path])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let t = try #require((report["targets"] as? [[String: Any]])?.first)
        #expect(t["query"] as? String == "a >= 3.0 <= 8.0" && t["intersection"] as? Int == 5 && t["union"] as? Int == 6)
        let certificate = try #require(t["certificate"] as? [String: Any])
        #expect(certificate["proven"] as? Bool == true && certificate["kind"] as? String == "milp" && certificate["objective"] as? Double == 0)
        #expect(certificate["solver"] as? String == "glpk" && (t["other_solvers"] as? [[String: Any]])?.first?["solver"] as? String == "cbc")
        #expect(try Data(contentsOf: json) == Data(out.stdout.utf8))

        let two = try runBackbones(["redescribe", "--left", l, "--right", r, "--target", "a >= 1 <= 1", "--min-support", "2"])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(two.stdout.contains("best: a >= 3.0 <= 20.0 AND b >= 1.0 <= 1.0\n  JS 1.0000 = 6/6, optimal (JS 1 is the largest possible)"), "\(two.stdout)")
    }

    @Test func badInput() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (l, r) = try views(dir)
        let nominal = dir.appendingPathComponent("nominal.arff").path
        try "@relation r\n@attribute id string\n@attribute a {x,y}\n@data\n'0',x\n".write(toFile: nominal, atomically: true, encoding: .utf8)
        let other = dir.appendingPathComponent("other.arff").path
        try (header + (0..<12).map { "'\($0 == 7 ? 70 : $0)',1,2\n" }.joined()).write(toFile: other, atomically: true, encoding: .utf8)
        let short = dir.appendingPathComponent("short.arff").path
        try (header + "'0',1,2\n").write(toFile: short, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--left", nominal, "--right", r, "--target", "a >= 0 <= 1"], "\(nominal):3:14: attribute 'a' is nominal"),
            (["--left", l, "--right", other, "--target", "a >= 0 <= 1"], "\(other):13:1: row 8 has id '70' but row 8 of \(l) has id '7'"),
            (["--left", l, "--right", short, "--target", "a >= 0 <= 1"], "\(short): has 1 rows but \(l) has 12"),
            (["--left", l, "--right", r, "--target", "a >= 5 <= 6", "--min-support", "1"], "target 'a >= 5.0 <= 6.0' holds no row of \(l)"),
            (["--left", l, "--right", r, "--target", "a >= 1 <= 1"], "the target holds 6 rows, fewer than the minimum support 10"),
            (["--left", l, "--right", r, "--target", "c >= 1 <= 1"], "no attribute 'c'"),
            (["--left", l, "--right", r, "--target", "a >= 1"], "the query ends where '<=' was expected"),
            (["--left", l, "--right", r], "give --target, --target-bins or --their"),
            (["--left", l, "--right", r, "--target-bins", "thirds"], "'thirds' is not a binning"),
        ]
        for (args, expected) in cases {
            let out = try runBackbones(["redescribe"] + args)
            #expect(out.status == 2, "\(args): \(out.stderr)")
            let first = out.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix("backbones: error: ") && first.contains(expected), "\(args): \(out.stderr)")
            #expect(out.stderr.split(separator: "\n").filter { !$0.hasPrefix("Usage:") }.count == 1, "\(out.stderr)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestPaths.reference("exitnerdom/arff/mlp-s-111.arff"))))
    func theirTargetsOfOneNeuron() throws {
        let root = TestPaths.reference("exitnerdom")
        let their = root + "/rr/Settings1/redescriptionsDLADNI1_2ForestRepDLInterpretabilityMW trainedwdbcmlps111neuron17 0.5 JSType 0minSupp 10.rr"
        let out = try runBackbones(["redescribe", "--left", root + "/arff/mlp-s-111.arff", "--right", root + "/arff/mlp-s-112.arff",
                                    "--their", their, "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let targets = try #require(report["targets"] as? [[String: Any]])
        // Their neuron-17 file has three single-interval targets: [0, 2.718] (their best 0.992),
        // [2.718, 5.890] (0.947), [8.641, 11.461] (0.706). Ours: 1, 0.947 (= theirs), 1.
        #expect(targets.map { "\($0["intersection"] as! Int)/\($0["union"] as! Int)" } == ["125/125", "18/19", "12/12"])
        let theirs = targets.map { ($0["theirs"] as! [String: Any])["jaccard"] as! Double }
        #expect(zip(theirs, [0.992, 18.0 / 19, 12.0 / 17]).allSatisfy { abs($0 - $1) < 1e-12 })
        let comparison = try #require(report["comparison"] as? [String: Any])
        #expect(comparison["ours_at_least_theirs"] as? Int == 3 && comparison["better"] as? Int == 2 && comparison["proven"] as? Int == 3)
    }
}
