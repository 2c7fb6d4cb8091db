import ArgumentParser
import BackboneCore
import FileSupport
import Mining
import Report
import Workflows

struct HeuristicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heuristic",
        abstract: "The paper's pattern-mining heuristic: a backbone per group, and the greedy cover path.",
        discussion: """
        Runs the reference heuristic (maxMinsup search, F-score descent, neuron weights) on every \
        selected group; misclassified-group backbones drop the neurons of the same class's \
        correct-group backbone; confusion backbones are keyed predicted → true. A group with no \
        layer-complete itemset at any support is reported and skipped (the authors' code hangs \
        there). --explanation writes the authors' three-line explanation file; --greedy prints \
        the greedy cover path at each --q. --transactions FILE[,FILE…] instead of --activations \
        takes FIMI files you already have, one group each, named by the file stem \
        (correct-3.dat → correct-3), with --layers; binarization and group options do not apply \
        there, nor the misclassified clean-up and --explanation. See docs/pareto.md.
        """
    )

    @Option(help: "Activation file (rows, .csv, .npy or .npz).") var activations: String?
    @Option(help: "Instead of --activations: FIMI files (comma-separated), one group each, named by the file stem; needs --layers.") var transactions: String?
    @OptionGroup var input: ActivationOptions
    @OptionGroup var selection: GroupOptions
    @Option(help: "Coverage shares q to score the backbones with (comma-separated).") var q: String = "1,0.5"
    @Flag(help: "Also run the greedy cover path and print its steps.") var greedy = false
    @Option(help: "Write the authors' explanation file (3 lines of Python literals) here (not with --transactions).") var explanation: String?
    @Flag(help: "Print JSON instead of text.") var json = false

    var transactionFiles: [String] {
        (transactions ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        _ = try CoverageRule.parseShares(q)
        if activations != nil && transactions != nil { throw ValidationError("give --activations or --transactions, not both") }
        if activations == nil && transactions == nil {
            throw ValidationError("give --activations FILE, or --transactions FILE[,FILE…] (transactions already binarized)")
        }
        guard transactions != nil else { return }
        if transactionFiles.isEmpty { throw ValidationError("--transactions names no file") }
        if input.layers == nil { throw ValidationError("--transactions needs the layer widths: add --layers W1,W2,…") }
        let misplaced = input.activationOnlyOptionsGiven + selection.optionsGiven + (explanation != nil ? ["--explanation"] : [])
        if !misplaced.isEmpty {
            throw ValidationError("\(misplaced.joined(separator: ", ")) only apply to --activations: --transactions files are already binarized, one group each")
        }
    }

    func run() throws {
        let job = HeuristicJob(rules: try CoverageRule.parseShares(q), greedy: greedy)
        let groups: [HeuristicJob.GroupResult]
        if transactions != nil {
            groups = try job.run(transactionFiles: transactionFiles, layout: try LayerLayout.fromOption(input.layers!))
        } else {
            let result = try job.run(try input.load(activations!, groups: selection))
            groups = result.groups
            if let explanation { try TextFile.writeAtomically(result.explanation.text, to: explanation) }
        }
        print(json ? HeuristicReport.json(groups).serialized(pretty: true) : HeuristicReport.text(groups))
        if let explanation, !json { print("wrote \(explanation)") }
    }
}
