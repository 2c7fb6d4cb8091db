import FileSupport
import Foundation
import Workflows

/// Writes the files of `backbones compare` into one folder, all or nothing: summary.txt (the
/// table), results.json, results.csv and profile.svg.
public enum CompareWriter {
    @discardableResult
    public static func write(_ r: CompareJob.Result, to directory: String) throws -> [String] {
        let root = URL(fileURLWithPath: directory)
        try TextFile.createFolder(root.path)
        let files = [("summary.txt", CompareTable.text(r)), ("results.json", CompareJSON.text(r)),
                     ("results.csv", CompareCSV.text(r)), ("profile.svg", CompareSVG.svg(r))]
        let paths = files.map { root.appendingPathComponent($0.0).path }
        try TextFile.writeAtomically(texts: zip(files, paths).map { ($0.0.1, $0.1) })
        return paths
    }
}
