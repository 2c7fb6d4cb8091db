import Foundation
import TestSupport
import Testing

/// `make demo`'s report.json, compared with the committed one (Tests/Golden/, timings zeroed by
/// Tests/Golden/normalize.py): refactors must leave the report unchanged, value for value.
@Suite struct GoldenReportTests {
    static let timings: Set<String> = ["seconds", "total_seconds"]

    static func zeroTimings(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (k, v) in object { out[k] = timings.contains(k) ? 0 : zeroTimings(v) }
            return out
        }
        if let array = value as? [Any] { return array.map(zeroTimings) }
        return value
    }

    @Test func demoReportIsTheGoldenOne() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The arguments of `make demo` (Makefile).
        let out = try runBackbones(["pareto", "--activations", "data/digits/train.csv", "--layers", "64,32,16",
                                    "--weights", "data/digits/weights.csv", "--groups", "correct", "--q", "1,0.5",
                                    "--time-limit", "10", "--jobs", "2", "--output", dir.path])
        #expect(out.status == 0, "\(out.stderr)")
        let produced = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report.json")))
        let golden = try JSONSerialization.jsonObject(with: Data(contentsOf: TestPaths.packageRoot
            .appendingPathComponent("Tests/Golden/digits-pareto-report.json")))
        let a = try #require(Self.zeroTimings(produced) as? NSDictionary)
        let b = try #require(golden as? NSDictionary)
        #expect(a == b, "report.json differs from Tests/Golden/digits-pareto-report.json beyond timings")
        if a != b {
            // Name the first group that differs, to help.
            let ga = (a["groups"] as? [NSDictionary]) ?? [], gb = (b["groups"] as? [NSDictionary]) ?? []
            for (x, y) in zip(ga, gb) where x != y { Issue.record("first differing group: \(x["group"] ?? "?") q=\(x["q"] ?? "?")"); break }
            if a["settings"] as? NSArray != b["settings"] as? NSArray { Issue.record("settings differ") }
        }
    }
}
