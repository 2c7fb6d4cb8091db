import FileSupport
import Foundation

/// Writes NumPy `.npy` arrays (format 1.0, little-endian, C order), readable by `np.load`.
/// Used to export activations and to build `.npy`/`.npz` test fixtures without Python.
public enum NpyWriter {
    /// The `.npy` bytes of `values` (C order) with the given shape and element type.
    /// Integer and boolean types need integral values (programming error otherwise).
    public static func data(_ values: [Double], shape: [Int], dtype: NpyDType = .float64) -> Data {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not hold \(values.count) values")
        var out = header(descr: dtype.descr, fortranOrder: false, shape: shape)
        out.reserveCapacity(out.count + values.count * dtype.byteCount)
        switch dtype {
        case .float64:
            for v in values { append(v.bitPattern, bytes: 8, to: &out) }
        case .float32:
            for v in values { append(UInt64(Float(v).bitPattern), bytes: 4, to: &out) }
        case .bool:
            for v in values { out.append(v != 0 ? 1 : 0) }
        case .integer(let n, _):
            for v in values {
                precondition(v.rounded() == v, "integer array holds non-integral \(v)")
                append(UInt64(bitPattern: Int64(v)), bytes: n, to: &out)
            }
        }
        return out
    }

    /// The `.npy` bytes of a 1-D int64 array (labels).
    public static func data(integers: [Int]) -> Data {
        data(integers.map(Double.init), shape: [integers.count], dtype: .integer(byteCount: 8, signed: true))
    }

    /// Magic, version 1.0, and the header dict padded with spaces and a newline so the data
    /// starts on a 64-byte boundary (as NumPy does).
    static func header(descr: String, fortranOrder: Bool, shape: [Int]) -> Data {
        var dict = "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(numpyShapeText(shape)), }"
        let unpadded = 10 + dict.utf8.count + 1
        dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var out = Data(NpyFormat.magic)
        out.append(contentsOf: [1, 0])
        let n = dict.utf8.count
        precondition(n < 65536, "npy header too long")
        out.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8)])
        out.append(contentsOf: Array(dict.utf8))
        return out
    }

    @inline(__always)
    private static func append(_ bits: UInt64, bytes: Int, to out: inout Data) {
        for b in 0..<bytes { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(b)))) }
    }

    /// Writes an array atomically.
    public static func write(_ values: [Double], shape: [Int], dtype: NpyDType = .float64, to path: String) throws {
        try TextFile.writeAtomically(data(values, shape: shape, dtype: dtype), to: path)
    }
}
