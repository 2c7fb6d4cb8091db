import ArgumentParser
import FileSupport
import Foundation
import Workflows

/// `backbones artifacts`: checks on the authors' published files (REFERENCE.md).
struct ArtifactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artifacts",
        abstract: "Check the authors' published artifacts: explanation files, LFW weights, Bird ILP solutions.",
        discussion: """
        Reads --reference (the folder holding bird/ and lfw/): every explanationK.txt is parsed, \
        summarized (classes, backbone sizes per line) and written again in the same three-line \
        format into --output/explanations/<set>/ (and compared with the original, byte for byte \
        and after parsing); every lfw/recognizerK.npz gives the neuron weights Σ_j |W_l[i][j]|, \
        compared with lfw/weightsK.csv; bird/Bird_ILP_Solutions.txt is checked for its structure \
        (per fold: the two backbones' sizes, overlap, union). Writes --output/artifacts.json.
        """
    )

    @Option(help: "Folder holding the authors' bird/ and lfw/ artifacts.") var reference: String
    @Option(help: "Folder for artifacts.json and the rewritten explanation files.") var output: String

    func run() throws {
        try TextFile.createFolder(output)
        let artifacts = try AuthorsArtifacts(reference: reference, rewritingTo: output)
        let path = URL(fileURLWithPath: output).appendingPathComponent("artifacts.json").path
        try TextFile.writeAtomically(artifacts.json.serialized(pretty: true) + "\n", to: path)
        print("wrote \(path)")
    }
}
