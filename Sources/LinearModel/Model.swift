/// Minimize or maximize.
public enum ObjectiveSense: String, Sendable, Codable {
    case minimize, maximize
}

/// A solver-independent mixed-integer linear program, built incrementally and then
/// compiled once (`compile()`) into the column-compressed form every backend loads whole.
///
/// The model knows no solver; backends depend on it, never the reverse.
public struct Model: Sendable, Equatable {
    public var name: String
    public var sense: ObjectiveSense
    public private(set) var variables: [Variable] = []
    public private(set) var rows: [Row] = []
    /// A constant added to the objective (kept by the writers as a fixed term where the format allows).
    public var objectiveOffset: Double = 0

    public init(name: String = "model", sense: ObjectiveSense = .minimize) {
        self.name = name
        self.sense = sense
    }

    @discardableResult
    public mutating func addVariable(_ variable: Variable) -> VariableID {
        variables.append(variable)
        return VariableID(variables.count - 1)
    }

    @discardableResult
    public mutating func addVariable(name: String? = nil, kind: VariableKind, lower: Double = 0,
                                     upper: Double = .infinity, cost: Double = 0) -> VariableID {
        addVariable(Variable(name: name, kind: kind, lower: lower, upper: upper, cost: cost))
    }

    /// Adds `count` binary variables with the same cost, named `prefix0`, `prefix1`, … when a prefix is given.
    public mutating func addBinaries(_ count: Int, cost: Double = 0, namePrefix: String? = nil) -> [VariableID] {
        (0..<count).map { i in
            addVariable(name: namePrefix.map { "\($0)\(i)" }, kind: .binary, cost: cost)
        }
    }

    public mutating func addRow(_ row: Row) {
        rows.append(row)
    }

    public mutating func setCost(_ variable: VariableID, _ cost: Double) {
        variables[variable.index].cost = cost
    }

    public mutating func setBounds(_ variable: VariableID, lower: Double, upper: Double) {
        variables[variable.index].lower = lower
        variables[variable.index].upper = upper
    }

    /// Replaces a variable's description (name, kind, bounds, cost) in place.
    public mutating func replaceVariable(_ variable: VariableID, with replacement: Variable) {
        variables[variable.index] = replacement
    }

    public var variableCount: Int { variables.count }
    public var rowCount: Int { rows.count }
}
