import FileSupport

/// A text file split into lines of whitespace-separated fields, each field with its
/// 1-based line and character column, so readers can say exactly where input is wrong.
struct FieldLines {
    struct Field {
        let text: Substring
        let line: Int
        let column: Int
    }

    let file: String
    private(set) var lines: [[Field]] = []
    /// 1-based number of each entry of `lines` (blank lines are dropped).
    private(set) var lineNumbers: [Int] = []
    /// Number of lines in the file.
    let totalLines: Int

    init(text: String, file: String, commentPrefix: Character? = nil) {
        self.init(text: text, file: file, commentPrefix: commentPrefix) { line, lineNumber in Self.whitespaceFields(line, lineNumber) }!
    }

    /// Lines split by `split` (nil: the text is not in that layout), comment lines left out.
    private init?(text: String, file: String, commentPrefix: Character?, split: (Substring, Int) -> [Field]?) {
        self.file = file
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so splitting on "\n" alone would not see CRLF lines.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: Self.isLineEnd) {
            lineNumber += 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if let c = commentPrefix, line.first == c { continue }
            guard let fields = split(line, lineNumber) else { return nil }
            if !fields.isEmpty {
                lines.append(fields)
                lineNumbers.append(lineNumber)
            }
        }
        // A final newline ends the last line; it does not start another.
        totalLines = text.last.map(Self.isLineEnd) == true ? lineNumber - 1 : lineNumber
    }

    /// Fields separated by spaces or tabs.
    private static func whitespaceFields(_ line: Substring, _ lineNumber: Int) -> [Field] {
        var fields: [Field] = []
        var column = 1
        var start: Substring.Index?
        var startColumn = 0
        var index = line.startIndex
        while index < line.endIndex {
            let ch = line[index]
            if ch == " " || ch == "\t" {
                if let s = start { fields.append(Field(text: line[s..<index], line: lineNumber, column: startColumn)); start = nil }
            } else if start == nil {
                start = index
                startColumn = column
            }
            column += 1
            index = line.index(after: index)
        }
        if let s = start { fields.append(Field(text: line[s...], line: lineNumber, column: startColumn)) }
        return fields
    }

    /// The character columns (1-based, inclusive) of fixed-format MPS's six fields.
    static let fixedMPSColumns = [2...3, 5...12, 15...22, 25...36, 40...47, 50...61]

    /// A fixed-format MPS file, whose names may contain spaces (Netlib's FORPLAN: `DEDO3 1R`):
    /// section lines (a character in column 1) and `'MARKER'` lines split on whitespace, data
    /// lines cut at the six fixed fields, blank fields left out. Nil when a data line has a
    /// tab or text outside the fields, so the text is not fixed-format MPS.
    init?(fixedMPS text: String, file: String) {
        self.init(text: text, file: file, commentPrefix: "*") { line, lineNumber in
            let chars = Array(line)
            if chars.first.map({ $0 != " " }) ?? true || line.contains("'MARKER'") { return Self.whitespaceFields(line, lineNumber) }
            guard !chars.contains("\t") else { return nil }
            var fields: [Field] = []
            var inside = [Bool](repeating: false, count: chars.count)
            for range in Self.fixedMPSColumns where range.lowerBound <= chars.count {
                let cells = (range.lowerBound - 1) ..< min(range.upperBound, chars.count)
                for k in cells { inside[k] = true }
                guard let first = cells.first(where: { chars[$0] != " " }), let last = cells.last(where: { chars[$0] != " " }) else { continue }
                let from = line.index(line.startIndex, offsetBy: first), to = line.index(line.startIndex, offsetBy: last + 1)
                fields.append(Field(text: line[from..<to], line: lineNumber, column: first + 1))
            }
            guard chars.indices.allSatisfy({ inside[$0] || chars[$0] == " " }) else { return nil }
            return fields
        }
    }

    /// A line ends at `\n` or `\r\n` (one Character in Swift).
    static func isLineEnd(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

    func error(_ field: Field, _ message: String) -> InputError {
        InputError(file: file, line: field.line, column: field.column, message)
    }

    func number(_ field: Field, what: String) throws -> Double {
        guard let value = Double(field.text), value.isFinite || field.text.lowercased().contains("inf") else {
            throw error(field, "expected a number for \(what), found '\(InputError.excerpt(field.text))'")
        }
        return value
    }
}
