/// A fixed-width text table: columns sized to their widest cell, an optional row of
/// headings spanning several columns (one per backend), a rule under the header.
/// Plain text so it reads the same in a terminal, a log file and `summary.txt`.
struct TextTable {
    enum Align { case left, right }

    struct Column {
        var title: String
        var align: Align
        /// Text put before this column (ignored for the first): `"  "`, or `" | "` where a
        /// new block (a backend) begins.
        var separator: String

        init(_ title: String, _ align: Align = .right, separator: String = "  ") {
            self.title = title
            self.align = align
            self.separator = separator
        }
    }

    /// A heading above the columns `columns` (e.g. the backend name above its four columns).
    struct Span {
        var title: String
        var columns: Range<Int>
    }

    var columns: [Column]
    var spans: [Span] = []
    var rows: [[String]] = []

    init(columns: [Column], spans: [Span] = []) {
        self.columns = columns
        self.spans = spans
    }

    mutating func add(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells, table has \(columns.count) columns")
        rows.append(row)
    }

    /// The lines of the table, each prefixed by `indent`, trailing blanks removed.
    func render(indent: String = "") -> [String] {
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        // A span title wider than its columns widens the last of them.
        for span in spans where !span.columns.isEmpty {
            let inner = spanWidth(span.columns, widths)
            if span.title.count > inner { widths[span.columns.last!] += span.title.count - inner }
        }

        func pad(_ s: String, _ w: Int, _ a: Align) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return a == .left ? s + fill : fill + s
        }
        func line(_ cells: [String], aligns: [Align]) -> String {
            var out = ""
            for i in cells.indices {
                if i > 0 { out += columns[i].separator }
                out += pad(cells[i], widths[i], aligns[i])
            }
            return trimmed(indent + out)
        }

        var lines: [String] = []
        if !spans.isEmpty {
            // Each span title starts at its first column and is padded over all its columns.
            var text = ""
            var i = 0
            while i < columns.count {
                if i > 0 { text += columns[i].separator }
                if let span = spans.first(where: { $0.columns.first == i }) {
                    text += pad(span.title, spanWidth(span.columns, widths), .left)
                    i = span.columns.upperBound
                } else {
                    text += String(repeating: " ", count: widths[i])
                    i += 1
                }
            }
            lines.append(trimmed(indent + text))
        }
        lines.append(line(columns.map(\.title), aligns: columns.map(\.align)))
        lines.append(line(widths.map { String(repeating: "-", count: $0) }, aligns: columns.map { _ in .left }))
        for row in rows { lines.append(line(row, aligns: columns.map(\.align))) }
        return lines
    }

    /// Width of adjacent columns together, separators between them included.
    private func spanWidth(_ range: Range<Int>, _ widths: [Int]) -> Int {
        range.dropFirst().reduce(widths[range.lowerBound]) { $0 + columns[$1].separator.count + widths[$1] }
    }

    private func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
