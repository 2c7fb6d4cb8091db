import ArgumentParser

@main
struct BackbonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backbones",
        abstract: "Find the backbone of a trained neural network: exact ILPs (GLPK, CBC), pattern-mining heuristics, Pareto reports.",
        subcommands: [
            SolveCommand.self,
            SelftestCommand.self,
            // TransactionsCommand.self, MineCommand.self  (mining issue)
            // HeuristicCommand.self, ILPCommand.self, ParetoCommand.self  (pareto issue)
        ]
    )
}
