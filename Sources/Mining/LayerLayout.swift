/// The hidden layers of a network as contiguous ranges of item (neuron) ids.
///
/// Neurons are numbered `0..<n` in layer order; layer `l` holds
/// `offsets[l] ..< offsets[l] + widths[l]`. The first neuron of layer 2 is `widths[0]`
/// (the authors' `find_layer` is off by one exactly here).
public struct LayerLayout: Sendable, Equatable, Hashable {
    public let widths: [Int]
    /// `offsets[l]` is the id of the first neuron of layer `l`; `offsets.last` is `neuronCount`.
    public let offsets: [Int]
    /// The layer of every neuron, for layouts of at most `tableLimit` neurons; larger ones (which
    /// no real network has, but a typo such as `4,3,2000000000` asks for) find the layer by
    /// binary search over `offsets`, so a layout costs memory only in its layer count until it
    /// is checked against the data.
    private let layerOfItem: [Int]?

    /// Neuron counts up to which `layer(of:)` reads a table (8 bytes per neuron).
    public static let tableLimit = 1 << 22

    public init(widths: [Int]) throws {
        try self.init(widths: widths, tableLimit: Self.tableLimit)
    }

    /// `tableLimit` lets tests reach the binary-search path with small layouts.
    init(widths: [Int], tableLimit: Int) throws {
        guard !widths.isEmpty else { throw LayerLayoutError.empty }
        for (l, w) in widths.enumerated() where w <= 0 {
            throw LayerLayoutError.nonPositiveWidth(layer: l + 1, width: w)
        }
        self.widths = widths
        var offsets = [0]
        offsets.reserveCapacity(widths.count + 1)
        for w in widths {
            let (sum, overflow) = offsets.last!.addingReportingOverflow(w)
            guard !overflow else { throw LayerLayoutError.tooLarge(widths: widths) }
            offsets.append(sum)
        }
        self.offsets = offsets
        if offsets.last! <= tableLimit {
            var layerOf: [Int] = []
            layerOf.reserveCapacity(offsets.last!)
            for (l, w) in widths.enumerated() { layerOf.append(contentsOf: repeatElement(l, count: w)) }
            self.layerOfItem = layerOf
        } else {
            self.layerOfItem = nil
        }
    }

    /// Layouts are equal when their widths are (the rest follows from them).
    public static func == (a: LayerLayout, b: LayerLayout) -> Bool { a.widths == b.widths }
    public func hash(into hasher: inout Hasher) { hasher.combine(widths) }

    /// A single layer holding all `n` items (no layer structure).
    public static func single(_ n: Int) -> LayerLayout { try! LayerLayout(widths: [max(1, n)]) }

    public var layerCount: Int { widths.count }
    public var neuronCount: Int { offsets[offsets.count - 1] }

    /// The layer (0-based) of neuron `item` (`0 ..< neuronCount`).
    @inline(__always)
    public func layer(of item: Int) -> Int {
        if let layerOfItem { return layerOfItem[item] }
        precondition(item >= 0 && item < neuronCount, "neuron \(item) outside 0..<\(neuronCount)")
        var low = 0, high = widths.count - 1  // the last l with offsets[l] <= item
        while low < high {
            let mid = (low + high + 1) / 2
            if offsets[mid] <= item { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The layer of every neuron, in neuron order.
    public var layerIndex: [Int] { layerOfItem ?? (0..<neuronCount).map(layer(of:)) }

    /// The neuron ids of layer `l`.
    public func range(ofLayer l: Int) -> Range<Int> { offsets[l] ..< offsets[l + 1] }

    /// Checks that the widths add up to a matrix's column count.
    public func check(columnCount: Int) throws {
        guard neuronCount == columnCount else {
            throw LayerLayoutError.widthSumMismatch(sum: neuronCount, columns: columnCount, widths: widths)
        }
    }

    /// Whether `items` has at least one item in every layer (the authors' "complete graph").
    public func isLayerComplete<S: Sequence>(_ items: S) -> Bool where S.Element == Int {
        var seen = [Bool](repeating: false, count: widths.count)
        var missing = widths.count
        for i in items {
            let l = layer(of: i)
            if !seen[l] { seen[l] = true; missing -= 1; if missing == 0 { return true } }
        }
        return missing == 0
    }

    /// Parses "64,32,16".
    public init(parsing text: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var widths: [Int] = []
        for p in parts {
            guard let w = Int(trimmed(p)) else {
                throw LayerLayoutError.unparsable(text)
            }
            widths.append(w)
        }
        try self.init(widths: widths)
    }
}

public enum LayerLayoutError: Error, Equatable, CustomStringConvertible {
    case empty
    case nonPositiveWidth(layer: Int, width: Int)
    case widthSumMismatch(sum: Int, columns: Int, widths: [Int])
    case unparsable(String)
    /// The widths add up to more than `Int.max`.
    case tooLarge(widths: [Int])

    public var description: String {
        switch self {
        case .empty: return "layer widths are empty: give at least one width, e.g. 64,32,16"
        case let .nonPositiveWidth(l, w): return "layer \(l) has width \(w): widths must be positive"
        case let .widthSumMismatch(sum, cols, widths):
            return "layer widths \(widths.map(String.init).joined(separator: ",")) sum to \(sum) but the activation matrix has \(cols) columns"
        case let .unparsable(t): return "cannot read layer widths '\(t.count > 80 ? t.prefix(80) + "…" : t)': expected comma-separated positive integers, e.g. 64,32,16"
        case let .tooLarge(widths): return "layer widths \(widths.map(String.init).joined(separator: ",")) add up to more than \(Int.max): no network has that many neurons"
        }
    }
}

private func trimmed(_ s: Substring) -> Substring {
    var s = s
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return s
}
