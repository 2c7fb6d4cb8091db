import FileSupport
import Foundation

/// One redescription as an ExItNeRdoM `.rr` file prints it.
public struct RRRecord: Hashable, Sendable {
    /// The queries as written (`W1R:` on the first view, `W2R:` on the second), parsed.
    public var left: Query, right: Query
    /// The query texts exactly as written (their spacing), for messages and round trips.
    public var leftText: String, rightText: String
    public var jaccard: Double
    /// The printed p-value (their `P(X > |∩|)`; `0.0` in "individual" files, never computed).
    public var pValue: Double
    public var intersection: Int, union: Int
    /// The ids listed under `Covered examples (intersection):` and `Union elements:`.
    public var intersectionIDs: [String], unionIDs: [String]
    /// The 1-based line of `W1R:` (for messages).
    public var line: Int

    public init(left: Query, right: Query, leftText: String? = nil, rightText: String? = nil, jaccard: Double,
                pValue: Double, intersection: Int, union: Int, intersectionIDs: [String], unionIDs: [String], line: Int = 0) {
        self.left = left
        self.right = right
        self.leftText = leftText ?? left.text
        self.rightText = rightText ?? right.text
        self.jaccard = jaccard
        self.pValue = pValue
        self.intersection = intersection
        self.union = union
        self.intersectionIDs = intersectionIDs
        self.unionIDs = unionIDs
        self.line = line
    }
}

/// An ExItNeRdoM result file: `Redescriptions:`, then per redescription `Rules:`, `W1R:`,
/// `W2R:`, `JS:`, `p-value :`, `Support intersection:`, `Support union:`, the two id lists;
/// then a footer (`Number of tests`, `Found: …`, `Elapsed time`), kept as lines.
public struct RRFile: Hashable, Sendable {
    public var records: [RRRecord]
    public var footer: [String]

    public init(records: [RRRecord], footer: [String] = []) {
        self.records = records
        self.footer = footer
    }

    public static func read(path: String) throws -> RRFile { try parse(try TextFile.read(path), file: path) }

    public static func parse(_ text: String, file: String? = nil) throws -> RRFile {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var i = 0
        func error(_ message: String, line: Int? = nil, column: Int? = nil) -> InputError {
            InputError(file: file, line: line ?? min(i + 1, lines.count), column: column, message)
        }
        func skipBlank() { while i < lines.count, lines[i].allSatisfy(\.isWhitespace) { i += 1 } }
        /// The rest of line `i` after `prefix` (which it must start with), then the next line.
        func field(_ prefix: String) throws -> (text: Substring, column: Int) {
            guard i < lines.count, lines[i].hasPrefix(prefix) else {
                throw error("expected '\(prefix)' but found '\(InputError.excerpt(i < lines.count ? lines[i] : "the end of the file"))'")
            }
            defer { i += 1 }
            return (lines[i].dropFirst(prefix.count), prefix.count + 1)
        }
        func number<T: LosslessStringConvertible>(_ prefix: String, _: T.Type) throws -> T {
            let (text, column) = try field(prefix)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let x = T(trimmed) else { throw error("'\(InputError.excerpt(trimmed))' is not a number", line: i, column: column) }
            return x
        }
        func ids(_ prefix: String) throws -> [String] {
            _ = try field(prefix)
            guard i < lines.count else { throw error("the id list after '\(prefix)' is missing") }
            defer { i += 1 }
            return lines[i].split(separator: " ", omittingEmptySubsequences: true).map { word in
                var w = word
                if w.hasPrefix("'"), w.hasSuffix("'"), w.count >= 2 { w = w.dropFirst().dropLast() }
                return String(w)
            }
        }

        skipBlank()
        _ = try field("Redescriptions:")
        var records: [RRRecord] = []
        while true {
            skipBlank()
            guard i < lines.count, lines[i].hasPrefix("Rules:") else { break }
            i += 1
            skipBlank()
            let leftLine = i + 1
            let (leftText, leftColumn) = try field("W1R: ")
            let left = try QueryParser.parse(String(leftText), file: file, line: leftLine, columnOffset: leftColumn - 1)
            let (rightText, rightColumn) = try field("W2R: ")
            let right = try QueryParser.parse(String(rightText), file: file, line: leftLine + 1, columnOffset: rightColumn - 1)
            let js = try number("JS: ", Double.self)
            let p = try number("p-value :", Double.self)
            let intersection = try number("Support intersection: ", Int.self)
            let union = try number("Support union: ", Int.self)
            skipBlank()
            let covered = try ids("Covered examples (intersection):")
            let unionIDs = try ids("Union elements:")
            records.append(RRRecord(left: left, right: right, leftText: String(leftText), rightText: String(rightText),
                                    jaccard: js, pValue: p, intersection: intersection, union: union,
                                    intersectionIDs: covered, unionIDs: unionIDs, line: leftLine))
        }
        skipBlank()
        let footer = lines[i...].map(String.init)
        if let first = footer.first, first.hasPrefix("W1R") || first.hasPrefix("W2R") || first.hasPrefix("JS") {
            throw error("'\(InputError.excerpt(first))' outside a 'Rules:' block")
        }
        return RRFile(records: records, footer: footer)
    }

    /// The file in their layout (byte-identical for files they wrote, up to the digits of
    /// numbers: ours are the shortest that read back to the same value).
    public var text: String {
        var out = "Redescriptions: \n\n"
        for r in records {
            out += "Rules: \n\nW1R: \(r.leftText)\nW2R: \(r.rightText)\n"
            out += "JS: \(r.jaccard)\np-value :\(r.pValue)\nSupport intersection: \(r.intersection)\nSupport union: \(r.union)\n\n"
            out += "Covered examples (intersection): \n" + r.intersectionIDs.map { "'\($0)' " }.joined() + "\n"
            out += "Union elements: \n" + r.unionIDs.map { "'\($0)' " }.joined() + "\n\n"
        }
        out += footer.joined(separator: "\n")
        return out
    }
}
