/// The settings of a run that an `InputError` can be about: which file or option the user
/// should change. Front ends map them to their own names (the CLI: `.labels` is `--labels`).
public enum InputSubject: String, CaseIterable, Sendable {
    /// The layer widths of the activation columns.
    case layers
    /// A separate labels file for .npy/.npz activations.
    case labels
    /// The authors' minus file (misclassified rows) beside the plus file.
    case minus
    /// A separate predicted-labels file.
    case predictions
    /// The CSV column holding the true labels.
    case labelColumn
    /// The CSV column holding the predicted labels.
    case predictionColumn
    /// The activation file's format.
    case format
    /// The binarization rule's parameters.
    case k, threshold, quantile
}
