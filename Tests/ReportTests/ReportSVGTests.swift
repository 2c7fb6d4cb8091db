import BackboneCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LinearModel
@testable import Report
import Testing

/// Every element of an SVG with its attributes, and the document's title, via Foundation's
/// XML parser (which also proves the file well-formed).
final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var path: [String] = []
    var rootTitle = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        path.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if path == ["svg", "title"] { rootTitle += string }
    }

    static func parse(_ svg: String) throws -> SVGCollector {
        let collector = SVGCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        let ok = parser.parse()
        try #require(ok, "not well-formed XML: \(String(describing: parser.parserError))")
        return collector
    }

    func withClass(_ cls: String) -> [[String: String]] {
        elements.filter { $0.attributes["class"] == cls }.map(\.attributes)
    }
}

@Suite struct ReportSVGTests {
    @Test func wellFormedWithExpectedMarkers() throws {
        let g = try Fixture.group()
        let svg = try SVGCollector.parse(ReportSVG.svg(g))
        #expect(svg.elements.first?.name == "svg")
        #expect(svg.elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(svg.rootTitle == "correct:3 — q = 1 — 8 instances")
        // One step line per backend.
        #expect(svg.withClass("front").map { $0["data-solver"] } == ["glpk", "cbc"])
        // Steps at sizes 4, 6, 7, 8 on each front.
        let glpk = svg.withClass("front-point").filter { $0["data-solver"] == "glpk" }
        let cbc = svg.withClass("front-point").filter { $0["data-solver"] == "cbc" }
        #expect(glpk.count == 4)
        #expect(cbc.count == 4)
        // Only glpk's time-limit point is hollow and has a whisker.
        #expect(glpk.filter { $0["fill"] == "#ffffff" }.count == 1)
        #expect(cbc.allSatisfy { $0["fill"] != "#ffffff" })
        #expect(svg.withClass("bound").count == 1)
        #expect(svg.withClass("reference").count == 1)
        #expect(svg.withClass("greedy-step").count == 3)
        #expect(svg.withClass("greedy-path").count == 1)
        #expect(!svg.elements.contains { $0.name == "script" || $0.name == "style" || $0.name == "image" })
    }

    @Test func coordinatesMapAsComputedByHand() throws {
        // Sizes 3…8 → axis 2…9 (pad 1, step 1); plot x 70…550, y 360 (0 %) … 60 (100 %).
        let g = try Fixture.group()
        #expect(ReportSVG.axis(g) == SizeAxis(lo: 2, hi: 9, step: 1))
        let svg = try SVGCollector.parse(ReportSVG.svg(g))
        #expect(svg.elements.filter { $0.attributes["class"] == "x-tick" }.count == 8)

        // glpk K=6: 6 neurons, 5/8 = 62.5 % → x = 70 + 4/7·480 = 344.29, y = 360 − 0.625·300 = 172.50.
        let tl = try #require(svg.withClass("front-point").first { $0["data-solver"] == "glpk" && $0["fill"] == "#ffffff" })
        #expect(tl["cx"] == "344.29")
        #expect(tl["cy"] == "172.50")
        // Its whisker goes up to the bound 6.5/8 = 81.25 % → y = 116.25.
        #expect(svg.withClass("bound")[0]["d"] == "M 344.29,172.50 L 344.29,116.25 M 341.29,116.25 L 347.29,116.25")

        // The step line: flat at 0 from the axis start, up at 4 (25 %), 6 (62.5 %), 7 (87.5 %), 8 (100 %).
        #expect(svg.withClass("front")[0]["d"] ==
            "M 70.00,360.00 L 207.14,360.00 L 207.14,285.00 L 344.29,285.00 L 344.29,172.50"
            + " L 412.86,172.50 L 412.86,97.50 L 481.43,97.50 L 481.43,60.00")

        // Reference: 7 neurons, 62.5 % → centre (412.86, 172.50); the diamond starts 6 above.
        #expect(svg.withClass("reference")[0]["d"] ==
            "M 412.86,166.50 L 418.86,172.50 L 412.86,178.50 L 406.86,172.50 Z")
        // Greedy step 1: 3 neurons, 0 % → square centred on (138.57, 360.00).
        let s1 = svg.withClass("greedy-step")[0]
        #expect(s1["x"] == "136.07")
        #expect(s1["y"] == "357.50")
        #expect(svg.withClass("greedy-path")[0]["points"] == "138.57,360.00 344.29,172.50 481.43,60.00")
    }

    @Test func frontExtendsToLastBudgetAndMarksUnprovenOffStepPoints() throws {
        // K=5 returned a 3-neuron backbone (time limit) covering more than K=4's 4 neurons:
        // by size, only the 3-neuron point is a step; K=4 (unproven) still gets a hollow marker.
        // K=6 covers no more, so the line runs flat to 6.
        let pts = [
            Fixture.point(4, covered: 2, .timeLimit, bound: 4, gap: 1, seconds: 1, solver: "glpk"),
            Fixture.point(5, covered: 3, .timeLimit, bound: 3.5, gap: 0.5, seconds: 1, solver: "glpk", size: 3),
            Fixture.point(6, covered: 3, seconds: 1, solver: "glpk"),
        ]
        let front = ExactFront(groupName: "g", rule: .full, solver: "glpk", solverVersion: "5.0", instanceCount: 8,
                               distinctTransactions: 8, minimumUsefulSize: 3, points: pts)
        #expect(front.paretoFlags == [true, true, false])
        #expect(front.sizeStaircase.map(\.budget) == [5])
        let g = GroupReport(groupName: "g", groupKind: .trueClass, rule: .full, instanceCount: 8, distinctTransactions: 8,
                            fronts: [front])
        #expect(ReportSVG.axis(g) == SizeAxis(lo: 2, hi: 7, step: 1))
        let svg = try SVGCollector.parse(ReportSVG.svg(g))
        let markers = svg.withClass("front-point")
        #expect(markers.count == 2)
        #expect(markers.allSatisfy { $0["fill"] == "#ffffff" })
        #expect(svg.withClass("bound").count == 2)
        // x = 70 + (s − 2)/5·480: 3 → 166.00, 6 → 454.00; 3/8 → y = 247.50.
        #expect(svg.withClass("front")[0]["d"] == "M 70.00,360.00 L 166.00,360.00 L 166.00,247.50 L 454.00,247.50")
        #expect(svg.withClass("reference").isEmpty)
        #expect(svg.withClass("greedy-step").isEmpty)
    }

    @Test func textIsEscaped() throws {
        let name = "a<b & \"c\" 'd'>"
        let svg = try SVGCollector.parse(ReportSVG.svg(try Fixture.group(name: name)))
        #expect(svg.rootTitle == "\(name) — q = 1 — 8 instances")
        let empty = try SVGCollector.parse(ReportSVG.svg(GroupReport(
            groupName: "x\u{1}y", groupKind: .trueClass, rule: .full, instanceCount: 0, distinctTransactions: 0)))
        #expect(empty.rootTitle == "x y — q = 1 — 0 instances")
    }

    @Test func deterministic() throws {
        #expect(ReportSVG.svg(try Fixture.group()) == ReportSVG.svg(try Fixture.group()))
    }
}

@Suite struct ReportSVGLegendTests {
    @Test func legendListsWhatIsDrawnAndCanvasFitsIt() throws {
        let g = try Fixture.group()
        #expect(ReportSVG.legendEntries(g).map(\.label) == [
            "glpk 5.0 exact front", "cbc 2.10.8 exact front", "proven optimal", "not proven (whisker: bound)",
            "reference heuristic", "greedy path",
        ])
        // Longest label 27 characters: 570 + 28 + 7·27 + 12 = 799.
        let root = try #require(try SVGCollector.parse(ReportSVG.svg(g)).elements.first?.attributes)
        #expect(root["width"] == "799.00")
        #expect(root["viewBox"] == "0 0 799.00 420.00")
        let heuristicOnly = try Fixture.heuristicOnlyGroup()
        #expect(ReportSVG.legendEntries(heuristicOnly).map(\.label) == ["greedy path"])
        #expect(try SVGCollector.parse(ReportSVG.svg(heuristicOnly)).elements.first?.attributes["width"] == "760.00")
    }
}
