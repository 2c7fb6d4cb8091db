import FileSupport

/// An ILP file of one of the formats the toolkit reads: free or fixed MPS, CPLEX LP, or an
/// OR-Library set cover (docs/solvers.md).
public enum ModelFile {
    public enum Format: String, Sendable, CaseIterable {
        case mps, lp, orlib
    }

    /// The format a file name implies: `.mps`, `.lp`, `.txt`/`.orlib` (OR-Library).
    public static func format(of path: String) throws -> Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".mps") { return .mps }
        if lower.hasSuffix(".lp") { return .lp }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".orlib") { return .orlib }
        if lower.hasSuffix(".gz") { throw InputError(file: path, "compressed files are not read: decompress first (gunzip)") }
        throw InputError(file: path, "cannot tell the format from the extension: name the format (mps, lp or orlib)")
    }

    /// Reads and compiles the model (`format` nil: from the file name).
    public static func read(path: String, format: Format? = nil) throws -> CompiledModel {
        let model: Model
        switch try format ?? Self.format(of: path) {
        case .mps: model = try MPSReader.read(path: path)
        case .lp: model = try LPReader.read(path: path)
        case .orlib: model = try ORLibraryReader.read(path: path)
        }
        do { return try model.compile() } catch let error as ModelError { throw InputError(file: path, error.description) }
    }
}
