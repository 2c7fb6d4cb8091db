/// The hidden layers of a network as contiguous ranges of item (neuron) ids.
///
/// Neurons are numbered `0..<n` in layer order; layer `l` holds
/// `offsets[l] ..< offsets[l] + widths[l]`. The first neuron of layer 2 is `widths[0]`
/// (the authors' `find_layer` is off by one exactly here).
public struct LayerLayout: Sendable, Equatable, Hashable {
    public let widths: [Int]
    /// `offsets[l]` is the id of the first neuron of layer `l`; `offsets.last` is `neuronCount`.
    public let offsets: [Int]
    private let layerOfItem: [Int]

    public init(widths: [Int]) throws {
        guard !widths.isEmpty else { throw LayerLayoutError.empty }
        for (l, w) in widths.enumerated() where w <= 0 {
            throw LayerLayoutError.nonPositiveWidth(layer: l + 1, width: w)
        }
        self.widths = widths
        var offsets = [0]
        for w in widths { offsets.append(offsets.last! + w) }
        self.offsets = offsets
        var layerOf: [Int] = []
        layerOf.reserveCapacity(offsets.last!)
        for (l, w) in widths.enumerated() { layerOf.append(contentsOf: repeatElement(l, count: w)) }
        self.layerOfItem = layerOf
    }

    /// A single layer holding all `n` items (no layer structure).
    public static func single(_ n: Int) -> LayerLayout { try! LayerLayout(widths: [max(1, n)]) }

    public var layerCount: Int { widths.count }
    public var neuronCount: Int { offsets[offsets.count - 1] }

    /// The layer (0-based) of neuron `item`.
    public func layer(of item: Int) -> Int { layerOfItem[item] }
    public var layerIndex: [Int] { layerOfItem }

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
            let l = layerOfItem[i]
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

    public var description: String {
        switch self {
        case .empty: return "layer widths are empty: give at least one width, e.g. 64,32,16"
        case let .nonPositiveWidth(l, w): return "layer \(l) has width \(w): widths must be positive"
        case let .widthSumMismatch(sum, cols, widths):
            return "layer widths \(widths.map(String.init).joined(separator: ",")) sum to \(sum) but the activation matrix has \(cols) columns"
        case let .unparsable(t): return "cannot read layer widths '\(t)': expected comma-separated positive integers, e.g. 64,32,16"
        }
    }
}

private func trimmed(_ s: Substring) -> Substring {
    var s = s
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return s
}
