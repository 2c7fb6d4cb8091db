/// The authors' explanation file (`modelExplanation.py`'s `save_output`): three lines, each a
/// Python dict literal written by `str(dict)`:
///
/// 1. correct-group backbones `{class: [(neuron, weight), …]}`;
/// 2. misclassified-group backbones, same shape (minus the class's correct neurons);
/// 3. confusion backbones `{predicted: {true: [(neuron, weight), …]}}` — keyed by the
///    *predicted* class first, then the true class (`make_model_confusion_explanation`);
///    `{}` when there are none (Bird).
///
/// Weights lie in (0, 1]: the support level where the neuron joined / `maxMinsup`.
/// Entry order is kept so writing a parsed file gives the same text.
public struct Explanation: Sendable, Equatable {
    /// A class key as written: the authors' keys are strings (`'0'`, `'Jacques_Chirac'`);
    /// integer keys are accepted too.
    public enum Key: Sendable, Hashable, CustomStringConvertible {
        case string(String)
        case integer(Int)

        public var description: String {
            switch self {
            case .string(let s): return s
            case .integer(let i): return String(i)
            }
        }
    }

    public struct WeightedNeuron: Sendable, Equatable {
        public var neuron: Int
        public var weight: Double
        public init(neuron: Int, weight: Double) {
            self.neuron = neuron
            self.weight = weight
        }
    }

    /// One backbone: a class (or true class, inside a confusion entry) and its neurons.
    public struct Backbone: Sendable, Equatable {
        public var key: Key
        public var neurons: [WeightedNeuron]
        public init(key: Key, neurons: [WeightedNeuron]) {
            self.key = key
            self.neurons = neurons
        }
    }

    /// The confusion backbones of one predicted class, one per true class it was confused with.
    public struct Confusion: Sendable, Equatable {
        public var predicted: Key
        public var byTrueClass: [Backbone]
        public init(predicted: Key, byTrueClass: [Backbone]) {
            self.predicted = predicted
            self.byTrueClass = byTrueClass
        }
    }

    public var correct: [Backbone]
    public var misclassified: [Backbone]
    public var confusion: [Confusion]

    public init(correct: [Backbone], misclassified: [Backbone], confusion: [Confusion]) {
        self.correct = correct
        self.misclassified = misclassified
        self.confusion = confusion
    }

    /// The backbone of the confusion "true class → predicted class", if present.
    public func confusionBackbone(trueClass: Key, predicted: Key) -> Backbone? {
        confusion.first { $0.predicted == predicted }?.byTrueClass.first { $0.key == trueClass }
    }
}
