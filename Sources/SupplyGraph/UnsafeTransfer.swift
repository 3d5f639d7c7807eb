/// Carries a buffer pointer into a `@Sendable` worker closure.
///
/// The one sanctioned way to share memory with Dispatch workers in this module: every use
/// writes only the slots of the rows its worker owns and reads only data no worker writes in
/// the same round, so there is no data race even though the type system cannot prove it.
struct UnsafeTransfer<Pointer>: @unchecked Sendable {
    let pointer: Pointer
    init(_ pointer: Pointer) { self.pointer = pointer }
}
