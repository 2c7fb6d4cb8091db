/// Writes a compiled model in free MPS format, as read by `glpsol --freemps` and `cbc`.
///
/// Portability choices, checked against `glpsol` 5.0 and `cbc` 2.10.8:
/// - Every non-default bound is written explicitly (integer columns inside `MARKER INTORG`
///   always get both bounds, since readers differ on their defaults).
/// - A ranged row is a `G` row with a `RANGES` entry; rows with no finite bound are left out.
/// - No `OBJSENSE` section: glpsol rejects it and CBC ignores it. A maximization is marked by
///   the comment `*SENSE:Maximize` on the first line (PuLP's convention, honoured by our
///   reader); give `glpsol --max` or `cbc … max solve` to solve it as a maximization.
/// - An objective offset becomes a column `objective_offset` fixed at 1 with that cost: GLPK
///   and CBC read an RHS on the objective row with opposite signs.
public enum MPSWriter {
    public static func write(_ model: CompiledModel) -> String {
        let hasOffset = model.objectiveOffset != 0
        let columns = NameTable(model.columnNames + (hasOffset ? ["objective_offset"] : []), fallbackPrefix: "x").names
        var rowNames = NameTable(model.rowNames + ["obj"], fallbackPrefix: "c").names
        let objective = rowNames.removeLast()
        var out = model.sense == .maximize ? "*SENSE:Maximize\n" : ""
        out += "* \(model.columnCount) columns, \(model.rowCount) rows, \(model.nonzeroCount) non-zeros\n"
        // "FREE" after the name: CBC (CoinMpsIO) otherwise guesses the format from the first
        // COLUMNS line and took files whose first column name had 4 characters (flugpl's
        // `STM1`) for fixed MPS. glpsol and our reader skip the word.
        out += "NAME \(NameTable([model.name], fallbackPrefix: "model").names[0]) FREE\n"
        out += "ROWS\n N \(objective)\n"
        var kept = [Bool](repeating: false, count: model.rowCount)
        for i in 0..<model.rowCount {
            let lo = model.rowLower[i], up = model.rowUpper[i]
            let type: String
            if lo == up { type = "E" } else if lo.isFinite { type = "G" } else if up.isFinite { type = "L" } else { continue }
            kept[i] = true
            out += " \(type) \(rowNames[i])\n"
        }
        out += "COLUMNS\n"
        var inIntegerBlock = false
        var markers = 0
        for j in 0..<model.columnCount {
            if model.kinds[j].isIntegral != inIntegerBlock {
                markers += 1
                out += "    M\(markers) 'MARKER' '\(inIntegerBlock ? "INTEND" : "INTORG")'\n"
                inIntegerBlock.toggle()
            }
            var wroteAny = false
            if model.cost[j] != 0 {
                out += "    \(columns[j]) \(objective) \(number(model.cost[j]))\n"
                wroteAny = true
            }
            for k in model.columnStart[j] ..< model.columnStart[j + 1] where kept[model.rowIndex[k]] {
                out += "    \(columns[j]) \(rowNames[model.rowIndex[k]]) \(number(model.value[k]))\n"
                wroteAny = true
            }
            if !wroteAny { out += "    \(columns[j]) \(objective) 0\n" }
        }
        if inIntegerBlock { markers += 1; out += "    M\(markers) 'MARKER' 'INTEND'\n" }
        if hasOffset { out += "    \(columns[model.columnCount]) \(objective) \(number(model.objectiveOffset))\n" }

        out += "RHS\n"
        for i in 0..<model.rowCount where kept[i] {
            let lo = model.rowLower[i], up = model.rowUpper[i]
            let rhs = lo.isFinite ? lo : up
            if rhs != 0 { out += "    RHS \(rowNames[i]) \(number(rhs))\n" }
        }
        var ranges = ""
        for i in 0..<model.rowCount where kept[i] {
            let lo = model.rowLower[i], up = model.rowUpper[i]
            if lo != up && lo.isFinite && up.isFinite { ranges += "    RNG \(rowNames[i]) \(number(up - lo))\n" }
        }
        if !ranges.isEmpty { out += "RANGES\n" + ranges }

        out += "BOUNDS\n"
        for j in 0..<model.columnCount {
            let lo = model.columnLower[j], up = model.columnUpper[j], name = columns[j]
            if model.kinds[j] == .binary && lo == 0 && up == 1 { out += " BV BND \(name)\n"; continue }
            if lo == up { out += " FX BND \(name) \(number(lo))\n"; continue }
            if lo == -.infinity && up == .infinity { out += " FR BND \(name)\n"; continue }
            if lo == 0 && up == .infinity && !model.kinds[j].isIntegral { continue }
            out += lo == -.infinity ? " MI BND \(name)\n" : " LO BND \(name) \(number(lo))\n"
            out += up == .infinity ? " PL BND \(name)\n" : " UP BND \(name) \(number(up))\n"
        }
        if hasOffset { out += " FX BND \(columns[model.columnCount]) 1\n" }
        out += "ENDATA\n"
        return out
    }
}
