import ArgumentParser
struct SelftestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "selftest", abstract: "Run the solver conformance suite.")
    func run() throws {}
}
