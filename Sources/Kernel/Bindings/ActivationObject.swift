import Engine

/// An activation kept in a variable after being given its type (`Dense(2, .relu).activation`).
final class ActivationObject: KernelObject {
    let activation: Activation

    init(_ activation: Activation) {
        self.activation = activation
    }

    override var typeName: String { "Activation" }
    override var description: String { "." + activation.description }
    override func isEqual(to other: KernelObject) -> Bool { (other as? ActivationObject)?.activation == activation }
}

/// One layer description, `Dense(2, .relu)`.
final class DenseObject: KernelObject {
    let dense: Dense

    init(_ dense: Dense) {
        self.dense = dense
    }

    override var typeName: String { "Dense" }
    override var description: String { dense.description }

    override func property(_ name: String, _ runtime: Runtime) throws -> Value? {
        switch name {
        case "units": return .int(dense.units)
        case "activation": return .object(ActivationObject(dense.activation))
        default: return nil
        }
    }

    override var memberNames: [String] { ["units", "activation"] }
    override func isEqual(to other: KernelObject) -> Bool { (other as? DenseObject)?.dense == dense }
}
