import NeuriteLanguage

/// Runs engine code, turning its errors into runtime errors at `span`: the one way, through
/// ``RuntimeError/fromEngine(at:_:)`` (an unknown name there gets "did you mean").
func engine<T>(at span: Span, _ body: () throws -> T) throws -> T {
    try RuntimeError.fromEngine(at: span, body)
}
