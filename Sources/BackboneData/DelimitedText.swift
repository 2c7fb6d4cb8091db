import Foundation

/// Lines and fields of a delimited text file, found in place in the file's bytes.
///
/// Line numbers are 1-based and count every line (blank ones too), so error positions match
/// what an editor shows. A UTF-8 byte-order mark and a `\r` before `\n` are ignored.
struct DelimitedText {
    enum Delimiter {
        /// Runs of spaces and tabs separate fields (the authors' plus/minus files).
        case whitespace
        /// A comma separates fields; spaces and tabs around a field are trimmed.
        case comma
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    private var position = 0
    /// Number of the line last returned by `nextLine` (1-based).
    private(set) var lineNumber = 0

    init(_ base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { position = 3 }
    }

    /// The next line that holds anything but spaces, tabs and `\r`, as a byte range without
    /// its line terminator; nil at the end of the file.
    mutating func nextNonBlankLine() -> Range<Int>? {
        while position < count {
            let start = position
            var end: Int
            if let p = memchr(base + start, 0x0A, count - start) {
                end = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                position = end + 1
            } else {
                end = count
                position = count
            }
            lineNumber += 1
            if end > start, base[end - 1] == 0x0D { end -= 1 }
            var i = start
            while i < end, base[i] == 0x20 || base[i] == 0x09 || base[i] == 0x0D { i += 1 }
            if i < end { return start ..< end }
        }
        return nil
    }

    /// The fields of a line (or of part of one, e.g. the words of one comma-separated field).
    func fields(of line: Range<Int>, _ delimiter: Delimiter) -> FieldSplitter {
        FieldSplitter(base: base, position: line.lowerBound, end: line.upperBound, delimiter: delimiter)
    }

    /// The text of a byte range (for error messages and headers), shortened when long.
    func text(_ range: Range<Int>, limit: Int = 40) -> String {
        let n = min(range.count, limit)
        let s = String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: n), as: UTF8.self)
        return range.count > limit ? s + "…" : s
    }
}

/// Iterates the fields of one line. For `.comma`, an empty field (`1,,2`) is returned as an
/// empty range so the caller can report it; for `.whitespace` there are no empty fields.
struct FieldSplitter {
    let base: UnsafePointer<UInt8>
    var position: Int
    let end: Int
    let delimiter: DelimitedText.Delimiter
    private var finished = false

    init(base: UnsafePointer<UInt8>, position: Int, end: Int, delimiter: DelimitedText.Delimiter) {
        self.base = base
        self.position = position
        self.end = end
        self.delimiter = delimiter
    }

    @inline(__always)
    private func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    /// Number of remaining fields (consumes a copy).
    var count: Int {
        var copy = self
        var n = 0
        while copy.next() != nil { n += 1 }
        return n
    }

    mutating func next() -> Range<Int>? {
        switch delimiter {
        case .whitespace:
            while position < end, isBlank(base[position]) { position += 1 }
            guard position < end else { return nil }
            let start = position
            while position < end, !isBlank(base[position]) { position += 1 }
            return start ..< position
        case .comma:
            guard !finished else { return nil }
            var start = position
            while position < end, base[position] != 0x2C { position += 1 }
            var stop = position
            if position < end { position += 1 } else { finished = true }
            while start < stop, isBlank(base[start]) { start += 1 }
            while stop > start, isBlank(base[stop - 1]) { stop -= 1 }
            return start ..< stop
        }
    }
}
