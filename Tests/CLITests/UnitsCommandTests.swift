import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Testing

/// `backbones units` end to end on the bundled digits: the files, their agreement with each
/// other and with the data, and bad input as one line with exit 2.
@Suite(.serialized) struct UnitsCommandTests {
    let digits = ["--network", "data/digits/network.npz", "--activations", "data/digits/train.csv"]

    func json(_ path: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any])
    }

    @Test func digitsRulesSetsAndAblation() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["units"] + digits + ["--test", "data/digits/test.csv", "--draws", "20", "--classes", "0,8",
                                                          "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try json(dir.appendingPathComponent("units.json"))
        // Every class's set is the union of its rules' antecedents; specific + shared = the set.
        let classes = try #require(report["classes"] as? [[String: Any]])
        #expect(classes.count == 10)
        let kinds = Dictionary(uniqueKeysWithValues: try #require(report["units"] as? [[String: Any]]).map { ($0["unit"] as! Int, $0["kind"] as! String) })
        for c in classes {
            let rules = try #require(c["rules"] as? [[String: Any]])
            let union = Set(rules.flatMap { $0["antecedent"] as! [Int] })
            let units = c["units"] as! [Int], specific = c["specific"] as! [Int], shared = c["shared"] as! [Int]
            #expect(Set(units) == union && Set(specific + shared) == union)
            #expect(specific.allSatisfy { kinds[$0] == "specific" } && shared.allSatisfy { kinds[$0] == "shared" })
            for r in rules {  // confidence = support / antecedent support ≥ 0.5
                let s = r["support"] as! Int, a = r["antecedent_support"] as! Int
                #expect(2 * s >= a && abs((r["confidence"] as! Double) - Double(s) / Double(a)) < 1e-12)
            }
        }
        // A unit in one class's set only is specific: count the sets holding each unit.
        var owners: [Int: Int] = [:]
        for c in classes { for u in c["units"] as! [Int] { owners[u, default: 0] += 1 } }
        #expect(owners.allSatisfy { (kinds[$0.key] == "specific") == ($0.value == 1) })

        // The intact accuracy of class 8 is the share of its test.csv rows whose prediction is right.
        let rows = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("data/digits/test.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 2) }
        let eights = rows.filter { $0[0] == "8" }
        let ablation = try #require((report["ablation"] as? [String: Any])?["classes"] as? [[String: Any]])
        #expect(ablation.map { $0["label"] as! Int } == [0, 8])
        #expect(ablation[1]["instances"] as? Int == eights.count)
        #expect(ablation[1]["intact_accuracy"] as? Double == Double(eights.filter { $0[1] == "8" }.count) / Double(eights.count))
        let method = try #require((ablation[1]["methods"] as? [[String: Any]])?.first)
        #expect(method["units"] as? [Int] == classes[8]["units"] as? [Int])
        #expect((method["random"] as? [String: Any])?["draws"] as? Int == 20)

        // CSV files: one ablation row per (class, method), one transaction per training row, ≤ 5 units each.
        let csv = try String(contentsOf: dir.appendingPathComponent("ablation.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 3 && csv[1].hasPrefix("0,rules,"))
        let tx = try String(contentsOf: dir.appendingPathComponent("transactions.csv"), encoding: .utf8).split(separator: "\n")
        #expect(tx.count == 1348 && tx.dropFirst().allSatisfy { $0.split(separator: ",")[2].split(separator: " ").count <= 5 })
        let svg = XMLParser(data: try Data(contentsOf: dir.appendingPathComponent("ablation.svg")))
        #expect(svg.parse(), "ablation.svg is well-formed XML")

        // The same run again gives the same files (seeded draws), timings aside.
        let again = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: again) }
        _ = try runBackbones(["units"] + digits + ["--test", "data/digits/test.csv", "--draws", "20", "--classes", "0,8", "--output", again.path])
        for file in ["ablation.csv", "rules.csv", "units.csv", "ablation.svg"] {
            #expect(try Data(contentsOf: dir.appendingPathComponent(file)) == Data(contentsOf: again.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test func scoresFileAndTheAuthorsConfidence() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two patches of instance 1 and one of instance 2 per class, 4 units: {0,1,2} twice in class 0.
        let scores = dir.appendingPathComponent("scores.csv")
        try "instance,label,a,b,c,d\n1,0,3,2,1,0\n1,0,3,2,1,0\n2,0,1,2,3,0\n3,1,0,0,2,3\n4,1,0,0,2,3\n".write(to: scores, atomically: true, encoding: .utf8)
        let out = try runBackbones(["units", "--scores", scores.path, "--k", "3", "--confidence", "authors", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let classes = try #require(try json(dir.appendingPathComponent("units.json"))["classes"] as? [[String: Any]])
        // Class 0: X = {0,1,2}: unit 0 dropped, {1,2} → 0 with s = 3, conf 3/3; class 1: {2,3} only in pairs, no rule.
        #expect(classes[0]["units"] as? [Int] == [1, 2] && classes[1]["units"] as? [Int] == [])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ablation.csv").path))
    }

    @Test(arguments: [
        (["--network", "../shared/reference/lfw/recognizer1.npz", "--activations", "data/digits/train.csv"],
         "backbones: error: data/digits/train.csv: 112 value columns, but the network takes 128 inputs and has 230 hidden units"),
        (["--network", "data/digits/network.npz", "--activations", "data/digits/train.csv", "--test", "data/digits/test.csv", "--classes", "3,12"],
         "backbones: error: class 12 was asked for, but the network's classes are 0, 1, 2, 3, 4, 5, 6, 7, 8, 9"),
        (["--network", "data/digits/network.npz", "--activations", "data/digits/train.csv", "--k", "20", "--scope", "layer"],
         "backbones: error: --k: k = 20 is larger than layer 3 (16 units; layers 64,32,16)"),
        (["--network", "data/digits/network.npz", "--activations", "data/digits/train.csv", "--k", "5", "--scope", "4"],
         "backbones: error: the scope is layer 4, but the network has 3 hidden layers (64,32,16)"),
        (["--network", "data/digits/network.npz", "--activations", "data/digits/network.npz"],
         "backbones: error: data/digits/network.npz: no 'activations' array in the archive"),
        (["--activations", "data/digits/train.csv"], "--activations needs --network"),
        (["--network", "data/digits/network.npz", "--activations", "data/digits/train.csv", "--scope", "all"], "--scope takes network, layer, reference"),
    ] as [([String], String)])
    func badInputIsOneLineAndExitTwo(_ arguments: [String], _ message: String) throws {
        guard TestPaths.referenceAvailable || !arguments.contains(where: { $0.hasPrefix("../shared/reference") }) else { return }
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["units"] + arguments + ["--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 2)
        #expect(out.stderr.contains(message), "\(out.stderr)")
        if message.hasPrefix("backbones: error:") { #expect(out.stderr.split(separator: "\n").count == 1) }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path), "nothing written")
    }
}
