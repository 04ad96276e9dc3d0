import COpenBLAS
// Placeholder: replaced by the engine implementation.
public enum NeuriteEnginePlaceholder {}
