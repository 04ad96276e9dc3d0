import Testing

@testable import NeuriteInterpreter

/// Tables fit the terminal: text columns narrow (widest first, never below eleven characters) and
/// long labels are elided in the middle; numbers are never cut.
@Suite struct TextTableTests {
    static func table(maxWidth: Int?) -> [String] {
        var table = TextTable(header: ["model", "lr", "loss", "stopped"], alignments: [.left, .right, .right, .left], maxWidth: maxWidth)
        table.append(["deep(relu, depth: 12, width: 64, seed: 3)", "0.003", "0.693147", "diverged at epoch 12"])
        table.append(["net", "0.3", "0.25", "completed"])
        return table.render()
    }

    @Test(arguments: [42, 60, 79, 80])
    func aTableFitsItsWidth(width: Int) {
        let lines = Self.table(maxWidth: width)
        #expect(lines.allSatisfy { $0.count <= width }, "\(lines.joined(separator: "\n"))")
        #expect(lines[2].contains("0.003") && lines[2].contains("0.693147"), "numbers are whole")
        let natural = Self.table(maxWidth: nil).map(\.count).max() ?? 0
        #expect(lines[2].hasPrefix("deep(") && lines[2].contains("…") == (natural > width))
    }

    @Test func aTableThatFitsIsUnchanged() {
        #expect(Self.table(maxWidth: 200) == Self.table(maxWidth: nil))
        #expect(!Self.table(maxWidth: nil).joined().contains("…"))
    }

    @Test func textColumnsStopAtTheirNarrowest() {
        let lines = Self.table(maxWidth: 10)  // cannot fit: text columns stop at eleven characters
        #expect(lines[2] == "deep(…d: 3)  0.003  0.693147  diver…ch 12", "\(lines[2])")
        #expect(TextTable.elided("abcdefghijkl", to: 8) == "abcd…jkl")
        #expect(TextTable.elided("short", to: 8) == "short")
    }

    /// Labels that differ late keep their difference: what every row shares goes first.
    @Test func sharedStartsGoFirst() {
        var table = TextTable(header: ["model", "loss"], alignments: [.left, .right], maxWidth: 18)
        table.append(["deep_network(relu, 3)", "0.1"])
        table.append(["deep_network(tanh, 3)", "0.2"])
        let lines = table.render()
        #expect(lines[2] == "…(relu, 3)  0.1" || lines[2].hasPrefix("…rk(relu, 3)"), "\(lines)")
        #expect(lines[2].contains("relu") && lines[3].contains("tanh"))
        #expect(lines.allSatisfy { $0.count <= 18 })
    }
}
