/// A command that cannot do its work for a reason that is not about its
/// arguments: ArgumentParser prints it as "Error: <message>" and exits 1,
/// without the usage text a ValidationError adds.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
