import ArgumentParser
import FileSupport
import Foundation
import LinearModel

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an ILP file (MPS, LP or OR-Library set cover) with GLPK, CBC or both.",
        discussion: """
        With --solver both the two backends solve the identical model one after the other and \
        are printed side by side; the command exits 1 if two proven optima disagree. \
        --json prints a JSON array with one object per backend (fields: solver, version, \
        status, objective, bound, gap, seconds, has_solution, message, raw_status, columns, \
        rows, nonzeros). Status is one of optimal, infeasible, unbounded, time_limit, error. \
        Files named by --write-lp / --write-mps are written before solving, atomically.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case mps, lp, orlib }

    @Argument(help: "The model file.")
    var file: String

    @Option(help: "File format: mps, lp or orlib (default: from the extension; .txt is orlib).")
    var format: Format?

    @Option(help: "Backend: glpk, cbc or both.")
    var solver: SolverChoice = .both

    @OptionGroup var solverOptions: SolverOptionGroup

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "Also print the non-zero values of the best point.")
    var showValues = false

    @Option(help: "Write the model in CPLEX LP format to this file.")
    var writeLp: String?

    @Option(help: "Write the model in free MPS format to this file.")
    var writeMps: String?

    func run() throws {
        let chosen = try format ?? Self.detectFormat(file)
        let model: Model
        switch chosen {
        case .mps: model = try MPSReader.read(path: file)
        case .lp: model = try LPReader.read(path: file)
        case .orlib: model = try ORLibraryReader.read(path: file)
        }
        let compiled: CompiledModel
        do { compiled = try model.compile() } catch let error as ModelError {
            throw InputError(file: file, error.description)
        }
        if let path = writeLp { try TextFile.writeAtomically(LPWriter.write(compiled), to: path) }
        if let path = writeMps { try TextFile.writeAtomically(MPSWriter.write(compiled), to: path) }

        var results: [SolveResult] = []
        for backend in solver.solvers {
            let ticker = ProgressTicker(label: "\(backend.name): solving \(compiled.name)")
            results.append(backend.solve(compiled, options: solverOptions.solverOptions))
            ticker.stop()
        }
        let disagreement = SolveResult.disagreement(among: results)

        if json {
            print(JSON.array(results.map { Self.json($0, compiled, showValues: showValues) }).serialized(pretty: true))
        } else {
            print("\(file): \(compiled.columnCount) columns (\(compiled.integerCount) integer), \(compiled.rowCount) rows, \(compiled.nonzeroCount) non-zeros, \(compiled.sense.rawValue)")
            print(Self.table(results))
            if showValues {
                for r in results {
                    guard let x = r.values else { continue }
                    let nz = x.indices.filter { abs(x[$0]) > 1e-9 }.map { "\(compiled.columnNames[$0])=\(Self.format(x[$0]))" }
                    print("\(r.solver) values: " + nz.joined(separator: " "))
                }
            }
        }
        if let disagreement {
            Stderr.print("backbones: error: \(disagreement)")
            throw ExitCode(1)
        }
    }

    static func detectFormat(_ path: String) throws -> Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".mps") { return .mps }
        if lower.hasSuffix(".lp") { return .lp }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".orlib") { return .orlib }
        if lower.hasSuffix(".gz") { throw InputError(file: path, "compressed files are not read: decompress first (gunzip)") }
        throw InputError(file: path, "cannot tell the format from the extension: give --format mps|lp|orlib")
    }

    static func json(_ r: SolveResult, _ m: CompiledModel, showValues: Bool) -> JSON {
        var fields: [(String, JSON)] = [
            ("solver", .string(r.solver)), ("version", .string(r.version)), ("status", .string(r.status.rawValue)),
            ("objective", .number(r.objective)), ("bound", .number(r.bound)), ("gap", .number(r.gap)),
            ("seconds", .number(r.seconds)), ("has_solution", .bool(r.hasSolution)),
            ("message", .string(r.message)), ("raw_status", .string(r.rawStatus)),
            ("columns", .int(m.columnCount)), ("rows", .int(m.rowCount)), ("nonzeros", .int(m.nonzeroCount)),
        ]
        if showValues, let x = r.values {
            fields.append(("values", .object(x.indices.filter { abs(x[$0]) > 1e-9 }.map { (m.columnNames[$0], JSON.number(x[$0])) })))
        }
        return .object(fields)
    }

    static func table(_ results: [SolveResult]) -> String {
        let labels = ["", "status", "objective", "bound", "gap", "seconds", "note"]
        var columns: [[String]] = [labels]
        for r in results {
            columns.append([
                "\(r.solver) \(r.version)", r.status.rawValue,
                r.objective.map(format) ?? (r.status == .timeLimit ? "no incumbent" : "-"),
                r.bound.map(format) ?? "-",
                r.gap.map { String(format: "%.4f%%", $0 * 100) } ?? "-",
                String(format: "%.3f", r.seconds),
                r.message.isEmpty ? "" : r.message,
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

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.10g", x)
    }
}
