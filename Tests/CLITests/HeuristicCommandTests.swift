import Foundation
import TestSupport
import Testing

/// `heuristic --transactions`: the reference heuristic on FIMI files written by
/// `backbones transactions`, against `heuristic --activations --only` on the bundled digits.
@Suite(.serialized) struct HeuristicCommandTests {
    let data = ["--activations", "data/digits/train.csv", "--layers", "64,32,16", "--weights", "data/digits/weights.csv"]

    func groups(_ stdout: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        return try #require(value?["groups"] as? [[String: Any]])
    }

    /// A group's JSON object as text without its name and the misclassified clean-up (which
    /// `--transactions` does not do), for comparison.
    func comparable(_ group: [String: Any]) throws -> String {
        var g = group
        g["group"] = nil
        g["after_cleanup"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: g, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func transactionFilesGiveTheSameBackbonesAsTheActivations() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tx = try runBackbones(["transactions"] + data + ["--groups", "correct,misclassified", "--output", dir.path])
        #expect(tx.status == 0, "\(tx.stderr)")
        let names = ["correct:0", "correct:5", "correct:8", "misclassified:3"]
        let files = names.map { dir.appendingPathComponent($0.replacingOccurrences(of: ":", with: "-") + ".dat").path }

        let fromFiles = try runBackbones(["heuristic", "--transactions", files.joined(separator: ","), "--layers", "64,32,16",
                                          "--q", "1,0.5", "--greedy", "--json"])
        #expect(fromFiles.status == 0, "\(fromFiles.stderr)")
        let got = try groups(fromFiles.stdout)
        #expect(got.map { $0["group"] as? String } == ["correct-0", "correct-5", "correct-8", "misclassified-3"])
        #expect(got.allSatisfy { $0["after_cleanup"] == nil })

        for (name, g) in zip(names, got) {
            let fromActivations = try runBackbones(["heuristic"] + data + ["--groups", "all", "--only", name,
                                                                           "--q", "1,0.5", "--greedy", "--json"])
            #expect(fromActivations.status == 0, "\(fromActivations.stderr)")
            let want = try #require(try groups(fromActivations.stdout).first)
            #expect((want["neurons"] as? [Any])?.isEmpty == false, "\(name) has a backbone")
            #expect(try comparable(g) == comparable(want), "\(name)")
        }

        // The text output names the group by the file stem too.
        let text = try runBackbones(["heuristic", "--transactions", files[0], "--layers", "64,32,16"])
        #expect(text.status == 0 && text.stdout.hasPrefix("correct-0: "), "\(text.stdout)\(text.stderr)")
    }

    @Test(arguments: [
        ("missing", nil, ["--layers", "2,2"], "missing.dat: no such file"),
        ("bad", "0 2\n1 x3\n", ["--layers", "2,2"], "bad.dat:2:3:"),
        ("big", "0 2\n1 3\n0 9\n", ["--layers", "2,2"], "big.dat:3:3: item id 9 is outside 0..<4"),
        ("nolayers", "0 2\n", [], "--transactions needs the layer widths"),
        ("weights", "0 2\n", ["--layers", "2,2", "--weights", "w.csv", "--k", "3"], "--weights, --k only apply to --activations"),
        ("only", "0 2\n", ["--layers", "2,2", "--only", "correct:1"], "--only only apply to --activations"),
        ("both", "0 2\n", ["--layers", "2,2", "--activations", "data/digits/train.csv"], "give --activations or --transactions, not both"),
    ] as [(String, String?, [String], String)])
    func badTransactionInputExitsTwo(_ name: String, _ content: String?, _ extra: [String], _ fragment: String) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(name).dat").path
        if let content { try content.write(toFile: file, atomically: true, encoding: .utf8) }
        let out = try runBackbones(["heuristic", "--transactions", file] + extra)
        #expect(out.status == 2, "\(name): \(out.stderr)")
        #expect(out.stderr.contains(fragment), "\(name): \(out.stderr)")
    }

    @Test func neitherInputIsAnError() throws {
        let out = try runBackbones(["heuristic", "--layers", "64,32,16"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("give --activations FILE, or --transactions"), "\(out.stderr)")
    }

    @Test func twoFilesWithTheSameStemAreAnError() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let a = dir.appendingPathComponent("g.dat").path, b = sub.appendingPathComponent("g.dat").path
        for f in [a, b] { try "0 2\n".write(toFile: f, atomically: true, encoding: .utf8) }
        let out = try runBackbones(["heuristic", "--transactions", "\(a),\(b)", "--layers", "2,2"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("stem 'g'"), "\(out.stderr)")
    }
}
