/// One linear row `lower ≤ Σ coefficient·x ≤ upper`; either bound may be infinite.
/// Terms may repeat a variable: repeated coefficients are added when the model is compiled.
public struct Row: Sendable, Equatable {
    public var name: String?
    public var terms: [Term]
    public var lower: Double
    public var upper: Double

    public init(name: String? = nil, terms: [Term], lower: Double = -.infinity, upper: Double = .infinity) {
        self.name = name
        self.terms = terms
        self.lower = lower
        self.upper = upper
    }

    /// `Σ terms ≥ value`
    public static func greaterOrEqual(_ terms: [Term], _ value: Double, name: String? = nil) -> Row {
        Row(name: name, terms: terms, lower: value, upper: .infinity)
    }
    /// `Σ terms ≤ value`
    public static func lessOrEqual(_ terms: [Term], _ value: Double, name: String? = nil) -> Row {
        Row(name: name, terms: terms, lower: -.infinity, upper: value)
    }
    /// `Σ terms = value`
    public static func equal(_ terms: [Term], _ value: Double, name: String? = nil) -> Row {
        Row(name: name, terms: terms, lower: value, upper: value)
    }
}

/// `coefficient · variable`
public struct Term: Sendable, Equatable {
    public var variable: VariableID
    public var coefficient: Double
    public init(_ variable: VariableID, _ coefficient: Double = 1) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

public func * (coefficient: Double, variable: VariableID) -> Term { Term(variable, coefficient) }
