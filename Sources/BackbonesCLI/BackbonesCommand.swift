import ArgumentParser
import FileSupport
import Foundation
import Workflows

@main
struct BackbonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backbones",
        abstract: "Find the backbone of a trained neural network: exact ILPs (GLPK, CBC), pattern-mining heuristics, Pareto reports.",
        discussion: """
        Exit codes: 0 success; 1 a result check failed (e.g. two solvers' proven optima \
        disagree, a selftest case failed); 2 bad input or usage (the message names the file, \
        line and column where it can); 3 a solver or the environment failed.
        """,
        version: "backbones 0.9.0",
        subcommands: [SolveCommand.self, CompareCommand.self, SelftestCommand.self, TransactionsCommand.self, MineCommand.self,
                      ParetoCommand.self, HeuristicCommand.self, ILPCommand.self, ExperimentCommand.self, ArtifactsCommand.self,
                      UnitsCommand.self, RedescribeCommand.self, PlanCommand.self, RunJobCommand.self, MergeCommand.self]
    )

    /// Runs the tool. Every error becomes its exit code here (`ExitStatus` decides which).
    static func main() {
        var parsed = false
        do {
            var command = try parseAsRoot()
            parsed = true
            try command.run()
        } catch {
            if let status = ExitStatus(error, flag: \.flag) {
                Stderr.print("backbones: error: \(status.message)")
                Foundation.exit(status.code)
            }
            // The parser reports a library error from an option's validate() as a plain failure: bad input too.
            if exitCode(for: error) == .validationFailure || (!parsed && exitCode(for: error) == .failure) {
                // One prefix for every error; the usage line follows as a hint.
                let usage = fullMessage(for: error).split(separator: "\n").first { $0.hasPrefix("Usage:") }
                Stderr.print("backbones: error: \(message(for: error))" + (usage.map { "\n" + $0 } ?? ""))
                Foundation.exit(ExitStatus.badInput)
            }
            exit(withError: error)
        }
    }
}

extension InputSubject {
    /// The option a library input error is about: each subject is named after its flag
    /// (`labelColumn` is `--label-column`); CLITests check every one is an option of `pareto`.
    var flag: String { "--" + rawValue.replacing(/[A-Z]/) { "-" + $0.output.lowercased() } }
}
