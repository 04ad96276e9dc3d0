extension JSONValue {
    /// JSON text with each array element and object member on its own line, indented by `indent`
    /// spaces per level (`"key": value`; empty arrays and objects as `[]` and `{}`), members in
    /// their stored order: the layout Jupyter and most JSON tools write, easy to diff.
    public func serialized(indent: Int) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout String, indent: Int, level: Int) {
        let inner = String(repeating: " ", count: indent * (level + 1))
        let closing = String(repeating: " ", count: indent * level)
        switch self {
        case .array(let values) where !values.isEmpty:
            out += "[\n"
            for (index, value) in values.enumerated() {
                out += inner
                value.write(into: &out, indent: indent, level: level + 1)
                out += index < values.count - 1 ? ",\n" : "\n"
            }
            out += closing + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += inner + JSONValue.string(key).serialized + ": "
                value.write(into: &out, indent: indent, level: level + 1)
                out += index < members.count - 1 ? ",\n" : "\n"
            }
            out += closing + "}"
        default:
            out += serialized
        }
    }
}
