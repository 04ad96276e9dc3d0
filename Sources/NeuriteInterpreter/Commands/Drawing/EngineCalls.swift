import NeuriteLanguage

/// Runs engine code, turning its errors into runtime errors at `span`.
func engine<T>(at span: Span, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RuntimeError {
        throw error
    } catch {
        throw RuntimeError(String(describing: error), at: span)
    }
}
