import CZlib
import FileSupport
import Foundation

/// zlib's raw deflate streams (no zlib/gzip wrapper), as zip members store them.
enum Inflate {
    /// Inflates `input` into exactly `expectedSize` bytes; a short or damaged stream is an
    /// `InputError` naming `file`. The caller bounds `expectedSize` (`ZipArchive` by the
    /// member's compressed size): it is allocated up front. zlib counts in 32 bits, so input
    /// and output are handed over in pieces of at most 1 GiB.
    static func raw(_ input: UnsafeRawBufferPointer, expectedSize: Int, file: String) throws -> Data {
        guard expectedSize >= 0, expectedSize < Int.max else {
            throw InputError(file: file, "corrupt zip member: size \(expectedSize)")
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InputError(file: file, "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        let piece = 1 << 30
        // One spare byte: a stream that would inflate past `expectedSize` fills it and is caught.
        var output = Data(count: expectedSize + 1)
        var consumed = 0, produced = 0
        var status: Int32 = Z_OK
        output.withUnsafeMutableBytes { out in
            let inBase = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
            let outBase = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
            while true {
                let inCount = min(piece, input.count - consumed), outCount = min(piece, out.count - produced)
                stream.next_in = UnsafeMutablePointer(mutating: inBase.map { $0 + consumed })
                stream.avail_in = uInt(inCount)
                stream.next_out = outBase.map { $0 + produced }
                stream.avail_out = uInt(outCount)
                let last = consumed + inCount == input.count
                status = inflate(&stream, last ? Z_FINISH : Z_NO_FLUSH)
                consumed += inCount - Int(stream.avail_in)
                produced += outCount - Int(stream.avail_out)
                // Go on while zlib made progress, wants more, and there is room and input left.
                let progressed = Int(stream.avail_in) < inCount || Int(stream.avail_out) < outCount
                guard status == Z_OK || status == Z_BUF_ERROR, progressed, produced < out.count else { break }
                if status == Z_BUF_ERROR && consumed == input.count { break }
            }
        }
        if produced > expectedSize {
            throw InputError(file: file, "corrupt zip member: inflates to more than the \(expectedSize) bytes the directory says")
        }
        switch status {
        case Z_STREAM_END where produced == expectedSize:
            output.count = expectedSize
            return output
        case Z_STREAM_END:
            throw InputError(file: file, "corrupt zip member: inflated to \(produced) bytes, the directory says \(expectedSize)")
        case Z_OK, Z_BUF_ERROR:
            throw InputError(file: file, "truncated deflate data: inflated \(produced) of \(expectedSize) bytes before the input ended")
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "code \(status)"
            throw InputError(file: file, "corrupt deflate data: \(reason)")
        }
    }

    /// Raw-deflates `input` (used by `NpzWriter` for compressed archives).
    static func deflateRaw(_ input: Data, level: Int32 = Z_DEFAULT_COMPRESSION) -> Data {
        var stream = z_stream()
        let ok = deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                               zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(ok == Z_OK, "zlib deflateInit2 failed with \(ok)")
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = Data(count: bound)
        let status: Int32 = input.withUnsafeBytes { inp in
            output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(inp.count)
                stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "zlib deflate did not finish (\(status))")
        output.count = Int(stream.total_out)
        return output
    }
}
