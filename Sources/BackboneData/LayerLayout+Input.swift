import FileSupport
import Mining

extension LayerLayout {
    /// Widths from a list like `64,32,16`; a bad list is an `InputError` about `.layers`.
    public static func fromOption(_ text: String) throws -> LayerLayout {
        do {
            return try LayerLayout(parsing: text)
        } catch let error as LayerLayoutError {
            throw InputError(subject: .layers, error.description)
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
