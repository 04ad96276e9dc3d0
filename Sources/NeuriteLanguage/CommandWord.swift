/// The reserved words that start a command (see ``Command``). The set grows with the language;
/// the parser only needs to know that a word starts a command, the interpreter gives it meaning.
public enum CommandWord: String, CaseIterable, Sendable {
    case plot
    case show
    case summary
    case train
    case evaluate
    case predict
    case gradients
    case histogram
    case heatmap
    case scatter
    case bars
    case dead
    case saturation
    case sparsity
    case boundary
    case units
    case save
    case load
    case export
}
