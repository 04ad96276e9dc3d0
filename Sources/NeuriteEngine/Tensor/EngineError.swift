/// Errors the engine reports for bad input: wrong shapes, empty data, invalid settings.
/// Each case renders as a one-line message fit to show to a user.
public enum EngineError: Error, Equatable, CustomStringConvertible, Sendable {
    /// An operation received a tensor whose shape does not fit.
    case shapeMismatch(operation: String, expected: String, got: String)
    /// A value count does not match the product of a shape.
    case valueCount(shape: [Int], expected: Int, got: Int)
    /// A setting is outside its allowed range.
    case invalidSetting(name: String, reason: String)
    /// The data set cannot be used as given.
    case invalidData(String)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, expected, got):
            return "\(operation): expected shape \(expected), got \(got)"
        case let .valueCount(shape, expected, got):
            return "shape \(Tensor.describe(shape)) needs \(expected) values, got \(got)"
        case let .invalidSetting(name, reason):
            return "invalid \(name): \(reason)"
        case let .invalidData(reason):
            return "invalid data: \(reason)"
        }
    }
}
