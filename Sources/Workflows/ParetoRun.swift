import BackboneCore
import BackboneData

/// `backbones pareto` as one call: the pipeline on loaded activations with a checkpoint in the
/// output folder (`FrontCheckpoint`), so that a run stopped by a signal or a time budget can be
/// resumed where it stopped and ends with the same report as a run never stopped.
public enum ParetoRun {
    /// - Parameter resume: take the fronts the folder's checkpoint already has (same settings).
    public static func run(_ pipeline: ParetoPipeline, on loaded: LoadedActivations, exact: Bool,
                           output: String, resume: Bool) throws -> ParetoReport {
        var pipeline = pipeline
        if exact {
            let (checkpoint, finished) = try FrontCheckpoint.open(in: output, settings: pipeline.settings(loaded, exact: exact),
                                                                  resume: resume)
            pipeline.finished = finished
            pipeline.onFront = { checkpoint.append($0) }
        }
        return try pipeline.run(loaded, exact: exact)
    }
}
