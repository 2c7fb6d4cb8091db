import Foundation
import TestSupport
import Testing

/// `backbones compare` on the toolkit's own cover models (`.cover` specs): GLPK and CBC solve
/// the cover ILP, the combinatorial search runs beside them, and all three must find the
/// hand-derived optimum (checked again here by brute force over every backbone).
@Suite(.serialized)
struct CompareCoverTests {
    /// Two layers of 3 neurons (0–2, 3–5); six instances, one transaction repeated.
    static let transactions = "0 3\n0 1 3 4\n0 3\n1 2 4 5\n0 2 3 5\n1 4\n"
    static let layers = [3, 3]

    /// The most instances a backbone of at most `budget` neurons covers at share `q`: every
    /// subset of the 6 neurons tried; an instance is covered when, in each layer, the backbone
    /// holds at least ⌈q·n⌉ of its n active neurons there.
    static func bruteForce(budget: Int, q: Double) -> Int {
        let rows = transactions.split(separator: "\n").map { $0.split(separator: " ").map { Int($0)! } }
        var best = 0
        for mask in 0..<(1 << 6) where mask.nonzeroBitCount <= budget {
            best = max(best, rows.filter { t in
                [0..<3, 3..<6].allSatisfy { layer in
                    let active = t.filter(layer.contains)
                    let held = active.filter { mask & (1 << $0) != 0 }.count
                    return Double(held) >= (q * Double(active.count) - 1e-9).rounded(.up)
                }
            }.count)
        }
        return best
    }

    /// Hand-derived: at q = 1 and K = 2, {0, 3} covers the two instances `0 3`; at K = 4,
    /// {0, 1, 3, 4} covers those and `0 1 3 4`, `1 4` (four; a fifth needs 2 or 5 too); at
    /// q = 0.5 and K = 2, {0, 3} covers `0 3` twice, `0 1 3 4` and `0 2 3 5` (one neuron of each
    /// layer part suffices there).
    static let cases: [(name: String, q: Double, budget: Int, optimum: Int)] = [
        ("q1-K2", 1, 2, 2), ("q1-K4", 1, 4, 4), ("q05-K2", 0.5, 2, 4),
    ]

    static func folder(known: Bool = true, knownShift: Int = 0) throws -> URL {
        let dir = TestPaths.temporaryDirectory()
        let covers = dir.appendingPathComponent("covers")
        try FileManager.default.createDirectory(at: covers, withIntermediateDirectories: true)
        try transactions.write(to: covers.appendingPathComponent("group.dat"), atomically: true, encoding: .utf8)
        for c in cases {
            var spec = "# a hand-made group\ntransactions: group.dat\nlayers: 3,3\nq: \(c.q)\nbudget = \(c.budget)\n"
            if known { spec += "known_optimum: \(c.optimum + knownShift)\n" }
            try spec.write(to: covers.appendingPathComponent(c.name + ".cover"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func handOptimaAreBruteForceOptima() {
        for c in Self.cases { #expect(Self.bruteForce(budget: c.budget, q: c.q) == c.optimum, "\(c.name)") }
    }

    @Test func backendsAndSearchFindTheOptimaOfAFolderOfSpecs() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["compare", dir.appendingPathComponent("covers").path, "--time-limit", "20",
                                    "--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("no contradictions"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as? [String: Any])
        #expect(json["backends"] as? [String] == ["glpk", "cbc", "search"])
        let instances = try #require(json["instances"] as? [[String: Any]])
        #expect(instances.map { $0["name"] as? String } == ["q05-K2", "q1-K2", "q1-K4"])
        for instance in instances {
            let c = try #require(Self.cases.first { $0.name == instance["name"] as? String })
            #expect(instance["format"] as? String == "cover" && instance["known_optimum"] as? Double == Double(c.optimum))
            let runs = try #require(instance["runs"] as? [[String: Any]])
            #expect(runs.map { $0["solver"] as? String } == ["glpk", "cbc", "search"])
            for run in runs {
                #expect(run["status"] as? String == "optimal" && run["objective"] as? Double == Double(c.optimum)
                        && run["matches_known"] as? Bool == true, "\(c.name): \(run)")
            }
        }
        let summary = try #require(json["summary"] as? [[String: Any]])
        #expect(summary.allSatisfy { $0["instances"] as? Int == 3 && $0["optimal"] as? Int == 3 && $0["matches_known"] as? Int == 3 })
        let csv = try String(contentsOf: dir.appendingPathComponent("out/results.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 9)
    }

    /// An index mixing a model file and a spec: the search has a run on the spec only (an
    /// empty cell, no JSON run, its summary over one instance); the index's optimum is used.
    @Test func indexWithAModelFileAndASpec() throws {
        let dir = try Self.folder(known: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lp = "Minimize\n obj: x + y + z\nSubject To\n a: x + y >= 1\n b: y + z >= 1\n c: x + z >= 1\nBinary\n x\n y\n z\nEnd\n"
        try lp.write(to: dir.appendingPathComponent("triangle.lp"), atomically: true, encoding: .utf8)
        let index = "name,file,known_optimum,format\ntriangle,triangle.lp,2,lp\ncover,covers/q1-K4.cover,4,cover\n"
        try index.write(to: dir.appendingPathComponent("index.csv"), atomically: true, encoding: .utf8)
        let out = try runBackbones(["compare", dir.appendingPathComponent("index.csv").path, "--time-limit", "20",
                                    "--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/results.json"))) as? [String: Any])
        let instances = try #require(json["instances"] as? [[String: Any]])
        let runs = instances.map { ($0["runs"] as? [[String: Any]] ?? []).map { $0["solver"] as? String ?? "" } }
        #expect(runs == [["glpk", "cbc"], ["glpk", "cbc", "search"]])
        let summary = try #require(json["summary"] as? [[String: Any]])
        #expect(summary.map { $0["instances"] as? Int } == [2, 2, 1])
        #expect(summary.allSatisfy { $0["matches_known"] as? Int == $0["instances"] as? Int })
    }

    @Test func aWrongKnownOptimumInASpecExitsOne() throws {
        let dir = try Self.folder(knownShift: 1)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runBackbones(["compare", dir.appendingPathComponent("covers/q1-K4.cover").path, "--solver", "glpk"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("q1-K4: glpk proved 4, the known optimum is 5"), "\(out.stderr)")
        #expect(out.stderr.contains("q1-K4: search proved 4, the known optimum is 5"), "\(out.stderr)")
    }

    @Test(arguments: [
        ("transactions: group.dat\nlayers: 3,3\nbudget: 2\nshare: 1\n", "bad.cover:4:1: unknown key 'share'"),
        ("transactions: group.dat\nlayers: 3,3\n", "bad.cover: no 'budget:' line"),
        ("transactions: group.dat\nlayers: 3,3\nq: 2\nbudget: 2\n", "bad.cover:3:"),
        ("transactions: none.dat\nlayers: 3,3\nbudget: 2\n", "bad.cover:1:15: no such file"),
    ])
    func badSpecIsOneLineAndExitTwo(_ text: String, _ message: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("covers/bad.cover").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let out = try runBackbones(["compare", path, "--output", dir.appendingPathComponent("out").path])
        #expect(out.status == 2)
        #expect(out.stderr.contains(message), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
