import FileSupport
import LinearModel

/// What `backbones solve` prints: a side-by-side table of the backends' results, or JSON.
public enum SolveReport {
    /// Shortest exact text of a model value (integral values without a point).
    static func value(_ x: Double) -> String { Format.exact(x) }

    public static func header(_ file: String, _ m: CompiledModel) -> String {
        "\(file): \(m.columnCount) columns (\(m.integerCount) integer), \(m.rowCount) rows, \(m.nonzeroCount) non-zeros, \(m.sense.rawValue)"
    }

    public static func table(_ results: [SolveResult]) -> String {
        let labels = ["", "status", "objective", "bound", "gap", "seconds", "note"]
        var columns: [[String]] = [labels]
        for r in results {
            columns.append([
                "\(r.solver) \(r.version)", r.status.rawValue,
                r.objective.map(value) ?? (r.status == .timeLimit ? "no incumbent" : "-"),
                r.bound.map(value) ?? "-",
                r.gap.map { Format.fixed($0 * 100, 4) + "%" } ?? "-",
                Format.fixed(r.seconds, 3),
                r.message,
            ])
        }
        let widths = columns.map { $0.map(\.count).max() ?? 0 }
        var lines: [String] = []
        for row in 0..<labels.count {
            if row == labels.count - 1 && columns.dropFirst().allSatisfy({ $0[row].isEmpty }) { continue }
            lines.append(columns.indices.map { c in
                let cell = columns[c][row]
                return c == columns.count - 1 ? cell : cell.padding(toLength: widths[c] + 3, withPad: " ", startingAt: 0)
            }.joined())
        }
        return lines.joined(separator: "\n")
    }

    /// The non-zero values of each backend's best point, one line per backend.
    public static func values(_ results: [SolveResult], _ m: CompiledModel) -> String {
        results.compactMap { r in
            r.values.map { x in "\(r.solver) values: " + nonzero(x, m).map { "\($0.0)=\(value($0.1))" }.joined(separator: " ") }
        }.joined(separator: "\n")
    }

    static func nonzero(_ x: [Double], _ m: CompiledModel) -> [(String, Double)] {
        x.indices.filter { abs(x[$0]) > 1e-9 }.map { (m.columnNames[$0], x[$0]) }
    }

    /// One object per backend: solver, version, status, objective, bound, gap, seconds,
    /// has_solution, message, raw_status, columns, rows, nonzeros (and values).
    public static func json(_ results: [SolveResult], _ m: CompiledModel, showValues: Bool) -> JSON {
        .array(results.map { r in
            var fields: [(String, JSON)] = [
                ("solver", .string(r.solver)), ("version", .string(r.version)), ("status", .string(r.status.rawValue)),
                ("objective", .number(r.objective)), ("bound", .number(r.bound)), ("gap", .number(r.gap)),
                ("seconds", .number(r.seconds)), ("has_solution", .bool(r.hasSolution)),
                ("message", .string(r.message)), ("raw_status", .string(r.rawStatus)),
                ("columns", .int(m.columnCount)), ("rows", .int(m.rowCount)), ("nonzeros", .int(m.nonzeroCount)),
            ]
            if showValues, let x = r.values { fields.append(("values", .object(nonzero(x, m).map { ($0.0, .number($0.1)) }))) }
            return .object(fields)
        })
    }
}
