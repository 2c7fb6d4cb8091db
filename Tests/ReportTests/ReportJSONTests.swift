import BackboneCore
import Foundation
@testable import Report
import Testing

@Suite struct ReportJSONTests {
    func parse(_ report: ParetoReport) throws -> [String: Any] {
        let text = ReportJSON.text(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func topLevelAndSettingsParseBack() throws {
        let root = try parse(try Fixture.report())
        #expect(root["schema"] as? String == "backbones.pareto-report/1")
        let settings = try #require(root["settings"] as? [[String: Any]])
        #expect(settings.map { $0["name"] as? String } == ["input", "layers", "time limit"])
        #expect(settings.map { $0["value"] as? String } == ["data/digits/train.csv", "64,32,16", "10 s"])
        #expect((root["groups"] as? [Any])?.count == 2)
    }

    @Test func groupAndFrontValuesAreExact() throws {
        let root = try parse(try Fixture.report())
        let g = try #require((root["groups"] as? [[String: Any]])?.first)
        #expect(g["group"] as? String == "correct:3")
        #expect(g["kind"] as? String == "correct")
        #expect(g["q"] as? Double == 1)
        #expect(g["instances"] as? Int == 8)
        #expect(g["distinct_transactions"] as? Int == 6)
        #expect(g["notes"] as? [String] == ["glpk hit the time limit at K=6"])

        let fronts = try #require(g["fronts"] as? [[String: Any]])
        #expect(fronts.map { $0["solver"] as? String } == ["glpk", "cbc"])
        let glpk = fronts[0]
        #expect(glpk["solver_version"] as? String == "5.0")
        #expect(glpk["minimum_useful_size"] as? Int == 4)
        #expect(glpk["point_count"] as? Int == 5)
        #expect(glpk["proven_count"] as? Int == 4)
        #expect(glpk["pareto_count"] as? Int == 4)
        #expect(glpk["total_seconds"] as? Double == 12.5)
        #expect((fronts[1]["proven_count"] as? Int) == 5)

        let points = try #require(glpk["points"] as? [[String: Any]])
        #expect(points.map { $0["budget"] as? Int } == [4, 5, 6, 7, 8])
        // K=5 covers no more than K=4: the only point off the Pareto front.
        #expect(points.map { $0["on_pareto"] as? Bool } == [true, false, true, true, true])
        let tl = points[2]
        #expect(tl["size"] as? Int == 6)
        #expect(tl["covered"] as? Int == 5)
        #expect(tl["coverage"] as? Double == 0.625)
        #expect(tl["status"] as? String == "time_limit")
        #expect(tl["proven"] as? Bool == false)
        #expect(tl["bound"] as? Double == 6.5)
        #expect(tl["gap"] as? Double == 0.3)
        #expect(tl["seconds"] as? Double == 10)
        #expect(tl["solver"] as? String == "glpk")
        #expect(tl["backbone"] as? [Int] == [1, 3, 5, 7, 9, 11])
        #expect(points[0]["status"] as? String == "optimal")
    }

    @Test func missingBoundAndGapAreNull() throws {
        var g = try Fixture.group()
        g.fronts[0].points[0].bound = nil
        g.fronts[0].points[0].gap = nil
        let root = try parse(ParetoReport(settings: [], groups: [g]))
        let p = try #require((((root["groups"] as? [[String: Any]])?[0]["fronts"] as? [[String: Any]])?[0]["points"] as? [[String: Any]])?[0])
        #expect(p["bound"] is NSNull)
        #expect(p["gap"] is NSNull)
    }

    @Test func heuristicPointsCarryStanding() throws {
        let root = try parse(try Fixture.report())
        let g = try #require((root["groups"] as? [[String: Any]])?.first)
        let hs = try #require(g["heuristic_points"] as? [[String: Any]])
        #expect(hs.map { $0["label"] as? String } == ["reference", "greedy step 1", "greedy step 2", "greedy step 3"])
        let ref = hs[0]
        #expect(ref["method"] as? String == "reference")
        #expect(ref["step"] is NSNull)
        #expect(ref["size"] as? Int == 7)
        #expect(ref["covered"] as? Int == 5)
        #expect(ref["coverage"] as? Double == 0.625)
        #expect(ref["backbone"] as? [Int] == [0, 2, 4, 6, 8, 10, 12])
        let s = try #require(ref["standing"] as? [String: Any])
        #expect(s["verdict"] as? String == "dominated")
        #expect(s["exact_covered_at_size"] as? Int == 7)
        #expect(s["coverage_lost"] as? Int == 2)
        #expect(s["extra_neurons"] as? Int == 1)
        #expect(s["exact_proven"] as? Bool == true)
        #expect(s["solver"] as? String == "glpk")
        #expect(hs[1]["step"] as? Int == 1)
        let verdicts = hs.map { ($0["standing"] as? [String: Any])?["verdict"] as? String }
        #expect(verdicts == ["dominated", "trivially_on_front", "not_dominated_unproven", "on_front"])

        // The second group has a heuristic point without standing.
        let other = try #require((root["groups"] as? [[String: Any]])?[1])
        #expect(other["q"] as? Double == 0.5)
        #expect(((other["heuristic_points"] as? [[String: Any]])?[0])?["standing"] is NSNull)
        #expect((other["fronts"] as? [Any])?.isEmpty == true)
    }

    @Test func oddNamesRoundTrip() throws {
        let name = "odd \"name\",\nwith\ttabs \\ and ünïcode →"
        let root = try parse(ParetoReport(settings: [(name, name)], groups: [try Fixture.group(name: name)]))
        #expect(((root["settings"] as? [[String: Any]])?[0])?["value"] as? String == name)
        #expect(((root["groups"] as? [[String: Any]])?[0])?["group"] as? String == name)
    }

    @Test func outputIsDeterministic() throws {
        #expect(ReportJSON.text(try Fixture.report()) == ReportJSON.text(try Fixture.report()))
    }
}
