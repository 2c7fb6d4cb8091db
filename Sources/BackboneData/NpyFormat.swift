import FileSupport
import Foundation

/// Reads NumPy `.npy` files (format versions 1, 2 and 3).
///
/// The header is a Python dict literal `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`
/// and is parsed as one (not matched by pattern). Supported `descr`: `f4`, `f8`, `i1/2/4/8`,
/// `u1/2/4/8`, `b1`, little- or big-endian. C order only: a Fortran-order file is an error
/// (save with `np.ascontiguousarray`). Errors are `InputError`s naming the file; they carry no
/// line (binary file) and say which header key or how many bytes were wrong.
public enum NpyFormat {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // "\x93NUMPY"

    public static func read(path: String) throws -> NpyArray {
        try parse(TextFile.readData(path), file: path)
    }

    public static func parse(_ data: Data, file: String) throws -> NpyArray {
        try data.withUnsafeBytes { try parse($0, file: file) }
    }

    static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws -> NpyArray {
        guard !bytes.isEmpty else { throw InputError(file: file, "the file is empty: expected a NumPy .npy array") }
        guard bytes.count >= 10, bytes.prefix(6).elementsEqual(magic) else {
            throw InputError(file: file, bytes.count < 10 && magic.starts(with: Array(bytes.prefix(6)))
                             ? "truncated .npy file: \(bytes.count) bytes, shorter than the header"
                             : "not a NumPy .npy file (the magic string \\x93NUMPY is missing)")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw InputError(file: file, "truncated .npy file: \(bytes.count) bytes, shorter than the header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw InputError(file: file, ".npy format version \(major).\(bytes[7]) is not supported (versions 1, 2, 3 are)")
        }
        let dataStart = headerStart + headerLength
        guard dataStart <= bytes.count else {
            throw InputError(file: file, "truncated .npy file: the header says \(headerLength) header bytes but only \(bytes.count - headerStart) follow")
        }
        let headerText = String(decoding: bytes[headerStart ..< dataStart], as: UTF8.self)
        let header = try Header(parsing: headerText, file: file)

        var count = 1
        for d in header.shape {
            let (p, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow else { throw InputError(file: file, "shape \(header.shapeText) is too large") }
            count = p
        }
        let (needed, tooLarge) = count.multipliedReportingOverflow(by: header.dtype.byteCount)
        guard !tooLarge else { throw InputError(file: file, "shape \(header.shapeText) is too large") }
        let available = bytes.count - dataStart
        guard available >= needed else {
            throw InputError(file: file, "truncated .npy file: shape \(header.shapeText) of \(header.descr) needs \(needed) data bytes, found \(available)")
        }
        guard available == needed else {
            throw InputError(file: file, "\(available - needed) unexpected bytes after the data of shape \(header.shapeText) (corrupt file?)")
        }
        let values = decode(UnsafeRawBufferPointer(rebasing: bytes[dataStart...]), count: count,
                            dtype: header.dtype, bigEndian: header.bigEndian)
        return NpyArray(shape: header.shape, dtype: header.dtype, values: values)
    }

    private static func decode(_ raw: UnsafeRawBufferPointer, count: Int, dtype: NpyDType, bigEndian: Bool) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { out, initialized in
            switch dtype {
            case .float64:
                for i in 0..<count {
                    var bits = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                    bits = bigEndian ? UInt64(bigEndian: bits) : UInt64(littleEndian: bits)
                    out[i] = Double(bitPattern: bits)
                }
            case .float32:
                for i in 0..<count {
                    var bits = raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
                    bits = bigEndian ? UInt32(bigEndian: bits) : UInt32(littleEndian: bits)
                    out[i] = Double(Float(bitPattern: bits))
                }
            case .bool:
                for i in 0..<count { out[i] = raw[i] != 0 ? 1 : 0 }
            case .integer(let n, let signed):
                for i in 0..<count {
                    var u: UInt64 = 0
                    for b in 0..<n {
                        let byte = UInt64(raw[i * n + (bigEndian ? n - 1 - b : b)])
                        u |= byte << (8 * UInt64(b))
                    }
                    if signed, n < 8, u & (1 << (8 * UInt64(n) - 1)) != 0 {
                        u |= ~0 << (8 * UInt64(n))  // sign-extend
                    }
                    out[i] = signed ? Double(Int64(bitPattern: u)) : Double(u)
                }
            }
            initialized = count
        }
    }

    /// The three keys of a `.npy` header.
    struct Header {
        var descr: String
        var dtype: NpyDType
        var bigEndian: Bool
        var shape: [Int]
        var shapeText: String { numpyShapeText(shape) }

        init(parsing text: String, file: String) throws {
            let literal: PythonLiteral
            do {
                literal = try PythonLiteral.parse(Substring(text))
            } catch let e as InputError {
                throw InputError(file: file, ".npy header is not a Python dict literal: \(e.message) (header character \(e.column ?? 0))")
            }
            guard case .dict(let entries) = literal.value else {
                throw InputError(file: file, ".npy header is \(literal.typeName), expected a dict with 'descr', 'fortran_order', 'shape'")
            }
            // NumPy keeps the last of repeated keys; a header that says two things is refused.
            var keys = Set<String>()
            for e in entries {
                guard case .string(let key) = e.key.value else { continue }
                guard keys.insert(key).inserted else {
                    throw InputError(file: file, ".npy header has the key '\(InputError.excerpt(key))' twice (header character \(e.key.column)): a corrupt or hand-edited file")
                }
            }
            func entry(_ key: String) throws -> PythonLiteral {
                guard let e = entries.first(where: { $0.key.value == .string(key) }) else {
                    throw InputError(file: file, ".npy header has no '\(key)' key")
                }
                return e.value
            }
            guard case .string(let descr) = try entry("descr").value else {
                throw InputError(file: file, ".npy header: 'descr' is not a string (structured arrays are not supported)")
            }
            guard case .bool(let fortran) = try entry("fortran_order").value else {
                throw InputError(file: file, ".npy header: 'fortran_order' is not True or False")
            }
            if fortran {
                throw InputError(file: file, "Fortran-order .npy arrays are not supported: save a C-order array (np.ascontiguousarray)")
            }
            let shapeValue = try entry("shape")
            guard case .tuple(let dims) = shapeValue.value else {
                throw InputError(file: file, ".npy header: 'shape' is \(shapeValue.typeName), expected a tuple of integers")
            }
            var shape: [Int] = []
            for d in dims {
                guard case .integer(let n) = d.value, n >= 0 else {
                    throw InputError(file: file, ".npy header: 'shape' holds \(d.typeName), expected non-negative integers")
                }
                shape.append(n)
            }
            self.descr = descr
            self.shape = shape
            (self.dtype, self.bigEndian) = try Self.dtype(descr, file: file)
        }

        static func dtype(_ descr: String, file: String) throws -> (NpyDType, Bool) {
            let chars = Array(descr)
            let unsupported = InputError(file: file, ".npy dtype '\(InputError.excerpt(descr))' is not supported: use float32 or float64 (<f4, <f8) for activations and an integer type for labels")
            guard chars.count >= 3, "<>|=".contains(chars[0]), let size = Int(String(chars[2...])) else { throw unsupported }
            let bigEndian = chars[0] == ">"
            switch (chars[1], size) {
            case ("f", 4): return (.float32, bigEndian)
            case ("f", 8): return (.float64, bigEndian)
            case ("i", 1), ("i", 2), ("i", 4), ("i", 8): return (.integer(byteCount: size, signed: true), bigEndian)
            case ("u", 1), ("u", 2), ("u", 4), ("u", 8): return (.integer(byteCount: size, signed: false), bigEndian)
            case ("b", 1): return (.bool, false)
            default: throw unsupported
            }
        }
    }
}

/// `(3, 4)`, `(12,)`, `()` as NumPy prints shapes.
func numpyShapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
