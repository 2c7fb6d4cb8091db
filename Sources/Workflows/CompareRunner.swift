import FileSupport
import Foundation
import LinearModel

/// How `CompareJob` runs one backend on one instance.
///
/// - `process`: a child process `EXECUTABLE solve FILE --format F --solver B --time-limit T
///   --json` (its JSON is the result). A backend that aborts the process (a C library's
///   assertion) or ignores its limit costs one run, not the comparison: a child still running
///   `grace` seconds after the limit is killed (SIGKILL) and its run counts as a time limit
///   without an incumbent; a child that dies is an `error` run naming the signal.
/// - `inProcess`: the given solvers in this process (tests, stubs).
public enum CompareRunner: Sendable {
    case process(executable: String)
    case inProcess([ILPSolver])

    /// Seconds past the limit a child process is given before it is killed: a last resort
    /// (each backend returns within 1 s past its limit: CBC's watchdog, GLPK's callback;
    /// docs/solvers.md), which also covers reading the file and writing the answer.
    public static let grace = 5.0

    func run(_ instance: ModelInstance, model: CompiledModel, backend: String, options: SolverOptions) -> CompareJob.Run {
        switch self {
        case let .inProcess(solvers):
            guard let solver = solvers.first(where: { $0.name == backend }) else {
                return CompareJob.Run(result: SolveResult(status: .error, seconds: 0, solver: backend, version: "",
                                                          message: "no backend named \(backend)"))
            }
            return CompareJob.Run(result: solver.solve(model, options: options))
        case let .process(executable) where instance.isSpec:
            // A cover model goes to the child as the MPS file of its ILP.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("backbones-compare-\(UUID().uuidString).mps").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            do { try TextFile.writeAtomically(MPSWriter.write(model), to: file) } catch {
                return CompareJob.Run(result: SolveResult(status: .error, seconds: 0, solver: backend, version: "",
                                                          message: "cannot write the cover model: \(error)"))
            }
            return Self.child(executable, ModelInstance(name: instance.name, path: file, format: .mps), backend: backend, options: options)
        case let .process(executable):
            return Self.child(executable, instance, backend: backend, options: options)
        }
    }

    static func child(_ executable: String, _ instance: ModelInstance, backend: String, options: SolverOptions) -> CompareJob.Run {
        let limit = options.effectiveTimeLimit ?? CompareJob.defaultTimeLimit
        var arguments = ["solve", instance.path, "--format", instance.formatName, "--solver", backend,
                         "--time-limit", "\(limit)", "--json", "--threads", String(options.threads)]
        if let gap = options.relativeGap { arguments += ["--gap", "\(gap)"] }
        func failed(_ message: String, seconds: Double = 0) -> CompareJob.Run {
            CompareJob.Run(result: SolveResult(status: .error, seconds: seconds, solver: backend, version: "", message: message))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let started = ContinuousClock.now
        do { try process.run() } catch { return failed("cannot start \(executable): \(error.localizedDescription)") }
        let killer = DispatchWorkItem { [process] in if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit + grace, execute: killer)
        // Both pipes are read at once, so a child that fills one cannot block.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errorData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        killer.cancel()
        let wall = started.duration(to: .now).seconds

        if process.terminationReason == .uncaughtSignal {
            if process.terminationStatus == SIGKILL && wall >= limit + grace - 0.5 {
                var result = SolveResult(status: .timeLimit, seconds: wall, solver: backend, version: "",
                                         message: "no answer \(Format.exact(grace)) s after the limit: the process was stopped")
                result.rawStatus = "killed"
                return CompareJob.Run(result: result, killed: true)
            }
            return failed("the solver process died (signal \(process.terminationStatus))", seconds: wall)
        }
        guard let parsed = try? JSONSerialization.jsonObject(with: outputData) as? [[String: Any]], let fields = parsed.first else {
            let lastLine = String(decoding: errorData, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            return failed("exit \(process.terminationStatus)" + (lastLine.isEmpty ? "" : ": " + lastLine), seconds: wall)
        }
        func number(_ key: String) -> Double? { (fields[key] as? NSNumber)?.doubleValue }
        func text(_ key: String) -> String { fields[key] as? String ?? "" }
        guard let status = SolveStatus(rawValue: text("status")) else { return failed("unknown status '\(text("status"))'", seconds: wall) }
        var result = SolveResult(status: status, objective: number("objective"), bound: number("bound"),
                                 seconds: number("seconds") ?? wall, solver: text("solver"), version: text("version"),
                                 rawStatus: text("raw_status"), message: text("message"))
        // The values are not sent; a run with an incumbent keeps an empty point to say so.
        if fields["has_solution"] as? Bool == true { result.values = [] }
        return CompareJob.Run(result: result)
    }
}
