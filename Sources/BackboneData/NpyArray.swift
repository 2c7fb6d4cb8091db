import FileSupport

/// Element types of `.npy` arrays this package reads and writes.
public enum NpyDType: Sendable, Equatable {
    case float32
    case float64
    case integer(byteCount: Int, signed: Bool)
    case bool

    public var byteCount: Int {
        switch self {
        case .float32: return 4
        case .float64: return 8
        case .integer(let n, _): return n
        case .bool: return 1
        }
    }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

    /// The little-endian `descr` string NumPy writes for this type (`<f8`, `<i8`, `|b1`, …).
    public var descr: String {
        switch self {
        case .float32: return "<f4"
        case .float64: return "<f8"
        case .integer(let n, let signed): return (n == 1 ? "|" : "<") + (signed ? "i" : "u") + String(n)
        case .bool: return "|b1"
        }
    }
}

/// A NumPy array read from a `.npy` file, in C (row-major) order, with its values widened to
/// `Double` (exact for float32, float64 and integers below 2^53).
public struct NpyArray: Sendable, Equatable {
    public var shape: [Int]
    /// The element type stored in the file.
    public var dtype: NpyDType
    public var values: [Double]

    public init(shape: [Int], dtype: NpyDType, values: [Double]) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not hold \(values.count) values")
        self.shape = shape
        self.dtype = dtype
        self.values = values
    }

    /// Number of elements.
    public var count: Int { values.count }

    /// `(3, 4)` as NumPy prints shapes.
    public var shapeText: String { numpyShapeText(shape) }

    /// The elements as integers (labels): each must be integral.
    /// `file` names the source in the error, which gives the 1-based element number.
    public func integers(file: String?) throws -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(values.count)
        for (i, v) in values.enumerated() {
            guard let n = exactInteger(v) else {
                throw InputError(file: file, "element \(i + 1) is \(v), not an integer (labels must be integers)")
            }
            result.append(n)
        }
        return result
    }

    /// Throws unless every element is finite; names the element by its (1-based) row and
    /// column for 2-D arrays.
    public func checkFinite(file: String?) throws {
        guard dtype.isFloatingPoint else { return }
        for (i, v) in values.enumerated() where !v.isFinite {
            let kind = v.isNaN ? "NaN" : "infinite"
            if shape.count == 2 {
                throw InputError(file: file, "row \(i / shape[1] + 1), column \(i % shape[1] + 1) is \(kind): values must be finite")
            }
            throw InputError(file: file, "element \(i + 1) is \(kind): values must be finite")
        }
    }
}
