import FileSupport

/// Reads MPS files: free format, and fixed format (names may then contain spaces).
///
/// Sections: NAME, OBJSENSE (MAX/MIN on the same or the next line), ROWS, COLUMNS (with
/// `'MARKER' 'INTORG'/'INTEND'`), RHS, RANGES, BOUNDS (UP LO FX FR MI PL BV LI UI), ENDATA.
/// The first N row is the objective; later N rows are dropped. An integer column with no
/// bounds gets [0, +inf) (the CPLEX convention; our writer always writes bounds explicitly).
/// A RHS on the objective row is the negated objective offset (CPLEX's and CBC's reading;
/// GLPK reads it with the opposite sign, which is why our writer never uses it). A first-line
/// comment `*SENSE:Maximize` (PuLP's convention, written by `MPSWriter`) means maximize.
public enum MPSReader {
    public static func read(path: String) throws -> Model {
        try parse(TextFile.read(path), file: path)
    }

    /// Fields are read as free MPS (split on whitespace) first; a file that does not read so is
    /// read again as fixed MPS (fields by character column, so Netlib's `DEDO3 1R` is one
    /// name), and if that fails too, the free reading's error is thrown.
    public static func parse(_ text: String, file: String = "<mps>") throws -> Model {
        do {
            return try parse(FieldLines(text: text, file: file, commentPrefix: "*"), text: text, file: file)
        } catch let free as InputError {
            guard let fixed = FieldLines(fixedMPS: text, file: file),
                  let model = try? parse(fixed, text: text, file: file) else { throw free }
            return model
        }
    }

    private static func parse(_ input: FieldLines, text: String, file: String) throws -> Model {
        var model = Model(name: "model")
        if let first = text.prefix(40).split(whereSeparator: FieldLines.isLineEnd).first,
           first.replacingOccurrences(of: " ", with: "").lowercased().hasPrefix("*sense:max") {
            model.sense = .maximize
        }
        var section = ""
        var objectiveRow: String?
        var rowIndex: [String: Int] = [:]
        var rowType: [Character] = []
        var rows: [Row] = []
        var droppedRows = Set<String>()
        var columnIndex: [String: Int] = [:]
        var variables: [Variable] = []
        var columnHasBounds: [Bool] = []
        var integerBlock = false
        var ranges: [Int: Double] = [:]
        var rhs: [Int: Double] = [:]
        var sawEnd = false
        var senseExpected = false

        func rowNumber(_ field: FieldLines.Field) throws -> Int? {
            let name = String(field.text)
            if name == objectiveRow || droppedRows.contains(name) { return nil }
            guard let i = rowIndex[name] else { throw input.error(field, "unknown row '\(InputError.excerpt(name))' (not declared in ROWS)") }
            return i
        }

        lines: for fields in input.lines {
            let head = fields[0]
            let isSectionLine = head.column == 1
            if isSectionLine {
                let keyword = head.text.uppercased()
                switch keyword {
                case "NAME":
                    // A last word FREE after the name marks free MPS (CoinMpsIO's convention, written by
                    // MPSWriter); it is not part of the name.
                    let words = fields.count > 2 && fields.last!.text == "FREE" ? fields.dropLast() : fields[...]
                    if words.count > 1 { model.name = words.dropFirst().map { String($0.text) }.joined(separator: " ") }
                    section = "NAME"
                case "OBJSENSE":
                    section = "OBJSENSE"
                    if fields.count > 1 { try setSense(fields[1]); section = "" } else { senseExpected = true }
                case "OBJSENS":
                    section = "OBJSENSE"; senseExpected = true
                case "ROWS", "COLUMNS", "RHS", "RANGES", "BOUNDS":
                    if senseExpected { throw input.error(head, "OBJSENSE needs MAX or MIN before \(keyword)") }
                    section = keyword
                case "ENDATA":
                    sawEnd = true
                    break lines
                default:
                    if section == "OBJSENSE" && senseExpected { try setSense(head); continue }
                    throw input.error(head, "unknown section '\(InputError.excerpt(head.text))' (expected NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS or ENDATA)")
                }
                continue
            }
            switch section {
            case "OBJSENSE":
                try setSense(head)
            case "ROWS":
                guard fields.count == 2 else {
                    throw input.error(fields.count < 2 ? head : fields[2], "a ROWS line needs a type (N, L, G, E) and one name, found \(fields.count) fields")
                }
                let type = head.text.uppercased()
                let name = String(fields[1].text)
                guard ["N", "L", "G", "E"].contains(type) else { throw input.error(head, "unknown row type '\(InputError.excerpt(head.text))' (expected N, L, G or E)") }
                if type == "N" {
                    if objectiveRow == nil { objectiveRow = name } else { droppedRows.insert(name) }
                    continue
                }
                guard rowIndex[name] == nil else { throw input.error(fields[1], "row '\(InputError.excerpt(name))' declared twice") }
                rowIndex[name] = rows.count
                rowType.append(Character(type))
                rows.append(Row(name: name, terms: []))
            case "COLUMNS":
                if fields.count >= 3, fields[1].text.uppercased() == "'MARKER'" {
                    switch fields[2].text.uppercased() {
                    case "'INTORG'": integerBlock = true
                    case "'INTEND'": integerBlock = false
                    default: throw input.error(fields[2], "expected 'INTORG' or 'INTEND', found \(InputError.excerpt(fields[2].text))")
                    }
                    continue
                }
                guard fields.count == 3 || fields.count == 5 else {
                    throw input.error(head, "a COLUMNS line needs: column row value [row value], found \(fields.count) fields")
                }
                let name = String(head.text)
                let j: Int
                if let existing = columnIndex[name] { j = existing } else {
                    j = variables.count
                    columnIndex[name] = j
                    variables.append(Variable(name: name, kind: integerBlock ? .integer : .continuous, lower: 0, upper: .infinity))
                    columnHasBounds.append(false)
                }
                var k = 1
                while k + 1 < fields.count {
                    let value = try input.number(fields[k + 1], what: "the coefficient of \(name)")
                    guard value.isFinite else { throw input.error(fields[k + 1], "coefficient must be finite") }
                    if String(fields[k].text) == objectiveRow {
                        variables[j].cost += value
                    } else if let i = try rowNumber(fields[k]) {
                        rows[i].terms.append(Term(VariableID(j), value))
                    }
                    k += 2
                }
            case "RHS", "RANGES":
                // Fields: [set name] row value [row value]; the set name is optional.
                let start = (fields.count % 2 == 1) ? 1 : 0
                guard fields.count - start >= 2 else { throw input.error(head, "a \(section) line needs: [set] row value") }
                var k = start
                while k + 1 < fields.count {
                    let value = try input.number(fields[k + 1], what: "the \(section) value")
                    if String(fields[k].text) == objectiveRow {
                        guard section == "RHS" else { throw input.error(fields[k], "RANGES cannot apply to the objective row") }
                        model.objectiveOffset = -value
                    } else if let i = try rowNumber(fields[k]) {
                        if section == "RHS" { rhs[i] = value } else { ranges[i] = value }
                    }
                    k += 2
                }
            case "BOUNDS":
                let type = head.text.uppercased()
                let needsValue = ["UP", "LO", "FX", "LI", "UI"].contains(type)
                guard needsValue || ["FR", "MI", "PL", "BV"].contains(type) else {
                    throw input.error(head, "unknown bound type '\(InputError.excerpt(head.text))' (expected UP, LO, FX, FR, MI, PL, BV, LI or UI)")
                }
                // The bound-set name is optional: "UP BND x 4" or "UP x 4"; "BV BND x" or "BV x".
                let fieldsWithSet = needsValue ? 4 : 3
                guard fields.count == fieldsWithSet || fields.count == fieldsWithSet - 1 else {
                    throw input.error(head, "a \(type) bound needs: \(type) [set] column\(needsValue ? " value" : ""), found \(fields.count) fields")
                }
                let hasSet = fields.count == fieldsWithSet
                let columnField = hasSet ? fields[2] : fields[1]
                guard let j = columnIndex[String(columnField.text)] else {
                    throw input.error(columnField, "unknown column '\(InputError.excerpt(columnField.text))' in BOUNDS")
                }
                var value = 0.0
                if needsValue {
                    let valueIndex = hasSet ? 3 : 2
                    guard valueIndex < fields.count else { throw input.error(head, "bound \(type) needs a value") }
                    value = try input.number(fields[valueIndex], what: "the bound")
                }
                columnHasBounds[j] = true
                switch type {
                case "UP":
                    variables[j].upper = value
                    if value < 0 && variables[j].lower == 0 { variables[j].lower = -.infinity }
                case "LO": variables[j].lower = value
                case "FX": variables[j].lower = value; variables[j].upper = value
                case "FR": variables[j].lower = -.infinity; variables[j].upper = .infinity
                case "MI": variables[j].lower = -.infinity
                case "PL": variables[j].upper = .infinity
                case "BV": variables[j].kind = .binary; variables[j].lower = 0; variables[j].upper = 1
                case "LI": variables[j].kind = .integer; variables[j].lower = value
                case "UI": variables[j].kind = .integer; variables[j].upper = value
                default: break
                }
            case "NAME":
                throw input.error(head, "unexpected data after NAME (expected a section keyword at column 1)")
            default:
                throw input.error(head, "data before any section (expected NAME or ROWS)")
            }
        }
        guard sawEnd else {
            throw InputError(file: file, line: input.totalLines, "file ends before ENDATA (truncated MPS?)")
        }
        guard objectiveRow != nil || !rows.isEmpty || !variables.isEmpty else {
            throw InputError(file: file, "no ROWS section: not an MPS file")
        }

        for (i, row) in rows.enumerated() {
            let b = rhs[i] ?? 0
            var r = row
            switch rowType[i] {
            case "L": r.lower = -.infinity; r.upper = b
            case "G": r.lower = b; r.upper = .infinity
            default: r.lower = b; r.upper = b
            }
            if let range = ranges[i] {
                switch rowType[i] {
                case "L": r.lower = b - abs(range)
                case "G": r.upper = b + abs(range)
                default: if range >= 0 { r.upper = b + range } else { r.lower = b + range }
                }
            }
            model.addRow(r)
        }
        for v in variables { model.addVariable(v) }
        return model

        func setSense(_ field: FieldLines.Field) throws {
            switch field.text.uppercased() {
            case "MAX", "MAXIMIZE", "MAXIMISE": model.sense = .maximize
            case "MIN", "MINIMIZE", "MINIMISE": model.sense = .minimize
            default: throw input.error(field, "expected MAX or MIN after OBJSENSE, found '\(InputError.excerpt(field.text))'")
            }
            senseExpected = false
        }
    }
}
