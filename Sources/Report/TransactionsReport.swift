import BackboneData
import FileSupport
import Workflows

/// What `backbones transactions` prints: the input, the transactions' shape, the files written.
public enum TransactionsReport {
    public static func text(_ r: TransactionsExport.Result, description: [(String, String)], output: String) -> String {
        func perLayer(_ values: [Double]) -> String { values.map { Format.fixed($0, 2) }.joined(separator: " ") }
        var lines = description.map { "\($0.0): \($0.1)" }
        lines.append("transactions: \(r.summary.transactionCount)")
        lines.append("items per transaction by layer (mean): \(perLayer(r.summary.meanItemsPerLayer)) (total \(Format.fixed(r.summary.meanItems, 2)))")
        lines.append("density: \(Format.fixed(r.summary.density, 4))")
        guard let kinds = r.kinds else {
            lines.append("wrote \(output)")
            return lines.joined(separator: "\n")
        }
        lines.append("groups: \(r.files.count) (\(kinds.map(\.rawValue).joined(separator: ", "))) in \(output)")
        let width = r.files.map(\.name.count).max() ?? 0
        for f in r.files {
            let count = String(f.instances)
            lines.append("  \(f.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(repeating: " ", count: max(0, 6 - count.count)) + count) transactions  items/layer \(perLayer(f.summary.meanItemsPerLayer))  density \(Format.fixed(f.summary.density, 4))  \(f.file)")
        }
        return lines.joined(separator: "\n")
    }
}
