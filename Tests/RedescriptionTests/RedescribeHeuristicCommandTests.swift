import Foundation
import Redescription
import TestSupport
import Testing

/// `backbones redescribe --heuristic`, `--prove`, `--start`, `--rr` and the column selections
/// end to end, on a hand-made pair of views whose best redescription is known.
@Suite(.serialized) struct RedescribeHeuristicCommandTests {
    /// One CSV of 12 rows: t = 1 on rows 3…8 (the target); a = the row number but 20 on row 5;
    /// b = 1 on rows 0, 1, 3…8. b ∈ [1, 1] alone is 6/8; b ∈ [1, 1] AND a ∈ [2, 20] (or AND NOT
    /// a ∈ [0, 1]) is rows 3…8 exactly: JS 1.
    func view(_ dir: URL) throws -> String {
        var text = "id,t,a,b\n"
        for r in 0..<12 { text += "r\(r),\(r >= 3 && r <= 8 ? 1 : 0),\(r == 5 ? 20 : r),\(r <= 1 || (r >= 3 && r <= 8) ? 1 : 0)\n" }
        let path = dir.appendingPathComponent("v.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func heuristicProveStartAndRRFile() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = try view(dir), rr = dir.appendingPathComponent("out.rr").path
        let common = ["redescribe", "--left", v, "--right", v, "--left-columns", "t", "--right-columns", "a..b", "--target", "t >= 1 <= 1", "--min-support", "2"]
        let h = try runBackbones(common + ["--heuristic", "--rr", rr])
        #expect(h.status == 0, "\(h.stderr)")
        #expect(h.stdout.contains("JS 1.0000 = 6/6"), "\(h.stdout)")
        let file = try RRFile.read(path: rr)
        let first = try #require(file.records.first)
        #expect(first.left.text == "t >= 1.0 <= 1.0" && first.jaccard == 1 && first.intersection == 6 && first.union == 6)
        #expect(first.intersectionIDs == ["r3", "r4", "r5", "r6", "r7", "r8"])
        #expect(file.records.allSatisfy { $0.jaccard <= 1 } && file.footer.first?.hasPrefix("Found: \(file.records.count) redescriptions") == true)

        // --prove: the exact search from the heuristic's best keeps it (JS 1 needs no MILP).
        let p = try runBackbones(common + ["--heuristic", "--prove", "--json"])
        #expect(p.status == 0, "\(p.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(p.stdout.utf8)) as? [String: Any])
        let t = try #require((report["targets"] as? [[String: Any]])?.first)
        let start = try #require(t["start"] as? [String: Any])
        #expect(start["kept"] as? Bool == true && t["jaccard"] as? Double == 1 && (t["certificate"] as? [String: Any])?["proven"] as? Bool == true)
        #expect(((t["heuristic"] as? [String: Any])?["redescriptions"] as? [Any])?.isEmpty == false)

        // --start: the exact search from b ∈ [1, 1] (6/8) improves it to 6/6.
        let s = try runBackbones(common + ["--start", "b >= 1 <= 1", "--max-literals", "2"])
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout.contains("JS 1.0000 = 6/6, improved from 6/8"), "\(s.stdout)")
    }

    /// The exact search bounds the support and the union (`--min-support`, `--min-uncovered`) but
    /// not the p-value, so `--prove` can improve the miner's best into a redescription the miner's
    /// filters reject; the report says so. t = 1 on rows 3…8; c = 1 on rows 3…7 (5/6, 6 rows
    /// outside the union, ReReMi's p = P(X ≥ 5), X ~ B(12, 30/144): 0.084); d = 1 on rows 2…8
    /// (6/7, 5 outside, p = P(X ≥ 6), X ~ B(12, 42/144): 0.105).
    @Test func proveKeepsTheUnionBoundAndSaysWhenItFailsTheOtherFilters() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "id,t,c,d\n"
        for r in 0..<12 { text += "r\(r),\(r >= 3 && r <= 8 ? 1 : 0),\(r >= 3 && r <= 7 ? 1 : 0),\(r >= 2 && r <= 8 ? 1 : 0)\n" }
        let v = dir.appendingPathComponent("v.csv").path
        try text.write(toFile: v, atomically: true, encoding: .utf8)
        let args = ["redescribe", "--left", v, "--right", v, "--left-columns", "t", "--right-columns", "c..d", "--target", "t >= 1 <= 1",
                    "--min-support", "2", "--max-literals", "1", "--heuristic", "--prove"]
        func target(_ extra: [String]) throws -> (mined: [String: Any], exact: [String: Any]) {
            let out = try runBackbones(args + extra + ["--json"])
            #expect(out.status == 0, "\(out.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
            let t = try #require((report["targets"] as? [[String: Any]])?.first)
            return (try #require(((t["heuristic"] as? [String: Any])?["redescriptions"] as? [[String: Any]])?.first), t)
        }
        // p ≤ 0.09: the miner keeps c; the exact search improves it to d, which fails that filter.
        let p = try target(["--max-p-value", "0.09"])
        #expect(p.mined["intersection"] as? Int == 5 && p.mined["union"] as? Int == 6, "\(p.mined)")
        #expect(p.exact["intersection"] as? Int == 6 && p.exact["union"] as? Int == 7 && p.exact["passes_miner_filters"] as? Bool == false, "\(p.exact)")
        let table = try runBackbones(args + ["--max-p-value", "0.09"])
        #expect(table.stdout.contains("note: this result fails the miner's filters"), "\(table.stdout)")
        // ≥ 6 rows outside the union: d is out of bounds for the exact search too; c is kept, proven.
        let u = try target(["--min-uncovered", "6"])
        #expect(u.exact["intersection"] as? Int == 5 && u.exact["union"] as? Int == 6 && u.exact["passes_miner_filters"] as? Bool == true, "\(u.exact)")
        #expect((u.exact["certificate"] as? [String: Any])?["proven"] as? Bool == true && (u.exact["start"] as? [String: Any])?["kept"] as? Bool == true)
    }

    @Test func attributeTargets() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = try view(dir)
        let out = try runBackbones(["redescribe", "--left", v, "--right", v, "--left-columns", "t", "--right-columns", "a,b", "--heuristic",
                                    "--target-bins", "equal-frequency", "--min-support", "2", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let targets = try #require(report["targets"] as? [[String: Any]])
        // t's bins are {0} and {1}: the best pairs t = 1 with rows 3…8 (or t = 0 with the rest), JS 1.
        #expect(targets.count == 1 && targets[0]["attribute"] as? String == "t" && targets[0]["jaccard"] as? Double == 1)
    }

    @Test func badInput() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = try view(dir)
        let base = ["redescribe", "--left", v, "--right", v, "--min-support", "1"]
        let cases: [([String], String)] = [
            (["--left-columns", "zz", "--target", "t >= 1 <= 1", "--heuristic"], "no attribute 'zz' to select"),
            (["--right-columns", "b..a", "--target", "t >= 1 <= 1", "--heuristic"], "'b..a': the first attribute comes after the last"),
            (["--target", "t >= 5 <= 6", "--heuristic"], "target 't >= 5.0 <= 6.0' holds no row of \(v)"),
            (["--target", "t >= 1 <= 1", "--prove"], "--prove needs --heuristic"),
            (["--target", "t >= 1 <= 1", "--start", "a >= 50 <= 60"], "the start query 'a >= 50.0 <= 60.0' holds 0 target rows"),
            (["--target", "t >= 1 <= 1", "--heuristic", "--query-bins", "halves"], "'halves' is not a binning"),
        ]
        for (args, expected) in cases {
            let out = try runBackbones(base + args)
            #expect(out.status == 2, "\(args): \(out.stderr)")
            let first = out.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix("backbones: error: ") && first.contains(expected), "\(args): \(out.stderr)")
            #expect(out.stderr.split(separator: "\n").filter { !$0.hasPrefix("Usage:") }.count == 1, "\(out.stderr)")
        }
    }
}
