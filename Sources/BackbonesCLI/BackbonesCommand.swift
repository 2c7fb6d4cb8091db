import ArgumentParser
import BackboneCore
import BackboneData
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
        subcommands: [
            SolveCommand.self,
            CompareCommand.self,
            SelftestCommand.self,
            TransactionsCommand.self,
            MineCommand.self,
            ParetoCommand.self,
            HeuristicCommand.self,
            ILPCommand.self,
            ExperimentCommand.self,
            ArtifactsCommand.self,
            UnitsCommand.self,
            RedescribeCommand.self,
            PlanCommand.self,
            RunJobCommand.self,
            MergeCommand.self,
        ]
    )

    /// Runs the tool. Every error becomes its exit code here, in one place (`ExitStatus`).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if let status = ExitStatus(error) {
                Stderr.print("backbones: error: \(status.message)")
                Foundation.exit(status.code)
            }
            if exitCode(for: error) == .validationFailure {
                // One prefix for every error; the usage line follows as a hint.
                let usage = fullMessage(for: error).split(separator: "\n").first { $0.hasPrefix("Usage:") }
                Stderr.print("backbones: error: \(message(for: error))" + (usage.map { "\n" + $0 } ?? ""))
                Foundation.exit(ExitStatus.badInput)
            }
            exit(withError: error)
        }
    }
}

/// What an error means for the shell: 1 a result check failed (two engines' proven optima
/// differ, a self-test case failed), 2 bad input or usage, 3 a solver or the environment failed.
struct ExitStatus {
    static let checkFailed: Int32 = 1
    static let badInput: Int32 = 2
    static let solverFailed: Int32 = 3

    var code: Int32
    var message: String

    /// Nil for errors the argument parser reports itself (usage, help, explicit exit codes).
    init?(_ error: Error) {
        switch error {
        case let error as InputError: (code, message) = (Self.badInput, (error.subject.map { "\($0.flag): " } ?? "") + error.description)
        case let error as ActivationSpec.Conflict: (code, message) = (Self.badInput, error.description)
        case let error as ClusterRun.Unfinished: (code, message) = (Self.checkFailed, error.description)
        case let error as CoreError:
            switch error {
            case .solverDisagreement: (code, message) = (Self.checkFailed, error.description)
            case .solverFailed: (code, message) = (Self.solverFailed, error.description)
            case .invalidArgument, .emptyGroup: (code, message) = (Self.badInput, error.description)
            }
        default: return nil
        }
    }
}

extension InputSubject {
    /// The option a library input error is about: each subject is named after its flag
    /// (`labelColumn` is `--label-column`); CLITests check every one is an option of `pareto`.
    var flag: String { "--" + rawValue.replacing(/[A-Z]/) { "-" + $0.output.lowercased() } }
}
