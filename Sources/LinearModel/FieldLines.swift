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
        self.file = file
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so splitting on "\n" alone would not see CRLF lines.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: Self.isLineEnd) {
            lineNumber += 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if let c = commentPrefix, line.first == c { continue }
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
            if !fields.isEmpty {
                lines.append(fields)
                lineNumbers.append(lineNumber)
            }
        }
        // A final newline ends the last line; it does not start another.
        totalLines = text.last.map(Self.isLineEnd) == true ? lineNumber - 1 : lineNumber
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
