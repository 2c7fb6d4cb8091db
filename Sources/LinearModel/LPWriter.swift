/// Writes a compiled model in CPLEX LP format, as read by `glpsol --lp` and `cbc`.
///
/// Choices that keep both readers happy: every variable appears in the objective (with 0
/// when it has no cost) so none is lost; a ranged row `lo ≤ a·x ≤ up` becomes two rows
/// (`NAME_lo`, `NAME_up`); rows with no finite bound are left out (they constrain nothing);
/// binaries whose bounds are not [0, 1] are written as general integers with bounds; a
/// non-zero objective offset becomes a variable fixed at 1 with that cost. Names that are LP
/// keywords (`MIN`, `st`, `end`, `inf`, `free`, …: `LPReader.reservedWords`) get a `_`
/// appended, so `LPReader` (and glpsol and cbc) read the file back as written.
public enum LPWriter {
    public static func write(_ model: CompiledModel) -> String {
        let columns = NameTable(model.columnNames + (model.objectiveOffset != 0 ? ["objective_offset"] : []),
                                fallbackPrefix: "x", reserved: LPReader.reservedWords).names
        let rows = NameTable(model.rowNames, fallbackPrefix: "c", reserved: LPReader.reservedWords).names
        var out = "\\ Problem: \(model.name)\n"
        out += "\\ \(model.columnCount) columns, \(model.rowCount) rows, \(model.nonzeroCount) non-zeros\n"
        out += model.sense == .minimize ? "Minimize\n" : "Maximize\n"
        var line = " obj:"
        func emit(_ coefficient: Double, _ name: String) {
            let piece = (coefficient < 0 ? " - " : " + ") + number(abs(coefficient)) + " " + name
            if line.count + piece.count > 200 {
                out += line + "\n"
                line = " "
            }
            line += piece
        }
        for j in 0..<model.columnCount { emit(model.cost[j], columns[j]) }
        if model.objectiveOffset != 0 { emit(model.objectiveOffset, columns[model.columnCount]) }
        out += line + "\n"

        out += "Subject To\n"
        let byRow = model.rowWise()
        for i in 0..<model.rowCount {
            let lo = model.rowLower[i], up = model.rowUpper[i]
            func writeRow(_ name: String, _ op: String, _ rhs: Double) {
                line = " \(name):"
                // An empty row still needs a variable to be written; 0·(first column) is neutral.
                if byRow[i].isEmpty, let first = columns.first { line += " 0 \(first)" }
                for (j, a) in byRow[i] { emit(a, columns[j]) }
                out += line + " \(op) \(number(rhs))\n"
            }
            if lo == up {
                writeRow(rows[i], "=", lo)
            } else if lo.isFinite && up.isFinite {
                writeRow(rows[i] + "_lo", ">=", lo)
                writeRow(rows[i] + "_up", "<=", up)
            } else if lo.isFinite {
                writeRow(rows[i], ">=", lo)
            } else if up.isFinite {
                writeRow(rows[i], "<=", up)
            }
        }

        var bounds = "Bounds\n"
        var generals: [String] = [], binaries: [String] = []
        for j in 0..<model.columnCount {
            let lo = model.columnLower[j], up = model.columnUpper[j], name = columns[j]
            if model.kinds[j] == .binary && lo == 0 && up == 1 {
                binaries.append(name)
                continue
            }
            if model.kinds[j].isIntegral { generals.append(name) }
            if lo == up {
                bounds += " \(name) = \(number(lo))\n"
            } else if lo == -.infinity && up == .infinity {
                bounds += " \(name) free\n"
            } else if lo == 0 && up == .infinity {
                continue  // the LP default
            } else {
                let l = lo == -.infinity ? "-inf" : number(lo)
                let u = up == .infinity ? "+inf" : number(up)
                bounds += " \(l) <= \(name) <= \(u)\n"
            }
        }
        if model.objectiveOffset != 0 { bounds += " \(columns[model.columnCount]) = 1\n" }
        out += bounds
        if !generals.isEmpty { out += "General\n" + wrap(generals) }
        if !binaries.isEmpty { out += "Binary\n" + wrap(binaries) }
        out += "End\n"
        return out
    }

    private static func wrap(_ names: [String]) -> String {
        var out = "", line = ""
        for name in names {
            if line.count + name.count > 200 { out += line + "\n"; line = "" }
            line += " " + name
        }
        return out + line + "\n"
    }
}
