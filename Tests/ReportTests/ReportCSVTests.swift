import BackboneCore
@testable import Report
import Testing

/// A strict RFC 4180 reader (quoted cells, doubled quotes, newlines inside quotes), written
/// independently of the writer so the test can catch quoting mistakes.
func parseCSV(_ text: String) throws -> [[String]] {
    struct Malformed: Error {}
    var rows: [[String]] = [], row: [String] = [], cell = ""
    var inQuotes = false, wasQuoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
        if inQuotes {
            if c == "\"" {
                if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { inQuotes = false }
            } else { cell.append(c) }
        } else {
            switch c {
            case "\"":
                guard cell.isEmpty, !wasQuoted else { throw Malformed() }
                inQuotes = true; wasQuoted = true
            case ",": row.append(cell); cell = ""; wasQuoted = false
            case "\n": row.append(cell); rows.append(row); row = []; cell = ""; wasQuoted = false
            default:
                guard !wasQuoted else { throw Malformed() }
                cell.append(c)
            }
        }
    }
    guard !inQuotes, cell.isEmpty, row.isEmpty else { throw Malformed() }
    return rows
}

@Suite struct ReportCSVTests {
    @Test func headerAndOneRowPerPoint() throws {
        let report = try Fixture.report()
        let rows = try parseCSV(ReportCSV.text(report))
        #expect(rows.first == ["group", "kind", "q", "source", "solver", "budget", "size", "covered", "instances",
                               "coverage", "status", "bound", "gap", "seconds", "on_pareto", "verdict",
                               "coverage_lost", "extra_neurons"])
        // 5 glpk + 5 cbc + 4 heuristic points, then 1 heuristic point in the second group.
        let expected = report.groups.reduce(0) { $0 + $1.fronts.reduce(0) { $0 + $1.points.count } + $1.heuristicPoints.count }
        #expect(expected == 15)
        #expect(rows.count == expected + 1)
        #expect(rows.allSatisfy { $0.count == 18 })
    }

    @Test func exactRowValues() throws {
        let rows = try parseCSV(ReportCSV.text(try Fixture.report()))
        let header = rows[0]
        func cell(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
        let tl = try #require(rows.first { cell($0, "solver") == "glpk" && cell($0, "budget") == "6" })
        #expect(cell(tl, "group") == "correct:3")
        #expect(cell(tl, "q") == "1")
        #expect(cell(tl, "source") == "exact")
        #expect(cell(tl, "size") == "6")
        #expect(cell(tl, "covered") == "5")
        #expect(cell(tl, "instances") == "8")
        #expect(cell(tl, "coverage") == "0.625")
        #expect(cell(tl, "status") == "time_limit")
        #expect(cell(tl, "bound") == "6.5")
        #expect(cell(tl, "gap") == "0.3")
        #expect(cell(tl, "seconds") == "10")
        #expect(cell(tl, "on_pareto") == "true")
        #expect(cell(tl, "verdict") == "")
        let k5 = try #require(rows.first { cell($0, "solver") == "glpk" && cell($0, "budget") == "5" })
        #expect(cell(k5, "on_pareto") == "false")
        #expect(cell(k5, "seconds") == "0.5")
    }

    @Test func heuristicRowValues() throws {
        let rows = try parseCSV(ReportCSV.text(try Fixture.report()))
        let header = rows[0]
        func cell(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
        let ref = try #require(rows.first { cell($0, "source") == "reference" })
        #expect(cell(ref, "solver") == "glpk")
        #expect(cell(ref, "budget") == "")
        #expect(cell(ref, "size") == "7")
        #expect(cell(ref, "coverage") == "0.625")
        #expect(cell(ref, "status") == "")
        #expect(cell(ref, "on_pareto") == "")
        #expect(cell(ref, "verdict") == "dominated")
        #expect(cell(ref, "coverage_lost") == "2")
        #expect(cell(ref, "extra_neurons") == "1")
        let noStanding = try #require(rows.first { cell($0, "group") == "confusion:3->5" })
        #expect(cell(noStanding, "q") == "0.5")
        #expect(cell(noStanding, "source") == "greedy step 1")
        #expect(cell(noStanding, "coverage") == "0.75")
        #expect(cell(noStanding, "verdict") == "")
        #expect(cell(noStanding, "solver") == "")
    }

    @Test func quotingRoundTrips() throws {
        let name = "odd \"name\", with\nnewline"
        let text = ReportCSV.text(ParetoReport(settings: [], groups: [try Fixture.group(name: name)]))
        let rows = try parseCSV(text)
        #expect(rows.count == 1 + 14)
        #expect(rows.dropFirst().allSatisfy { $0[0] == name })
        #expect(ReportCSV.quote("plain") == "plain")
        #expect(ReportCSV.quote("a,b") == "\"a,b\"")
        #expect(ReportCSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReportCSV.quote(" padded") == "\" padded\"")
    }
}
