import ArgumentParser
import BackboneData
import FileSupport

/// `--groups KINDS [--only NAMES]`, shared by `heuristic`, `ilp` and `pareto`.
struct GroupSelection: ParsableArguments {
    static let defaultGroups = "correct"

    @Option(help: "Groups: correct, misclassified, confusion, class or all (comma-separated).")
    var groups: String = GroupSelection.defaultGroups

    @Option(help: "Only these groups, by name (comma-separated, e.g. correct:3,confusion:3->5).")
    var only: String?

    func validate() throws { _ = try ActivationInput.groupKinds(groups) }

    /// The non-empty groups asked for, in a stable order; notes about empty ones go to stderr.
    func select(from matrix: ActivationMatrix, file: String) throws -> [Group] {
        let kinds = try ActivationInput.groupKinds(groups) ?? Grouping.availableKinds(for: matrix)
        let grouping = try Grouping(matrix: matrix, kinds: kinds)
        for name in grouping.emptyGroups { Stderr.print("note: group \(name) has no instances: skipped") }
        var selected = grouping.groups
        if let only {
            let names = Set(only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            selected = selected.filter { names.contains($0.name) }
            let unknown = names.subtracting(selected.map(\.name))
            if !unknown.isEmpty {
                throw InputError("--only names unknown groups: \(unknown.sorted().joined(separator: ", ")) (groups here: \(grouping.groups.map(\.name).joined(separator: ", ")))")
            }
        }
        guard !selected.isEmpty else {
            throw InputError(file: file, "no non-empty group of kind \(kinds.map(\.rawValue).joined(separator: ",")) in the data")
        }
        return selected
    }
}
