import BackboneData
import FileSupport
import Foundation
import TestSupport
import Testing

/// End-to-end: `transactions` and `mine`, including every kind of bad input the mining issue
/// lists (one-line message naming file, line and column; exit code 2; nothing half-written).
@Suite(.serialized) struct DataCommandTests {
    func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func transactionsThenMineOnTheDigits() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tx = try runBackbones(["transactions", "--activations", "data/digits/train.csv", "--layers", "64,32,16",
                                   "--weights", "data/digits/weights.csv", "--groups", "correct", "--output", dir.path])
        #expect(tx.status == 0, "\(tx.stderr)")
        #expect(tx.stdout.contains("neurons kept per layer 28,14,7"))
        let file = dir.appendingPathComponent("correct-0.dat").path
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 132)
        #expect(lines.allSatisfy { $0.split(separator: " ").count == 49 })

        let mined = try runBackbones(["mine", file, "--min-support", "0.5", "--target", "maximal", "--layers", "64,32,16",
                                      "--layer-complete", "--json"])
        #expect(mined.status == 0, "\(mined.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(mined.stdout.utf8)) as? [String: Any])
        #expect(json["min_support_count"] as? Int == 66)  // ⌈0.5 · 132⌉
        let itemsets = try #require(json["itemsets"] as? [[String: Any]])
        #expect(!itemsets.isEmpty)
        for set in itemsets {
            let items = try #require(set["items"] as? [Int])
            #expect(items.contains { $0 < 64 } && items.contains { $0 >= 64 && $0 < 96 } && items.contains { $0 >= 96 })
            #expect((set["support"] as? Int).map { $0 >= 66 } == true)
        }

        // Repeating the mining (benchmarks) reports the runs and leaves the output unchanged.
        let plain = try runBackbones(["mine", file, "--min-support", "0.3"])
        let repeated = try runBackbones(["mine", file, "--min-support", "0.3", "--repeat", "3"])
        #expect(plain.status == 0 && repeated.status == 0, "\(repeated.stderr)")
        #expect(!plain.stdout.isEmpty && repeated.stdout == plain.stdout)
        #expect(repeated.stderr.contains(" runs: first "), "\(repeated.stderr)")
    }

    @Test(arguments: [
        ("ragged.csv", "label,n0,n1\n0,1,2\n1,3\n", ":3", "2,1"),
        ("nonnumeric.csv", "label,n0,n1\n0,1,2\n1,x,3\n", ":3:2", "2,1"),
        ("nan.csv", "label,n0,n1\n0,1,2\n1,nan,3\n", ":3:2", "2,1"),
        ("inf.csv", "label,n0,n1\n0,1,inf\n", ":2:3", "2,1"),
        ("empty.csv", "", "empty", "2,1"),
        ("widths.csv", "label,n0,n1\n0,1,2\n", "sum to 4 but", "3,1"),
    ])
    func transactionsBadInputExitsTwo(_ name: String, _ content: String, _ fragment: String, _ layers: String) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try write(content, name, in: dir)
        let output = dir.appendingPathComponent("out.dat").path
        let out = try runBackbones(["transactions", "--activations", input, "--layers", layers, "--output", output])
        #expect(out.status == 2, "\(name): \(out.stderr)")
        #expect(out.stderr.split(separator: "\n").filter { $0.hasPrefix("backbones: error") }.count == 1, "\(out.stderr)")
        #expect(out.stderr.contains(fragment), "\(name): \(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test(arguments: [
        (["--min-support", "1.5"], "(0, 1]"),
        (["--min-support", "0"], "(0, 1]"),
        (["--min-count", "0"], "at least 1"),
        (["--min-support", "nan"], "(0, 1]"),
        (["--min-count", "1.5"], "'--min-count <min-count>'"),
    ])
    func mineSupportOutsideTheUnitIntervalExitsTwo(_ args: [String], _ fragment: String) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try write("1 2 3\n2 3\n", "t.dat", in: dir)
        let out = try runBackbones(["mine", file] + args)
        #expect(out.status == 2, "\(out.stderr)")
        #expect(out.stderr.contains(fragment), "\(out.stderr)")
    }

    @Test func mineNamesTheLineAndColumnOfABadItem() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try write("1 2 3\n2 x3\n", "t.dat", in: dir)
        let out = try runBackbones(["mine", file, "--min-support", "0.5"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("t.dat:2:"), "\(out.stderr)")
    }

    /// Library errors name the setting (`InputError.subject`), the CLI names the flag: each
    /// subject is its option of the activation commands, and a message shows it.
    @Test func inputErrorsNameTheFlag() throws {
        let help = try runBackbones(["transactions", "--help"]).stdout
        for subject in InputSubject.allCases {
            let flag = "--" + subject.rawValue.replacing(/[A-Z]/) { "-" + $0.output.lowercased() }
            #expect(help.contains(flag + " "), "\(flag) is not an option")
        }
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let npy = dir.appendingPathComponent("a.npy").path
        try NpyWriter.data([1, 2, 3, 4], shape: [2, 2]).write(to: URL(fileURLWithPath: npy))
        let out = try runBackbones(["transactions", "--activations", npy, "--output", dir.appendingPathComponent("t").path])
        #expect(out.status == 2)
        #expect(out.stderr.contains("backbones: error: --labels: \(npy): .npy activations need a labels file"), "\(out.stderr)")
    }
}
