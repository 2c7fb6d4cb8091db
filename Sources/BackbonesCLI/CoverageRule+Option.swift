import ArgumentParser
import BackboneCore

extension CoverageRule {
    /// The rules of a `--q` option (`CoverageRule.shares(parsing:)`, as a usage error).
    static func parseShares(_ text: String) throws -> [CoverageRule] {
        do { return try shares(parsing: text) } catch let error as CoreError { throw ValidationError("--q: \(error)") }
    }
}
