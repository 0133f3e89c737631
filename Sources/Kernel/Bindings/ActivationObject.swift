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

    override var members: MemberTable { Self.memberTable }

    private static let memberTable = MemberTable(DenseObject.self, [
        .property("units") { object, _ in .int(object.dense.units) },
        .property("activation") { object, _ in .object(ActivationObject(object.dense.activation)) },
    ])

    override func isEqual(to other: KernelObject) -> Bool { (other as? DenseObject)?.dense == dense }
}
