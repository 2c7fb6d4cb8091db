import FileSupport

/// Reads Beasley's OR-Library set-cover files into a weighted set-cover model.
///
/// Format: `rows columns`; then one cost per column; then for each row the number of
/// columns covering it followed by their 1-based indices. Numbers may wrap across lines.
/// The model is `min Σ c_j x_j` subject to `Σ_{j covers i} x_j ≥ 1` for every row, x binary.
public enum ORLibraryReader {
    public static func read(path: String) throws -> Model {
        try parse(TextFile.read(path), file: path)
    }

    public static func parse(_ text: String, file: String = "<orlib>") throws -> Model {
        let input = FieldLines(text: text, file: file)
        var tokens = input.lines.joined().makeIterator()

        func next(_ what: String) throws -> FieldLines.Field {
            guard let field = tokens.next() else {
                throw InputError(file: file, line: max(1, input.totalLines),
                                 "file ends early: expected \(what)")
            }
            return field
        }
        func integer(_ what: String, in range: ClosedRange<Int>) throws -> Int {
            let field = try next(what)
            guard let value = Int(field.text) else { throw input.error(field, "expected an integer for \(what), found '\(InputError.excerpt(field.text))'") }
            guard range.contains(value) else {
                throw input.error(field, "\(what) is \(value), outside \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }

        let rowCount = try integer("the number of rows", in: 1...Int(Int32.max))
        let columnCount = try integer("the number of columns", in: 1...Int(Int32.max))
        var model = Model(name: String(file.split(separator: "/").last ?? "orlib"), sense: .minimize)
        var x: [VariableID] = []
        x.reserveCapacity(columnCount)
        for j in 0..<columnCount {
            let field = try next("the cost of column \(j + 1) of \(columnCount)")
            let cost = try input.number(field, what: "the cost of column \(j + 1)")
            guard cost.isFinite, cost >= 0 else { throw input.error(field, "column cost must be finite and non-negative, found \(InputError.excerpt(field.text))") }
            x.append(model.addVariable(name: "x\(j + 1)", kind: .binary, cost: cost))
        }
        for i in 0..<rowCount {
            let k = try integer("the number of columns covering row \(i + 1) of \(rowCount)", in: 0...columnCount)
            var terms: [Term] = []
            terms.reserveCapacity(k)
            for _ in 0..<k {
                let j = try integer("a column index (1..\(columnCount)) of row \(i + 1)", in: 1...columnCount)
                terms.append(Term(x[j - 1]))
            }
            model.addRow(.greaterOrEqual(terms, 1, name: "r\(i + 1)"))
        }
        if let extra = tokens.next() {
            throw input.error(extra, "unexpected data after the \(rowCount) rows the header announced (row count mismatch?)")
        }
        return model
    }
}

