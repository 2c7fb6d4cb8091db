import FileSupport
import Foundation

/// Reads the rows of a 2-D `.npy` file a block at a time (`pread`), for files larger than
/// memory: the header is parsed as `NpyFormat` does, the size is checked against the file,
/// and each block is decoded into doubles. Float32 and float64 only (what activations are).
public final class NpyRowReader {
    public let path: String
    public let rowCount: Int
    public let columnCount: Int
    private let fd: Int32
    private let dataStart: Int
    private let byteCount: Int
    private let bigEndian: Bool

    public init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(file: path, "cannot open: \(String(cString: strerror(errno)))") }
        InputFiles.note(path)
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw InputError(file: path, "not a regular file")
        }
        let fileSize = Int(info.st_size)
        var preamble = [UInt8](repeating: 0, count: 12)
        let got = pread(fd, &preamble, 12, 0)
        let fd = self.fd
        func fail(_ message: String) -> InputError { close(fd); return InputError(file: path, message) }
        guard got >= 10, preamble.prefix(6).elementsEqual(NpyFormat.magic) else { throw fail("not a NumPy .npy file (the magic string \\x93NUMPY is missing)") }
        let (length, start) = preamble[6] == 1 ? (Int(preamble[8]) | Int(preamble[9]) << 8, 10)
            : (Int(preamble[8]) | Int(preamble[9]) << 8 | Int(preamble[10]) << 16 | Int(preamble[11]) << 24, 12)
        guard [1, 2, 3].contains(preamble[6]), length <= 1 << 20, start + length <= fileSize else { throw fail("truncated or unsupported .npy header") }
        var headerBytes = [UInt8](repeating: 0, count: length)
        guard pread(fd, &headerBytes, length, off_t(start)) == length else { throw fail("cannot read the .npy header") }
        let header: NpyFormat.Header
        do { header = try NpyFormat.Header(parsing: String(decoding: headerBytes, as: UTF8.self), file: path) } catch { close(fd); throw error }
        guard header.shape.count == 2 else { throw fail("activations must be a 2-D array (rows × neurons), got shape \(header.shapeText)") }
        switch header.dtype {
        case .float32: byteCount = 4
        case .float64: byteCount = 8
        default: throw fail("streamed activations must be float32 or float64, got \(header.descr)")
        }
        (rowCount, columnCount, dataStart, bigEndian) = (header.shape[0], header.shape[1], start + length, header.bigEndian)
        let (cells, o1) = rowCount.multipliedReportingOverflow(by: columnCount)
        let (needed, o2) = cells.multipliedReportingOverflow(by: byteCount)
        guard !o1, !o2, dataStart + needed == fileSize else {
            throw fail("shape \(header.shapeText) of \(header.descr) needs \(needed) data bytes, the file has \(fileSize - dataStart)")
        }
    }

    deinit { close(fd) }

    /// Rows `range` as doubles, row after row; a non-finite value is an error naming its row and column.
    public func rows(_ range: Range<Int>) throws -> [Double] {
        let count = range.count * columnCount
        var raw = [UInt8](repeating: 0, count: count * byteCount)
        var done = 0
        let total = raw.count, offset = dataStart + range.lowerBound * columnCount * byteCount
        while done < total {
            let n = raw.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, total - done, off_t(offset + done)) }
            guard n > 0 else { throw InputError(file: path, "cannot read rows \(range.lowerBound)…: \(n < 0 ? String(cString: strerror(errno)) : "the file ended early")") }
            done += n
        }
        var values = [Double](repeating: 0, count: count)
        raw.withUnsafeBytes { bytes in
            for i in 0..<count {
                if byteCount == 4 {
                    let bits = bytes.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                    values[i] = Double(Float(bitPattern: bigEndian ? bits.byteSwapped : bits.littleEndian))
                } else {
                    let bits = bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)
                    values[i] = Double(bitPattern: bigEndian ? bits.byteSwapped : bits.littleEndian)
                }
            }
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw InputError(file: path, "row \(range.lowerBound + bad / columnCount), column \(bad % columnCount): the value \(values[bad]) is not finite")
        }
        return values
    }
}
