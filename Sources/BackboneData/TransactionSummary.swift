import Mining

/// Counts that describe a transaction database against its layer layout: what
/// `backbones transactions` prints after binarizing.
public struct TransactionSummary: Sendable, Equatable {
    public let transactionCount: Int
    public let neuronCount: Int
    /// Mean number of items per transaction in each layer.
    public let meanItemsPerLayer: [Double]
    /// Mean items per transaction (all layers).
    public let meanItems: Double
    /// Items present / (transactions × neurons); 0 for an empty database.
    public let density: Double

    public init(_ database: TransactionDatabase, layout: LayerLayout) {
        var perLayer = [Int](repeating: 0, count: layout.layerCount)
        var total = 0
        for t in 0..<database.count {
            for item in database.items(ofTransaction: t) {
                perLayer[layout.layer(of: item)] += 1
                total += 1
            }
        }
        let n = database.count
        transactionCount = n
        neuronCount = layout.neuronCount
        meanItemsPerLayer = perLayer.map { n == 0 ? 0 : Double($0) / Double(n) }
        meanItems = n == 0 ? 0 : Double(total) / Double(n)
        density = n == 0 || layout.neuronCount == 0 ? 0 : Double(total) / (Double(n) * Double(layout.neuronCount))
    }
}
