import ArgumentParser
import BackboneData
import Report
import Workflows

/// `backbones transactions`: activations → binarized transactions in FIMI format, for the
/// whole data set or one file per group. Formats and rules: docs/data.md.
struct TransactionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transactions",
        abstract: "Binarize activations into transactions (FIMI format: one line per instance, neuron ids).",
        discussion: """
        Binarizes every row by --binarize and writes the whole data set to --output FILE, or with \
        --groups one file per group (correct-3.dat, misclassified-3.dat, confusion-3-to-5.dat, \
        class-3.dat) into --output DIR. Prints transactions, mean items per layer and density. \
        Formats and rules: docs/data.md.
        """
    )

    @OptionGroup var input: ActivationInput
    @Option(help: "Write one file per group: correct, misclassified, confusion, class, all (comma-separated).") var groups: String?
    @Option(help: "Output FILE (whole data set) or, with --groups, a DIR (created if missing).") var output: String
    @Flag(help: "Read a .npy file of any size a block of rows at a time (memory bounded by the block): every row, no groups.") var stream = false

    func validate() throws {
        if stream && groups != nil { throw ValidationError("--stream writes every row to one file: no --groups") }
        if let groups { _ = try GroupOptions.selection(groups) }
    }

    func run() throws {
        if stream {
            let s = try input.options.spec(input.activations).stream(to: output) { Stderr.print("transactions: \($0)/\($1) rows") }
            s.notes.forEach { Stderr.print("note: \($0)") }
            return print("\(s.rows) transactions of \(s.columns) neurons (layers \(s.layout.widths.map(String.init).joined(separator: ","))), \(s.items) items: \(output)")
        }
        let loaded = try input.load()
        let kinds = try groups.map { try GroupOptions.selection($0).kinds }
        let result = try TransactionsExport.write(loaded, kinds: kinds, to: output)
        for name in result.emptyGroups { Stderr.print("note: group \(name) has no instances: no file written") }
        print(TransactionsReport.text(result, description: loaded.description, output: output))
    }
}
