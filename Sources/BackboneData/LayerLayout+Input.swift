import FileSupport
import Mining

extension LayerLayout {
    /// Widths from a `--layers 64,32,16` option; a bad list is an `InputError` (exit code 2).
    public static func fromOption(_ text: String) throws -> LayerLayout {
        do {
            return try LayerLayout(parsing: text)
        } catch let error as LayerLayoutError {
            throw InputError("--layers: \(error.description)")
        }
    }

    /// `check(columnCount:)` with the mismatch as an `InputError` naming both numbers.
    public func checkInput(columnCount: Int, file: String? = nil) throws {
        do {
            try check(columnCount: columnCount)
        } catch let error as LayerLayoutError {
            throw InputError(file: file, error.description)
        }
    }
}
