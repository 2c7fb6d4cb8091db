import BackboneData
import Foundation

extension UnitNetwork {
    /// One forward pass: every hidden unit's output, the logits, the softmax and the prediction.
    public struct Pass: Sendable, Equatable {
        public var start: Start
        /// Every hidden unit's output, in unit order (NaN for the layers before `start`).
        public var hidden: [Double]
        public var logits: [Double]
        public var probabilities: [Double]
        /// The output index of the highest logit (the lowest index on ties).
        public var predicted: Int
    }

    /// The forward pass of one instance from `start` (`values` has `width(at: start)` entries);
    /// the units flagged in `ablated` (one flag per hidden unit) output 0.
    public func evaluate<C: Collection>(_ values: C, from start: Start = .inputs, ablated: [Bool]? = nil) -> Pass where C.Element == Double {
        precondition(values.count == width(at: start), "\(values.count) values for a pass that starts with \(width(at: start))")
        var scratch = Scratch(self)
        let input = Array(values)
        input.withUnsafeBufferPointer { forward($0, from: start, ablated: ablated, into: &scratch) }
        if case let .hiddenLayer(l) = start {
            for u in 0 ..< layout.offsets[l] { scratch.hidden[u] = .nan }
        }
        let probabilities = Self.softmax(scratch.logits)
        return Pass(start: start, hidden: scratch.hidden, logits: scratch.logits, probabilities: probabilities,
                    predicted: Self.argmax(scratch.logits))
    }

    /// `∂z_output / ∂h_u` for every hidden unit `u` of the pass (NaN before its start): the
    /// analytic backward pass through the activations' derivatives; an ablated unit passes no
    /// gradient back (its output is the constant 0).
    public func gradient(_ pass: Pass, output: Int, ablated: [Bool]? = nil) -> [Double] {
        var g = [Double](repeating: .nan, count: unitCount)
        let last = layout.layerCount - 1
        let outLayer = network.layers[last + 1]
        let sign = binaryOutput ? (output == 1 ? 0.5 : -0.5) : 1
        let column = binaryOutput ? 0 : output
        for (i, u) in layout.range(ofLayer: last).enumerated() { g[u] = sign * outLayer[i, column] }
        let first: Int
        switch pass.start {
        case .inputs: first = 0
        case let .hiddenLayer(l): first = l
        }
        var l = last
        while l > first {
            let layer = network.layers[l]  // hidden layer l-1 → hidden layer l
            let here = layout.range(ofLayer: l), below = layout.range(ofLayer: l - 1)
            var delta = [Double](repeating: 0, count: here.count)
            for (k, u) in here.enumerated() where ablated?[u] != true {
                delta[k] = g[u] * activation.derivative(output: pass.hidden[u])
            }
            for (i, u) in below.enumerated() {
                var sum = 0.0
                for k in 0 ..< here.count { sum += layer[i, k] * delta[k] }
                g[u] = sum
            }
            l -= 1
        }
        if let ablated { for u in 0 ..< unitCount where ablated[u] && !g[u].isNaN { g[u] = 0 } }
        return g
    }

    /// Gradient × activation of every hidden unit for `output`'s logit (the dense analogue of
    /// Grad-CAM): `h_u · ∂z_output/∂h_u`.
    public func relevance(_ pass: Pass, output: Int, ablated: [Bool]? = nil) -> [Double] {
        let g = gradient(pass, output: output, ablated: ablated)
        return (0 ..< unitCount).map { pass.hidden[$0] * g[$0] }
    }

    // MARK: The forward loop

    /// Buffers a forward pass writes (one per thread of work; reused between passes).
    struct Scratch {
        var hidden: [Double]
        var logits: [Double]
        var outputs: [Double]
        init(_ net: UnitNetwork) {
            hidden = [Double](repeating: 0, count: net.unitCount)
            logits = [Double](repeating: 0, count: net.classCount)
            outputs = [Double](repeating: 0, count: net.network.layers.last!.outputCount)
        }
    }

    /// Fills `scratch.hidden` (from the start layer on) and `scratch.logits`.
    func forward(_ values: UnsafeBufferPointer<Double>, from start: Start, ablated: [Bool]?, into scratch: inout Scratch) {
        let hiddenCount = layout.layerCount
        var firstWeight = 0
        if case let .hiddenLayer(l) = start {
            let offset = layout.offsets[l]
            for i in 0 ..< values.count {
                scratch.hidden[offset + i] = ablated?[offset + i] == true ? 0 : values[i]
            }
            firstWeight = l + 1
        }
        scratch.hidden.withUnsafeMutableBufferPointer { hidden in
            for m in firstWeight ..< hiddenCount {
                let range = layout.range(ofLayer: m)
                let out = hidden.baseAddress! + range.lowerBound
                if m == 0 {
                    Self.affine(network.layers[0], input: values.baseAddress!, output: out)
                } else {
                    Self.affine(network.layers[m], input: hidden.baseAddress! + layout.offsets[m - 1], output: out)
                }
                for u in range {
                    hidden[u] = ablated?[u] == true ? 0 : activation.apply(hidden[u])
                }
            }
            scratch.outputs.withUnsafeMutableBufferPointer { outputs in
                Self.affine(network.layers[hiddenCount], input: hidden.baseAddress! + layout.offsets[hiddenCount - 1],
                            output: outputs.baseAddress!)
            }
        }
        if binaryOutput {
            scratch.logits[0] = -scratch.outputs[0] / 2
            scratch.logits[1] = scratch.outputs[0] / 2
        } else {
            for j in 0 ..< scratch.logits.count { scratch.logits[j] = scratch.outputs[j] }
        }
    }

    /// `output = bias + input · W` (a zero input row is skipped: relu layers are sparse).
    @inline(__always)
    static func affine(_ layer: DenseNetwork.Layer, input: UnsafePointer<Double>, output: UnsafeMutablePointer<Double>) {
        let n = layer.outputCount
        if let bias = layer.bias { for j in 0 ..< n { output[j] = bias[j] } } else { output.update(repeating: 0, count: n) }
        layer.weights.withUnsafeBufferPointer { w in
            for i in 0 ..< layer.inputCount {
                let x = input[i]
                if x == 0 { continue }
                let row = w.baseAddress! + i * n
                for j in 0 ..< n { output[j] += x * row[j] }
            }
        }
    }

    static func softmax(_ z: [Double]) -> [Double] {
        let top = z.max() ?? 0
        let e = z.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    /// The probability softmax gives output `j`.
    static func probability(_ z: [Double], _ j: Int) -> Double {
        let top = z.max() ?? 0
        var sum = 0.0
        for x in z { sum += exp(x - top) }
        return exp(z[j] - top) / sum
    }

    static func argmax(_ z: [Double]) -> Int {
        var best = 0
        for j in 1 ..< z.count where z[j] > z[best] { best = j }
        return best
    }
}
