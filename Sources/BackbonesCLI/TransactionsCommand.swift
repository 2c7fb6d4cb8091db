import ArgumentParser
import BackboneData
import FileSupport
import Foundation
import Mining

/// `backbones transactions`: activations → binarized transactions in FIMI format, for the
/// whole data set or one file per group. Formats and rules: docs/data.md.
struct TransactionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transactions",
        abstract: "Binarize activations into transactions (FIMI format: one line per instance, neuron ids).",
        discussion: """
        Reads activations (--format rows|csv|npy|npz, else from the file extension: .csv, .npy, \
        .npz, anything else is the authors' 'label v1 … vn' rows), binarizes every row by \
        --binarize, and writes the whole data set to --output FILE, or with --groups one file per \
        group (correct-3.dat, misclassified-3.dat, confusion-3-to-5.dat, class-3.dat) into \
        --output DIR. Prints transactions, mean items per layer and density. See docs/data.md.
        """
    )

    @OptionGroup var input: ActivationInput

    @Option(help: "Write one file per group: correct, misclassified, confusion, class, all (comma-separated).")
    var groups: String?

    @Option(help: "Output FILE (whole data set) or, with --groups, a DIR (created if missing).")
    var output: String

    func validate() throws {
        if let groups, case let .failure(error) = GroupSelection.kinds(parsing: groups) {
            throw ValidationError(error == .empty ? "--groups is empty" : "--groups takes correct, misclassified, confusion, class or all (comma-separated); got '\(groups)'")
        }
    }

    func run() throws {
        let loaded = try input.load()
        let matrix = loaded.matrix, layout = loaded.layout, result = loaded.binarized
        // Groups are checked before anything is written, so a request the data cannot answer fails first.
        let requestedKinds = groups.map { text -> [Group.Kind] in
            guard case let .success(kinds) = GroupSelection.kinds(parsing: text) else { preconditionFailure("validate() checks --groups") }
            return kinds ?? Grouping.availableKinds(for: matrix)
        }
        let grouping = try requestedKinds.map { try Grouping(matrix: matrix, kinds: $0) }
        for (key, value) in loaded.description { print("\(key): \(value)") }
        printSummary(TransactionSummary(result.database, layout: layout))

        guard let grouping else {
            if isDirectory(output) {
                throw InputError(file: output, "--output is a directory: give a file name, or --groups to write one file per group")
            }
            try createDirectory((output as NSString).deletingLastPathComponent)
            try result.database.writeFIMI(to: output)
            print("wrote \(output)")
            return
        }

        for name in grouping.emptyGroups { Stderr.print("note: group \(name) has no instances: no file written") }
        if FileManager.default.fileExists(atPath: output) && !isDirectory(output) {
            throw InputError(file: output, "--output with --groups must be a directory, and this is a file")
        }
        try createDirectory(output)
        print("groups: \(grouping.groups.count) (\(requestedKinds!.map(\.rawValue).joined(separator: ", "))) in \(output)")
        let width = grouping.groups.map(\.name.count).max() ?? 0
        for group in grouping.groups {
            let file = group.fileStem + ".dat"
            let transactions = result.database.selecting(group.instances)
            try transactions.writeFIMI(to: (output as NSString).appendingPathComponent(file))
            let summary = TransactionSummary(transactions, layout: layout)
            let padded = group.name.padding(toLength: width, withPad: " ", startingAt: 0)
            print("  \(padded)  \(String(group.count).leftPadded(6)) transactions  items/layer \(format(summary.meanItemsPerLayer))  density \(String(format: "%.4f", summary.density))  \(file)")
        }
    }

    private func printSummary(_ s: TransactionSummary) {
        print("transactions: \(s.transactionCount)")
        print("items per transaction by layer (mean): \(format(s.meanItemsPerLayer)) (total \(String(format: "%.2f", s.meanItems)))")
        print("density: \(String(format: "%.4f", s.density))")
    }

    private func format(_ values: [Double]) -> String {
        values.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }

    private func createDirectory(_ path: String) throws {
        guard !path.isEmpty, !isDirectory(path) else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: path, "cannot create the output directory: \(error.localizedDescription)")
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
