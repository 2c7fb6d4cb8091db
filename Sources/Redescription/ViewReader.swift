import BackboneData
import FileSupport
import Foundation

/// Reads a view by its file's extension: `.arff` (`ARFFReader`), `.npy` (a 2-D array; columns
/// `c0`, `c1`, …, ids the 0-based row numbers) or `.csv` (a header row; a column named `id`
/// holds the ids, every other column is a numeric attribute).
public enum ViewReader {
    public static func read(path: String) throws -> View {
        switch (path as NSString).pathExtension.lowercased() {
        case "arff": return try ARFFReader.read(path: path)
        case "npy": return try npy(path)
        case "csv": return try csv(try TextFile.read(path), file: path)
        default: throw InputError(file: path, "unknown view format: give an .arff, .csv or .npy file")
        }
    }

    static func npy(_ path: String) throws -> View {
        let array = try NpyFormat.read(path: path)
        guard array.shape.count == 2 else { throw InputError(file: path, "a view is a 2-D array (rows × attributes), not shape \(array.shapeText)") }
        try array.checkFinite(file: path)
        let (n, m) = (array.shape[0], array.shape[1])
        let columns = (0..<m).map { j in (0..<n).map { array.values[$0 * m + j] } }
        return View(file: path, ids: (0..<n).map(String.init), attributes: (0..<m).map { "c\($0)" }, columns: columns)
    }

    public static func csv(_ text: String, file: String?) throws -> View {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset + 1, $0.element.hasSuffix("\r") ? $0.element.dropLast() : $0.element) }
        lines.removeAll { $0.1.allSatisfy(\.isWhitespace) }
        guard let (headerLine, header) = lines.first else { throw InputError(file: file, "empty file: a view needs a header row and data rows") }
        func fields(_ line: Substring) -> [(String, Int)] {
            var out: [(String, Int)] = [], column = 1
            for part in line.split(separator: ",", omittingEmptySubsequences: false) {
                var f = part.trimmingCharacters(in: .whitespaces)
                if f.count >= 2, f.hasPrefix("\""), f.hasSuffix("\"") { f = String(f.dropFirst().dropLast()) }
                out.append((f, column))
                column += part.count + 1
            }
            return out
        }
        let names = fields(header).map(\.0)
        let idColumn = names.firstIndex(of: "id")
        var ids: [String] = [], rowLines: [Int] = [], columns = [[Double]](repeating: [], count: names.count - (idColumn == nil ? 0 : 1))
        var seen: [String: Int] = [:]
        for (number, line) in lines.dropFirst() {
            let row = fields(line)
            guard row.count == names.count else { throw InputError(file: file, line: number, "\(row.count) fields but the header (line \(headerLine)) has \(names.count)") }
            var c = 0
            for (i, (text, column)) in row.enumerated() {
                if i == idColumn {
                    if let first = seen[text] { throw InputError(file: file, line: number, column: column, "id '\(InputError.excerpt(text))' appears twice (first on line \(first))") }
                    seen[text] = number
                    ids.append(text)
                    continue
                }
                guard let x = Double(text), x.isFinite else {
                    throw InputError(file: file, line: number, column: column, "'\(InputError.excerpt(text))' is not a finite number (column '\(InputError.excerpt(names[i]))')")
                }
                columns[c].append(x)
                c += 1
            }
            if idColumn == nil { ids.append(String(ids.count)) }
            rowLines.append(number)
        }
        guard !ids.isEmpty else { throw InputError(file: file, line: headerLine, "no data rows after the header") }
        guard !columns.isEmpty else { throw InputError(file: file, line: headerLine, "no numeric column: a view needs numeric attributes") }
        return View(file: file, ids: ids, lines: rowLines, attributes: names.enumerated().filter { $0.offset != idColumn }.map(\.element), columns: columns)
    }
}
