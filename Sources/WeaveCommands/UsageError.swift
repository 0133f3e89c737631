/// The command line asked for something that cannot be done (an unknown format, a target that
/// would overwrite the notebook); reported with exit code 2.
struct UsageError: Error, CustomStringConvertible {
    /// What is wrong.
    var message: String
    /// The message.
    var description: String { message }
}
