import FileSupport
import Workflows

extension ILPReport {
    /// What `backbones ilp` prints for a run: JSON for scripts, else the text tables (the
    /// reference model's size line first).
    public static func render(_ outcome: ILPRun.Outcome, json: Bool) -> String {
        switch outcome {
        case let .cover(results, rule, goal):
            return json ? Self.json(results).serialized(pretty: true) : text(results, rule: rule, goal: goal)
        case let .joint(results):
            return json ? Self.json(results).serialized(pretty: true) : text(results)
        case let .reference(results, built, groups, neurons):
            return json ? Self.json(results, built: built, groups: groups).serialized(pretty: true)
                        : modelLine(built) + "\n" + text(results, groups: groups, neurons: neurons)
        }
    }
}
