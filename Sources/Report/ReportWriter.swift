import BackboneCore
import FileSupport
import Foundation

/// Writes every report file into one folder (docs/report.md):
/// `report.json`, `report.csv`, `summary.txt`, `plots/<group>-q<q>.svg`.
/// The files are written together (every temporary file first, then the renames), so a reader
/// never sees a half-written report nor one file of a new run beside another of an old one;
/// files from an earlier run that this report does not produce are left alone.
public enum ReportWriter {
    public static let jsonFile = "report.json"
    public static let csvFile = "report.csv"
    public static let summaryFile = "summary.txt"
    public static let plotsFolder = "plots"

    /// Writes all files and returns their paths (JSON, CSV, summary, then the plots in group order).
    @discardableResult
    public static func write(_ report: ParetoReport, to directory: String) throws -> [String] {
        let root = URL(fileURLWithPath: directory)
        let plots = root.appendingPathComponent(plotsFolder)
        try TextFile.createFolder(plots.path)
        var written: [(String, String)] = [
            (root.appendingPathComponent(jsonFile).path, ReportJSON.text(report)),
            (root.appendingPathComponent(csvFile).path, ReportCSV.text(report)),
            (root.appendingPathComponent(summaryFile).path, ReportTable.text(report)),
        ]
        for (g, name) in zip(report.groups, plotFileNames(report)) {
            written.append((plots.appendingPathComponent(name).path, ReportSVG.svg(g)))
        }
        // All or nothing: a report.json never sits beside an older run's report.csv.
        try TextFile.writeAtomically(written.map { (Data($0.1.utf8), $0.0) })
        return written.map(\.0)
    }

    /// The plot file name of each group report, in order: `correct-3-q1.svg`,
    /// `confusion-3-to-5-q0.5.svg`. Names that would collide get `-2`, `-3`, … appended.
    public static func plotFileNames(_ report: ParetoReport) -> [String] {
        var used = Set<String>()
        return report.groups.map { g in
            let base = plotBaseName(g)
            var name = base, k = 2
            while used.contains(name.lowercased()) {
                name = "\(base)-\(k)"
                k += 1
            }
            // Compared case-insensitively: macOS file systems usually are.
            used.insert(name.lowercased())
            return name + ".svg"
        }
    }

    /// `<group>-q<q>` with the group name made safe for any file system: `->` becomes `-to-`,
    /// `:` and `/` become `-`, anything outside `A–Z a–z 0–9 . _ -` becomes `_`.
    public static func plotBaseName(_ g: GroupReport) -> String {
        var name = ""
        for c in g.groupName.replacingOccurrences(of: "->", with: "-to-").unicodeScalars {
            switch c {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": name.unicodeScalars.append(c)
            case ":", "/": name += "-"
            default: name += "_"
            }
        }
        // A leading dot would hide the file; an empty name would be just "-q1".
        if name.isEmpty || name.hasPrefix(".") { name = "group" + name }
        return "\(name)-q\(g.shareText)"
    }
}
