import ArgumentParser
import FileSupport
import Foundation

@main
struct BackbonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backbones",
        abstract: "Find the backbone of a trained neural network: exact ILPs (GLPK, CBC), pattern-mining heuristics, Pareto reports.",
        discussion: """
        Exit codes: 0 success; 1 a result check failed (e.g. two solvers' proven optima \
        disagree, a selftest case failed); 2 bad input or usage (the message names the file, \
        line and column where it can).
        """,
        subcommands: [
            SolveCommand.self,
            SelftestCommand.self,
            TransactionsCommand.self,
            MineCommand.self,
            ParetoCommand.self,
            HeuristicCommand.self,
            ILPCommand.self,
            ExperimentCommand.self,
            ArtifactsCommand.self,
        ]
    )

    /// Runs the tool; bad input (an `InputError` or a usage error) prints one line and exits 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            Stderr.print("backbones: error: \(error)")
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Stderr.print(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
