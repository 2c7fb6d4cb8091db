import Foundation
import TestSupport
import Testing

/// `backbones units --exact --vebi` end to end on digits (two classes): every exact set's
/// coverage recomputed from transactions.csv (q = 1: a transaction is covered when all its
/// units are in the set), the others' row kept (ε = 0: no other class's transaction covered),
/// sizes within the budget, the size-matched rows taken from the front; bad options exit 2.
@Suite(.serialized) struct UnitsFrontTests {
    @Test func exactAndVEBIFrontsOnDigits() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["units", "--network", "data/digits/network.npz", "--activations", "data/digits/train.csv",
                                    "--test", "data/digits/test.csv", "--exact", "--vebi", "--draws", "10", "--classes", "2,8",
                                    "--front-sizes", "7", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let transactions = try String(contentsOf: dir.appendingPathComponent("transactions.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { line -> (Int, Set<Int>) in
                let f = line.split(separator: ",", omittingEmptySubsequences: false)
                return (Int(f[1])!, Set(f[2].split(separator: " ").map { Int($0)! }))
            }.filter { !$0.1.isEmpty }
        let rows = try String(contentsOf: dir.appendingPathComponent("front.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.first?.hasPrefix("class,method,budget,size,covered,instances,others_covered,other_instances,status,") == true)
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            let f = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let label = Int(f[0])!, method = f[1], budget = Int(f[2])!, size = Int(f[3])!
            let units = Set(f[16].split(separator: " ").map { Int($0)! })
            seen[method, default: 0] += 1
            #expect(units.count == size && size <= budget && [2, 8].contains(label))
            if method == "vebi" {
                #expect(size == budget, "VEBI sets have exactly K units")
                continue
            }
            let own = transactions.filter { $0.0 == label }, others = transactions.filter { $0.0 != label }
            #expect(Int(f[4]) == own.filter { $0.1.isSubset(of: units) }.count, "\(row)")
            #expect(Int(f[5]) == own.count && Int(f[7]) == others.count)
            let othersCovered = others.filter { $0.1.isSubset(of: units) }.count
            #expect(Int(f[6]) == othersCovered)
            if method == "exact-specific" { #expect(othersCovered == 0, "ε = 0: \(row)") }
            #expect(f[8] == "optimal")
            #expect(budget >= 5, "q = 1 and k = 5: nothing is covered below 5 units")
        }
        #expect(seen["exact-backbone"] == 6 && seen["exact-specific"] == 6 && seen["vebi"] == 14)
        // The main table's exact rows are the fronts' sets at the rule set's size.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("units.json"))) as? [String: Any])
        let ablation = try #require((report["ablation"] as? [String: Any])?["classes"] as? [[String: Any]])
        let front = try #require((report["front"] as? [String: Any])?["sets"] as? [[String: Any]])
        for c in ablation {
            let methods = c["methods"] as! [[String: Any]]
            let ruleSize = (methods.first { $0["method"] as? String == "rules" }!["units"] as! [Int]).count
            for m in methods where m["method"] as? String != "rules" {
                let match = front.first { $0["label"] as? Int == c["label"] as? Int && $0["method"] as? String == m["method"] as? String && $0["budget"] as? Int == ruleSize }
                #expect(match?["units"] as? [Int] == m["units"] as? [Int], "\(m["method"]!) of class \(c["label"]!)")
            }
        }
    }

    @Test(arguments: [
        (["--exact"], "--exact and --vebi need --test"),
        (["--test", "data/digits/test.csv", "--exact", "--epsilon", "1.5"], "--epsilon: the others' share must be in [0, 1], got 1.5"),
        (["--test", "data/digits/test.csv", "--exact", "--share", "0"], "--share: the coverage share q must be in (0, 1], got 0.0"),
        (["--test", "data/digits/test.csv", "--exact", "--solver", "both"], "--solver takes glpk or cbc"),
        (["--test", "data/digits/test.csv", "--vebi", "--front-sizes", "0"], "backbones: error: --front-sizes must be at least 1"),
    ] as [([String], String)])
    func badOptionsExitTwo(_ arguments: [String], _ message: String) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["units", "--network", "data/digits/network.npz", "--activations", "data/digits/train.csv"] + arguments
                                   + ["--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 2)
        #expect(out.stderr.contains(message), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path), "nothing written")
    }
}
