/// The cell language: Swift cells parsed by swift-syntax and interpreted against the engine.
public enum Kernel {}
