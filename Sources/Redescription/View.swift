import FileSupport

/// One view of a set of instances: numeric attributes (a layer's units, labels, input
/// features) over rows named by ids. Redescriptions relate two views of the same rows.
public struct View: Sendable, Equatable {
    /// Where the view came from (a file path), for messages; nil for views built in memory.
    public var file: String?
    /// The rows' ids (from the ARFF string attribute, a CSV `id` column, or row numbers).
    public var ids: [String]
    /// The 1-based line of each row in `file`, when it is a text file (for messages).
    public var lines: [Int]?
    /// The attributes' names, one per column.
    public var attributes: [String]
    /// Column-major values: `columns[j][r]` is attribute `j` of row `r`; all finite.
    public var columns: [[Double]]

    public init(file: String? = nil, ids: [String], lines: [Int]? = nil, attributes: [String], columns: [[Double]]) {
        precondition(attributes.count == columns.count && columns.allSatisfy { $0.count == ids.count })
        self.file = file
        self.ids = ids
        self.lines = lines
        self.attributes = attributes
        self.columns = columns
    }

    public var rowCount: Int { ids.count }

    /// The column of the attribute named `name`, or nil.
    public func column(named name: String) -> Int? { attributes.firstIndex(of: name) }

    /// The ids of the rows in `set`, in row order.
    public func ids(of set: RowSet) -> [String] { set.rows.map { ids[$0] } }

    /// Checks that `other` describes the same rows, in the same order, as this view: the same
    /// number of rows and the same id on each row. The error names `other`'s first row that
    /// differs (its file and line when known).
    public func checkSameRows(as other: View) throws {
        guard rowCount == other.rowCount else {
            throw InputError(file: other.file, "has \(other.rowCount) rows but \(file ?? "the other view") has \(rowCount): the two views must describe the same instances")
        }
        for r in 0..<rowCount where ids[r] != other.ids[r] {
            throw InputError(file: other.file, line: other.lines?[r], column: other.lines == nil ? nil : 1,
                             "row \(r + 1) has id '\(InputError.excerpt(other.ids[r]))' but row \(r + 1) of \(file ?? "the other view") has id '\(InputError.excerpt(ids[r]))': the two views must list the same instances in the same order")
        }
    }
}
