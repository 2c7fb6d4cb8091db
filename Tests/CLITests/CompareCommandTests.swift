import Foundation
import TestSupport
import Testing

/// `backbones compare` end to end on two reference instances (an index CSV with their known
/// optima), a known optimum that is wrong (exit 1, files written), and bad index files (one
/// line naming the file, line and column, exit 2, nothing written).
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: TestPaths.reference("instances/index.csv")),
                             "no instance set at \(TestPaths.reference("instances")): the shared reference data is absent"))
struct CompareCommandTests {
    static func index(_ rows: String, in dir: URL, header: String = "name,file,known_optimum,sense") throws -> String {
        let path = dir.appendingPathComponent("index.csv").path
        let folder = TestPaths.reference("instances")
        try (header + "\n" + rows.replacingOccurrences(of: "$I", with: folder)).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func indexOfTwoInstancesWithTheirOptima() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try Self.index("scp41,$I/orlib/scp41.txt,429,min\np0033,$I/mps/p0033.mps,3089,min\n", in: dir)
        let out = try runBackbones(["compare", csv, "--time-limit", "20", "--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("no contradictions"))
        #expect(out.stderr.contains("[4/4] p0033 cbc: optimal 3089"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as? [String: Any])
        let instances = try #require(json["instances"] as? [[String: Any]])
        #expect(instances.map { $0["name"] as? String } == ["scp41", "p0033"])
        #expect(instances.map { $0["nonzeros"] as? Int } == [4009, 98])
        for instance in instances {
            for run in try #require(instance["runs"] as? [[String: Any]]) {
                #expect(run["status"] as? String == "optimal" && run["matches_known"] as? Bool == true, "\(run)")
            }
        }
        let summary = try #require(json["summary"] as? [[String: Any]])
        #expect(summary.map { $0["solver"] as? String } == ["glpk", "cbc"])
        #expect(summary.allSatisfy { $0["solved"] as? Int == 2 && $0["matches_known"] as? Int == 2 })
        for file in ["summary.txt", "results.csv", "profile.svg"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/" + file).path))
        }
    }

    @Test func aProofAgainstTheKnownOptimumExitsOne() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try Self.index("p0033,$I/mps/p0033.mps,3088,min\n", in: dir)
        let out = try runBackbones(["compare", csv, "--solver", "glpk", "--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("backbones: error: p0033: glpk proved 3089, the known optimum is 3088"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/results.json").path))
    }

    @Test(arguments: [
        ("name,known_optimum,file\np0033,abc,$I/mps/p0033.mps\n", "index.csv:2:7: known_optimum must be a number or empty, found 'abc'"),
        ("name,file,known_optimum,sense\ngone,missing.mps,1,min\n", "index.csv:2:6: no such file"),
        ("name,file,known_optimum,sense\np0033,$I/mps/p0033.mps,3089,max\n", "p0033.mps: the index says maximize, the file is a minimize model"),
    ])
    func badIndexIsOneLineAndExitTwo(_ text: String, _ message: String) throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = text.split(separator: "\n", maxSplits: 1)
        let csv = try Self.index(String(lines[1]), in: dir, header: String(lines[0]))
        let out = try runBackbones(["compare", csv, "--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("backbones: error: ") && out.stderr.contains(message), "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
