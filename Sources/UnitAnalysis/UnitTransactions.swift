import BackboneData
import FileSupport
import Mining

/// Relevance transactions: per instance (or per patch of one), the units it relies on most,
/// and its class as a typed item of its own (never mixed with the unit ids).
public struct UnitTransactions: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The instance the row came from (the file's row number, 0-based, or its instance id).
        public var instance: Int
        /// The class item: the instance's true label.
        public var label: Int
        /// Unit ids, ascending.
        public var units: [Int]

        public init(instance: Int, label: Int, units: [Int]) {
            self.instance = instance
            self.label = label
            self.units = units
        }
    }

    public let layout: LayerLayout
    public let rows: [Row]
    /// The distinct labels, ascending.
    public let classes: [Int]

    public init(layout: LayerLayout, rows: [Row]) {
        precondition(rows.allSatisfy { $0.units.allSatisfy { $0 >= 0 && $0 < layout.neuronCount } }, "unit id out of range")
        self.layout = layout
        self.rows = rows
        self.classes = Array(Set(rows.map(\.label))).sorted()
    }

    public var unitCount: Int { layout.neuronCount }

    /// The units of every row (class items left out), in row order.
    public var database: TransactionDatabase {
        var db = TransactionDatabase(itemCount: unitCount)
        for row in rows { db.append(row.units) }
        return db
    }

    /// Indices of the rows of class `label`.
    public func rows(ofClass label: Int) -> [Int] { rows.indices.filter { rows[$0].label == label } }
}

/// Which units make a transaction: the `k` with the highest positive score (relevance), over
/// the whole network, in every layer, by the authors' per-layer shares, or in one layer. Ties go
/// to the lower unit id. A unit whose score is not positive never enters (it does not push the
/// prediction up), so a transaction can hold fewer than `k` units.
public struct TopUnits: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// The k best units of the whole network.
        case network
        /// The k best units of every layer.
        case eachLayer
        /// `floor(k · w_l / n)` in layer `l` (the authors' binarization counts).
        case reference
        /// The k best units of one layer (0-based).
        case layer(Int)
    }

    public var k: Int
    public var scope: Scope

    public init(k: Int, scope: Scope) {
        self.k = k
        self.scope = scope
    }

    /// `network`, `layer`, `reference`, or a layer number (1-based); nil for anything else.
    public init?(k: Int, scopeText: String) {
        switch scopeText {
        case "network": scope = .network
        case "layer": scope = .eachLayer
        case "reference": scope = .reference
        default:
            guard let l = Int(scopeText), l >= 1 else { return nil }
            scope = .layer(l - 1)
        }
        self.k = k
    }

    /// The scope as `init?(k:scopeText:)` reads it.
    public var scopeText: String {
        switch scope {
        case .network: return "network"
        case .eachLayer: return "layer"
        case .reference: return "reference"
        case let .layer(l): return String(l + 1)
        }
    }

    /// Per layer, how many units a transaction takes at most (nil: k over the whole network);
    /// an `InputError` about `k` when a layer (or the network) has fewer than k units.
    public func counts(for layout: LayerLayout) throws -> [Int]? {
        guard k >= 1 else { throw InputError(subject: .k, "k must be at least 1, got \(k)") }
        let widths = layout.widths.map(String.init).joined(separator: ",")
        switch scope {
        case .network:
            guard k <= layout.neuronCount else {
                throw InputError(subject: .k, "k = \(k) is larger than the \(layout.neuronCount) units of the network (layers \(widths))")
            }
            return nil
        case .eachLayer:
            if let l = layout.widths.firstIndex(where: { $0 < k }) {
                throw InputError(subject: .k, "k = \(k) is larger than layer \(l + 1) (\(layout.widths[l]) units; layers \(widths))")
            }
            return layout.widths.map { _ in k }
        case .reference:
            guard k <= layout.neuronCount else {
                throw InputError(subject: .k, "k = \(k) is larger than the \(layout.neuronCount) units of the network (layers \(widths))")
            }
            return Binarizer.referenceCounts(k: k, widths: layout.widths)
        case let .layer(l):
            guard l < layout.layerCount else {
                throw InputError("the scope is layer \(l + 1), but the network has \(layout.layerCount) hidden layers (\(widths))")
            }
            guard k <= layout.widths[l] else {
                throw InputError(subject: .k, "k = \(k) is larger than layer \(l + 1) (\(layout.widths[l]) units; layers \(widths))")
            }
            return layout.widths.indices.map { $0 == l ? k : 0 }
        }
    }

    /// The chosen units of one row of scores (one per unit), ascending; `counts` from `counts(for:)`.
    public func select<C: RandomAccessCollection>(_ scores: C, layout: LayerLayout, counts: [Int]?) -> [Int] where C.Element == Double, C.Index == Int {
        let base = scores.startIndex
        func best(_ range: Range<Int>, _ n: Int) -> [Int] {
            guard n > 0 else { return [] }
            let candidates = range.filter { scores[base + $0] > 0 }
            let ranked = candidates.sorted { scores[base + $0] != scores[base + $1] ? scores[base + $0] > scores[base + $1] : $0 < $1 }
            return Array(ranked.prefix(n))
        }
        guard let counts else { return best(0 ..< layout.neuronCount, k).sorted() }
        return layout.widths.indices.flatMap { best(layout.range(ofLayer: $0), counts[$0]) }.sorted()
    }

    /// Transactions from per-row scores (`scores[r]` one per unit).
    public func transactions(scores: [[Double]], labels: [Int], instances: [Int], layout: LayerLayout) throws -> UnitTransactions {
        let counts = try counts(for: layout)
        let rows = scores.indices.map { r in
            UnitTransactions.Row(instance: instances[r], label: labels[r], units: select(scores[r], layout: layout, counts: counts))
        }
        return UnitTransactions(layout: layout, rows: rows)
    }
}
