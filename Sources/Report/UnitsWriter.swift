import FileSupport
import Foundation
import Workflows

/// Writes the files of `backbones units` into one folder, all or nothing (docs/units.md).
public enum UnitsWriter {
    /// Writes every file and returns their paths.
    @discardableResult
    public static func write(_ r: UnitsJob.Result, to directory: String) throws -> [String] {
        let root = URL(fileURLWithPath: directory)
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: root.path, "cannot create the folder: \(error.localizedDescription)")
        }
        var files = [("units.json", UnitsJSON.text(r)), ("summary.txt", UnitsTable.text(r)), ("rules.csv", UnitsCSV.rules(r)),
                     ("units.csv", UnitsCSV.units(r)), ("transactions.csv", UnitsCSV.transactions(r))]
        if r.ablation != nil { files += [("ablation.csv", UnitsCSV.ablation(r)), ("ablation.svg", UnitsSVG.svg(r))] }
        if r.ablation != nil && !r.fronts.isEmpty { files += [("front.csv", UnitsCSV.front(r)), ("front.svg", UnitsFrontSVG.svg(r))] }
        let paths = files.map { root.appendingPathComponent($0.0).path }
        try TextFile.writeAtomically(zip(files, paths).map { (Data($0.0.1.utf8), $0.1) })
        return paths
    }
}
