import BackboneCore
@testable import Report
import Testing

@Suite struct ReportTableTests {
    @Test func frontTableSideBySide() throws {
        let lines = ReportTable.frontTable(try Fixture.group()).render()
        // Span line, header, rule, then Pareto budgets 4, 6, 7, 8 (the union of both fronts).
        #expect(lines.count == 3 + 4)
        #expect(lines[0].split(separator: " ") == ["|", "glpk", "|", "cbc"])
        #expect(lines.dropFirst(3).map { $0.split(separator: " ").first.map(String.init) } == ["4", "6", "7", "8"])
        // K=6: glpk stopped at the time limit (5 covered, gap 30 %), cbc proved 6.
        #expect(lines[4].split(separator: " ") ==
            ["6", "|", "6", "5", "62.5", "%", "time_limit", "30.00", "%", "|", "6", "6", "75.0", "%", "optimal", "0.00", "%"])
        #expect(lines[3].split(separator: " ") ==
            ["4", "|", "4", "2", "25.0", "%", "optimal", "0.00", "%", "|", "4", "2", "25.0", "%", "optimal", "0.00", "%"])
        // Fixed width: the block separators line up on every line.
        let bars = lines.map { line in line.indices.filter { line[$0] == "|" }.map { line.distance(from: line.startIndex, to: $0) } }
        #expect(Set(bars).count == 1)
        #expect(bars[0].count == 2)
    }

    @Test func singleFrontHasNoSpans() throws {
        var g = try Fixture.group()
        g.fronts.removeLast()
        let lines = ReportTable.frontTable(g).render()
        #expect(lines[0].split(separator: " ") == ["K", "size", "covered", "coverage", "status", "gap"])
        #expect(!lines.joined().contains("|"))
    }

    @Test func groupTableShowsHeuristicsAndNotes() throws {
        let text = ReportTable.group(try Fixture.group())
        #expect(text.hasPrefix("correct:3  q=1  8 instances, 6 distinct transactions\n"))
        #expect(text.contains("glpk 5.0: 5 points, 4 proven optimal, 12.50 s, nothing coverable below 4 neurons"))
        #expect(text.contains("cbc 2.10.8: 5 points, 5 proven optimal, 0.50 s"))
        #expect(text.contains("Heuristic points (standing against the glpk front)"))
        let lines = text.split(separator: "\n").map(String.init)
        let ref = try #require(lines.first { $0.hasPrefix("  reference") })
        #expect(ref.split(separator: " ").prefix(7) == ["reference", "7", "5", "62.5", "%", "7", "dominated"])
        #expect(ref.hasSuffix("lost 2 instances at equal size / 1 extra neuron"))
        let step2 = try #require(lines.first { $0.hasPrefix("  greedy step 2") })
        // The exact value at size 6 is glpk's unproven 5: marked "?".
        #expect(step2.split(separator: " ").prefix(7) == ["greedy", "step", "2", "6", "5", "62.5", "%"])
        #expect(step2.contains(" 5?  "))
        #expect(step2.contains("not_dominated_unproven"))
        #expect(step2.hasSuffix("lost 0 instances at equal size / 0 extra neurons"))
        #expect(text.contains("  note: glpk hit the time limit at K=6"))
    }

    @Test func summaryLine() throws {
        #expect(ReportTable.summaryLine(try Fixture.group()) ==
            "correct:3 q=1 (8 instances): glpk 4/5 proven 12.5 s, best 100.0 % at 8; cbc 5/5 proven 0.5 s, best 100.0 % at 8; "
            + "reference 7 neurons 62.5 % vs exact 87.5 % (dominated: lost 2, +1 neuron); "
            + "greedy 3 steps to 100.0 % at 8 (2 on front, 0 dominated, 1 unproven)")
        #expect(ReportTable.summaryLine(try Fixture.heuristicOnlyGroup()) ==
            "confusion:3->5 q=0.5 (4 instances): no exact front; greedy 1 step to 75.0 % at 2")
        #expect(!ReportTable.summaryLine(try Fixture.group()).contains("\n"))
    }

    @Test func overviewOneRowPerGroup() throws {
        let text = ReportTable.overview(try Fixture.report())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Overview (2 group reports)")
        #expect(lines[1].contains("| glpk") && lines[1].contains("| cbc"))
        #expect(lines.count == 1 + 3 + 2)
        #expect(lines[4].split(separator: " ") ==
            ["correct:3", "1", "8", "7", "62.5", "%", "87.5", "%", "dominated", "|", "4/5", "12.50", "|", "5/5", "0.50"])
        #expect(lines[5].split(separator: " ") ==
            ["confusion:3->5", "0.5", "4", "-", "-", "-", "-", "|", "-", "-", "|", "-", "-"])
    }

    @Test func exactAtSizeMarksUnprovenValues() throws {
        // Move the reference point to the unproven size 6: the exact value 5 gets a "?".
        var g = try Fixture.group()
        var ref = HeuristicPoint(method: .reference, backbone: [1, 2, 3, 4, 5, 6], covered: 4, instanceCount: 8)
        ref.standing = try Dominance.standing(size: 6, covered: 4, front: g.fronts[0])
        g.heuristicPoints[0] = ref
        let row = ReportTable.overview(ParetoReport(settings: [], groups: [g])).split(separator: "\n")[4]
        #expect(row.contains("62.5 %?"))
        #expect(row.contains("dominated"))
    }

    @Test func summaryTextHasEverything() throws {
        let report = try Fixture.report()
        let text = ReportTable.text(report)
        #expect(text.hasPrefix("Settings\n  input       data/digits/train.csv\n  layers      64,32,16\n  time limit  10 s\n"))
        #expect(text.contains(ReportTable.overview(report)))
        for g in report.groups { #expect(text.contains(ReportTable.group(g))) }
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }
}
