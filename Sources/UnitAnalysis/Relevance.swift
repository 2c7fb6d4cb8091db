extension NetworkRows {
    /// Gradient × activation of every hidden unit for the class the network predicts, per row,
    /// and the predicted output index of each row.
    public func relevances(_ network: UnitNetwork) -> (scores: [[Double]], predicted: [Int]) {
        var scores: [[Double]] = []
        var predicted: [Int] = []
        scores.reserveCapacity(rowCount)
        for r in 0 ..< rowCount {
            let pass = network.evaluate(row(r), from: start)
            scores.append(network.relevance(pass, output: pass.predicted))
            predicted.append(pass.predicted)
        }
        return (scores, predicted)
    }
}
