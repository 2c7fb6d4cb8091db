import FileSupport

extension CompiledModel {
    /// Writes the model in CPLEX LP and/or free MPS format, each file atomically.
    public func export(lp: String?, mps: String?) throws {
        if let lp { try TextFile.writeAtomically(LPWriter.write(self), to: lp) }
        if let mps { try TextFile.writeAtomically(MPSWriter.write(self), to: mps) }
    }
}
