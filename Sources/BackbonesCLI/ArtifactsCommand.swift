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
        Reads --reference (holding bird/ and lfw/): parses, summarizes and rewrites every \
        explanationK.txt (compared with the original), checks lfw/recognizerK.npz's neuron weights \
        against weightsK.csv and Bird_ILP_Solutions.txt's structure; writes --output/artifacts.json. \
        See paper-repro/README.md.
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
