import ArgumentParser
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solve", abstract: "Solve an ILP file.")
    func run() throws {}
}
