import BackboneCore
import Foundation
@testable import Report
import TestSupport
import Testing

@Suite struct ReportWriterTests {
    @Test func writesEveryFile() throws {
        let report = try Fixture.report()
        let dir = TestPaths.temporaryDirectory().appendingPathComponent("nested/out")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent().deletingLastPathComponent()) }
        let written = try ReportWriter.write(report, to: dir.path)
        let expected = ["report.json", "report.csv", "summary.txt", "plots/correct-3-q1.svg", "plots/confusion-3-to-5-q0.5.svg"]
        #expect(written == expected.map { dir.appendingPathComponent($0).path })
        func read(_ name: String) throws -> String { try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) }
        #expect(try read("report.json") == ReportJSON.text(report))
        #expect(try read("report.csv") == ReportCSV.text(report))
        #expect(try read("summary.txt") == ReportTable.text(report))
        #expect(try read("plots/correct-3-q1.svg") == ReportSVG.svg(report.groups[0]))
        #expect(try read("plots/confusion-3-to-5-q0.5.svg") == ReportSVG.svg(report.groups[1]))
        // Atomic writes leave no temporary files behind.
        let all = (FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []).sorted()
        #expect(all == ["plots", "plots/confusion-3-to-5-q0.5.svg", "plots/correct-3-q1.svg",
                        "report.csv", "report.json", "summary.txt"])
        // Writing again over the same folder works.
        #expect(try ReportWriter.write(report, to: dir.path) == written)
    }

    @Test func unwritableFolderIsAnError() throws {
        let dir = TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        #expect(throws: (any Error).self) { try ReportWriter.write(try Fixture.report(), to: file.path) }
    }

    @Test func plotNamesAreSafeAndUnique() throws {
        func g(_ name: String, _ q: Double = 1) throws -> GroupReport {
            GroupReport(groupName: name, groupKind: .trueClass, rule: try CoverageRule(share: q), instanceCount: 1,
                        distinctTransactions: 1)
        }
        let report = ParetoReport(settings: [], groups: [
            try g("correct:3"), try g("correct:3", 0.5), try g("a:b"), try g("a/b"), try g("A:B"),
            try g("confusion:3->5", 0.25), try g("weird name*?"), try g(".hidden"), try g(""),
        ])
        #expect(ReportWriter.plotFileNames(report) == [
            "correct-3-q1.svg", "correct-3-q0.5.svg", "a-b-q1.svg", "a-b-q1-2.svg", "A-B-q1-3.svg",
            "confusion-3-to-5-q0.25.svg", "weird_name__-q1.svg", "group.hidden-q1.svg", "group-q1.svg",
        ])
    }
}
