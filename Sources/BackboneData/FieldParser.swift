import FileSupport

/// Turns text fields into activations and labels, with the error conventions of every text
/// reader: line is the 1-based file line, column the 1-based field index on that line.
struct FieldParser {
    let file: String
    var decimal = DecimalParser()

    init(file: String) { self.file = file }

    /// A finite number; `InputError` for empty, non-numeric, NaN or infinite fields.
    @inline(__always)
    mutating func value(_ text: DelimitedText, _ range: Range<Int>, line: Int, column: Int) throws -> Double {
        switch decimal.parse(text.base, range.lowerBound, range.upperBound) {
        case .value(let v): return v
        case .notFinite:
            throw InputError(file: file, line: line, column: column,
                             "value '\(text.text(range))' is not finite (NaN and infinity are not allowed)")
        case .invalid:
            if range.isEmpty { throw InputError(file: file, line: line, column: column, "empty value") }
            throw InputError(file: file, line: line, column: column, "'\(text.text(range))' is not a number")
        }
    }

    /// An integer class label; integral decimals such as `3.0` (NumPy's `savetxt`) are accepted.
    mutating func label(_ text: DelimitedText, _ range: Range<Int>, line: Int, column: Int,
                        what: String = "label") throws -> Int {
        if case .value(let v) = decimal.parse(text.base, range.lowerBound, range.upperBound), let i = exactInteger(v) {
            return i
        }
        if range.isEmpty { throw InputError(file: file, line: line, column: column, "empty \(what)") }
        throw InputError(file: file, line: line, column: column,
                         "\(what) '\(text.text(range))' is not an integer (class labels must be integers)")
    }
}
