import ArgumentParser
import BackboneCore
import Foundation

extension CoverageRule {
    /// The rules of a `--q` option: shares in (0, 1], comma-separated (e.g. `1,0.5`).
    static func parseShares(_ text: String) throws -> [CoverageRule] {
        try text.split(separator: ",").map { part in
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value > 0, value <= 1 else {
                throw ValidationError("--q takes shares in (0, 1], comma-separated; got '\(part)'")
            }
            return try CoverageRule(share: value)
        }
    }
}
