import FileSupport
import Foundation

/// Comma-separated activations with a header row: a label column and optionally a prediction
/// column, found by name; every other column is an activation, in file order.
///
/// Fields may be wrapped in double quotes (`"a,b"` in the header keeps its comma; `""` is a
/// quote). Blank lines are skipped. Errors: `InputError` with the file line and the 1-based
/// field index.
public enum CSVFormat {
    public struct Columns: Sendable, Equatable {
        public var label: String
        public var prediction: String?
        public init(label: String = "label", prediction: String? = nil) {
            self.label = label
            self.prediction = prediction
        }
    }

    public static func read(path: String, columns: Columns = Columns()) throws -> ActivationMatrix {
        // Mapped in place when possible (no copy into a buffer); otherwise read, which also
        // reports missing, unreadable and empty files.
        if let mapped = MappedFile(path: path) {
            defer { mapped.unmap() }
            return try parse(DelimitedText(mapped.base, count: mapped.count), file: path, columns: columns)
        }
        return try parse(TextFile.readData(path), file: path, columns: columns)
    }

    public static func parse(_ data: Data, file: String, columns: Columns = Columns()) throws -> ActivationMatrix {
        try data.withUnsafeBytes { raw -> ActivationMatrix in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else {
                throw InputError(file: file, "the file is empty: expected a header row and data rows")
            }
            return try parse(DelimitedText(base, count: raw.count), file: file, columns: columns)
        }
    }

    private static func parse(_ textIn: DelimitedText, file: String, columns: Columns) throws -> ActivationMatrix {
        var text = textIn
        guard let headerLine = text.nextNonBlankLine() else {
            throw InputError(file: file, "the file holds only blank lines: expected a header row and data rows")
        }
        let headerNumber = text.lineNumber
        let header = splitQuoted(text.text(headerLine, limit: .max))
        let labelIndex = try index(of: columns.label, in: header, file: file, line: headerNumber, subject: .labelColumn)
        let predictionIndex = try columns.prediction.map {
            try index(of: $0, in: header, file: file, line: headerNumber, subject: .predictionColumn)
        }
        if let predictionIndex, predictionIndex == labelIndex {
            throw InputError(file: file, line: headerNumber, "the label and prediction columns are the same column")
        }
        let activationCount = header.count - 1 - (predictionIndex == nil ? 0 : 1)
        guard activationCount >= 1 else {
            throw InputError(file: file, line: headerNumber, "the header names no activation columns besides the label and prediction")
        }

        var parser = FieldParser(file: file)
        var values: [Double] = []
        var labels: [Int] = []
        var predictions: [Int] = []
        let estimatedRows = text.count / (headerLine.count + 1) + 1
        values.reserveCapacity(estimatedRows * activationCount)

        let base = text.base
        let fieldCount = header.count
        // The common row: unquoted numbers separated by bare commas, parsed in one pass without
        // splitting first. Any other row (spaces, quotes, a bad field) is undone and re-read by
        // the general loop below, which reports errors.
        @inline(__always) func fastRow(_ line: Range<Int>) -> Bool {
            let marks = (values.count, labels.count, predictions.count)
            var position = line.lowerBound
            let end = line.upperBound
            var ok = true
            for index in 0..<fieldCount {
                var stop = position
                guard case .value(let v) = parser.decimal.parsePrefix(base, position, end, stop: &stop) else { ok = false; break }
                if index == fieldCount - 1 {
                    guard stop == end else { ok = false; break }
                } else {
                    guard stop < end, base[stop] == 0x2C else { ok = false; break }
                }
                if index == labelIndex || index == predictionIndex {
                    guard let label = exactInteger(v) else { ok = false; break }
                    if index == labelIndex { labels.append(label) } else { predictions.append(label) }
                } else {
                    values.append(v)
                }
                position = stop &+ 1
            }
            if !ok {
                values.removeSubrange(marks.0...)
                labels.removeSubrange(marks.1...)
                predictions.removeSubrange(marks.2...)
            }
            return ok
        }

        while let line = text.nextNonBlankLine() {
            let lineNumber = text.lineNumber
            if fastRow(line) { continue }
            var fields = text.fields(of: line, .comma)
            var column = 0
            while var field = fields.next() {
                column += 1
                if column > header.count {
                    var found = column
                    while fields.next() != nil { found += 1 }
                    throw raggedRow(file: file, line: lineNumber, found: found, expected: header.count, headerLine: headerNumber)
                }
                // A quoted number: drop the quotes.
                if field.count >= 2, text.base[field.lowerBound] == 0x22, text.base[field.upperBound - 1] == 0x22 {
                    field = field.lowerBound + 1 ..< field.upperBound - 1
                }
                let index = column - 1
                if index == labelIndex {
                    labels.append(try parser.label(text, field, line: lineNumber, column: column))
                } else if index == predictionIndex {
                    predictions.append(try parser.label(text, field, line: lineNumber, column: column, what: "predicted label"))
                } else {
                    values.append(try parser.value(text, field, line: lineNumber, column: column))
                }
            }
            if column < header.count {
                throw raggedRow(file: file, line: lineNumber, found: column, expected: header.count, headerLine: headerNumber)
            }
        }
        guard !labels.isEmpty else {
            throw InputError(file: file, line: headerNumber, "no data rows after the header")
        }
        return ActivationMatrix(rowCount: labels.count, columnCount: activationCount, values: values,
                                trueLabels: labels, predictedLabels: predictionIndex == nil ? nil : predictions)
    }

    private static func index(of name: String, in header: [String], file: String, line: Int, subject: InputSubject) throws -> Int {
        let matches = header.indices.filter { header[$0] == name }
        if matches.count > 1 {
            throw InputError(file: file, line: line, column: matches[1] + 1,
                             "column '\(InputError.excerpt(name))' appears more than once in the header (fields \(matches.map { String($0 + 1) }.joined(separator: ", ")))")
        }
        if let i = matches.first { return i }
        var decimal = DecimalParser()
        let looksNumeric = header.allSatisfy { if case .value = decimal.parse(Substring($0)) { return true } else { return false } }
        let listed = header.prefix(8).map { "'\(InputError.excerpt($0, limit: 40))'" }.joined(separator: ", ") + (header.count > 8 ? ", …" : "")
        let hint = looksNumeric
            ? "the first line looks like data, not a header: headerless 'label v1 … vn' rows are the 'rows' format"
            : "the header has \(listed); name the column to use"
        throw InputError(file: file, line: line, subject: looksNumeric ? .format : subject, "no column named '\(InputError.excerpt(name))': \(hint)")
    }

    /// The column names of a CSV file's header (its first non-blank line), read as `read` reads
    /// them (quotes honoured); only the file's first 1 MiB is read.
    public static func header(path: String) throws -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError(file: path, "cannot open the file") }
        defer { try? handle.close() }
        let head = (try handle.read(upToCount: 1 << 20)) ?? Data()
        return head.withUnsafeBytes { raw -> [String] in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else { return [] }
            var text = DelimitedText(base, count: raw.count)
            guard let line = text.nextNonBlankLine() else { return [] }
            return splitQuoted(text.text(line, limit: .max))
        }
    }

    /// Splits one CSV line, honouring double quotes.
    static func splitQuoted(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { current.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current.trimmingCharacters(in: .whitespaces))
        return fields
    }

    private static func raggedRow(file: String, line: Int, found: Int, expected: Int, headerLine: Int) -> InputError {
        InputError(file: file, line: line,
                   "the row has \(found) fields but the header (line \(headerLine)) has \(expected): all rows need one field per header column")
    }
}
