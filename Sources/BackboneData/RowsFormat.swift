import FileSupport
import Foundation

/// The authors' activation rows: `label v1 … vn` per line, label first, no header.
///
/// Fields are separated by runs of spaces/tabs, or by commas when the first row holds a
/// comma (their confusion files are comma-delimited). Blank lines are skipped. Every row must
/// have as many fields as the first. Errors: `InputError` with the file line and the 1-based
/// field index (the label is field 1).
///
/// The authors' confusion files label a row `true predicted` (two labels, space-separated, in
/// the first comma-separated field); when the first row's label field is such a pair, every
/// row's must be, and they give the predicted labels.
public enum RowsFormat {
    public static func read(path: String) throws -> ActivationMatrix {
        try parse(TextFile.readData(path), file: path)
    }

    public static func parse(_ data: Data, file: String) throws -> ActivationMatrix {
        try data.withUnsafeBytes { raw -> ActivationMatrix in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else {
                throw InputError(file: file, "the file is empty: expected rows 'label v1 … vn'")
            }
            return try parse(DelimitedText(base, count: raw.count), file: file)
        }
    }

    private static func parse(_ textIn: DelimitedText, file: String) throws -> ActivationMatrix {
        var text = textIn
        guard let first = text.nextNonBlankLine() else {
            throw InputError(file: file, "the file holds no rows (only blank lines): expected rows 'label v1 … vn'")
        }
        let delimiter: DelimitedText.Delimiter = memchr(text.base + first.lowerBound, 0x2C, first.count) != nil ? .comma : .whitespace
        var fieldCount = 0
        var splitter = text.fields(of: first, delimiter)
        while splitter.next() != nil { fieldCount += 1 }
        let firstLine = text.lineNumber
        guard fieldCount >= 2 else {
            throw InputError(file: file, line: firstLine,
                             "the row has a label but no activation values: expected 'label v1 … vn'")
        }
        let columns = fieldCount - 1

        var parser = FieldParser(file: file)
        var values: [Double] = []
        var labels: [Int] = []
        var predictions: [Int] = []
        var firstFields = text.fields(of: first, delimiter)
        // Only the first comma-separated field can be a "true predicted" pair.
        let labelPairs = delimiter == .comma && text.fields(of: firstFields.next()!, .whitespace).count == 2
        // Rows of similar length: the first line's length estimates the row count.
        let estimatedRows = text.count / (first.count + 1) + 1
        values.reserveCapacity(estimatedRows * columns)
        labels.reserveCapacity(estimatedRows)

        var line: Range<Int>? = first
        while let current = line {
            let lineNumber = text.lineNumber
            var fields = text.fields(of: current, delimiter)
            guard let labelField = fields.next() else { break }
            if labelPairs {
                var parts = text.fields(of: labelField, .whitespace)
                guard let t = parts.next(), let p = parts.next(), parts.next() == nil else {
                    throw InputError(file: file, line: lineNumber, column: 1,
                                     "expected 'true predicted' labels in the first field, as on line \(firstLine)")
                }
                labels.append(try parser.label(text, t, line: lineNumber, column: 1))
                predictions.append(try parser.label(text, p, line: lineNumber, column: 1, what: "predicted label"))
            } else {
                labels.append(try parser.label(text, labelField, line: lineNumber, column: 1))
            }
            var column = 1
            while let field = fields.next() {
                column += 1
                if column > fieldCount {
                    var found = column
                    while fields.next() != nil { found += 1 }
                    throw raggedRow(file: file, line: lineNumber, found: found, expected: fieldCount, firstLine: firstLine)
                }
                values.append(try parser.value(text, field, line: lineNumber, column: column))
            }
            if column < fieldCount {
                throw raggedRow(file: file, line: lineNumber, found: column, expected: fieldCount, firstLine: firstLine)
            }
            line = text.nextNonBlankLine()
        }
        return ActivationMatrix(rowCount: labels.count, columnCount: columns, values: values, trueLabels: labels,
                                predictedLabels: labelPairs ? predictions : nil)
    }

    static func raggedRow(file: String, line: Int, found: Int, expected: Int, firstLine: Int) -> InputError {
        InputError(file: file, line: line,
                   "the row has \(found) fields but line \(firstLine) has \(expected) (a label and \(expected - 1) activations): all rows need the same number of fields")
    }
}
