import CZlib
import FileSupport
import Foundation

/// zlib's raw deflate streams (no zlib/gzip wrapper), as zip members store them.
enum Inflate {
    /// Inflates `input` into exactly `expectedSize` bytes; a short or damaged stream is an
    /// `InputError` naming `file`.
    static func raw(_ input: UnsafeRawBufferPointer, expectedSize: Int, file: String) throws -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InputError(file: file, "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        // One spare byte: a stream that would inflate past `expectedSize` fills it and is caught.
        var output = Data(count: expectedSize + 1)
        let status: Int32 = output.withUnsafeMutableBytes { out in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(out.count)
            return inflate(&stream, Z_FINISH)
        }
        let produced = Int(stream.total_out)
        if produced > expectedSize {
            throw InputError(file: file, "corrupt zip member: inflates to more than the \(expectedSize) bytes the directory says")
        }
        switch status {
        case Z_STREAM_END where produced == expectedSize:
            output.count = expectedSize
            return output
        case Z_STREAM_END:
            throw InputError(file: file, "corrupt zip member: inflated to \(produced) bytes, the directory says \(expectedSize)")
        case Z_BUF_ERROR:
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
