import NeuriteEngine
import NeuriteLanguage

extension RuntimeError {
    /// Runs engine code, turning its errors (``EngineError``, ``DatasetError``) into runtime errors at
    /// `span`; an unknown data set or column name gets the language's "did you mean".
    static func fromEngine<T>(at span: Span, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as EngineError {
            throw RuntimeError(.engineFailure(error.description), at: span)
        } catch DatasetError.interrupted {
            throw Interruption()  // Ctrl-C while reading: the session says "interrupted"
        } catch let error as DatasetError {
            throw RuntimeError(.datasetFailure(error.message(suggesting: Suggestion.nearest)), at: span)
        } catch let error as RuntimeError {
            throw error
        } catch is Interruption {
            throw Interruption()
        } catch {
            throw RuntimeError(.unexpectedFailure(String(describing: error)), at: span)
        }
    }
}
