import Testing
@testable import NeuriteEngine

@Suite struct CSVWriterTests {
    @Test func datasetWithNamedClassesReadsBackBitForBit() throws {
        var generator = SeededGenerator(seed: 3)
        let rows = (0..<50).map { _ in (0..<3).map { _ in Float(generator.nextNormal() * 1e3) / 7 } } + [[0.1, -0.0, 0x1p-130], [.greatestFiniteMagnitude, -1, 1e-7]]
        let features = try Tensor(rows: rows)
        let labels = rows.indices.map { $0 % 3 }
        var data = try Dataset(features: features, targets: .classes(labels, classCount: 3), classNames: ["a, b", "say \"hi\"", " c"])
        data.featureNames = ["x", "label", "z"]
        let text = CSVWriter.dataset(data)
        #expect(text.hasPrefix("x,label,z,label_\n"))
        #expect(text.contains(",\"a, b\"\n") && text.contains(",\"say \"\"hi\"\"\"\n") && text.contains(",\" c\"\n"))
        let back = try Dataset.csv(text: text, options: CSVOptions(labelColumn: "label_", classOrder: .firstAppearance))
        #expect(back.features.values.map(\.bitPattern) == features.values.map(\.bitPattern))
        #expect(back.classNames == ["a, b", "say \"hi\"", " c"])
        #expect(back.labelsForTesting == labels)
        #expect(back.featureNames == ["x", "label", "z"])
        let indices = CSVWriter.dataset(data, labels: .indices)
        #expect(try Dataset.csv(text: indices, options: CSVOptions(labelColumn: "label_")).labelsForTesting == labels)
    }

    @Test func regressionTargetsAreNamedAsInSummaries() throws {
        let one = try Dataset(features: Tensor(rows: [[1], [2]]), targets: .values(Tensor(rows: [[0.5], [0.25]])))
        #expect(CSVWriter.dataset(one) == "x1,target\n1.0,0.5\n2.0,0.25\n")
        let two = try Dataset(features: Tensor(rows: [[1]]), targets: .values(Tensor(rows: [[1, 2]])))
        #expect(CSVWriter.dataset(two, delimiter: ";") == "x1;target1;target2\n1.0;1.0;2.0\n")
    }

    @Test func historyHasOneRowPerEpochWithEmptyFieldsForUnmeasuredMetrics() throws {
        let network = try Network(inputWidth: 2, specs: [.dense(4, .tanh), .dense(1, .sigmoid)], seed: 1)
        let run = try Trainer.train(network, on: ToyDatasets.xor(), options: TrainingOptions(
            epochs: 3, batchSize: 4, loss: .binaryCrossEntropy, optimizer: OptimizerOptions(kind: .sgd, learningRate: 0.5)))
        let lines = CSVWriter.history(run.history).split(separator: "\n").map(String.init)
        #expect(lines.first == "epoch,steps,loss,accuracy,validation_loss,validation_accuracy,learning_rate")
        #expect(lines.count == 4)
        let fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.count == 7)
        #expect(fields[0] == "1" && fields[1] == "1")
        #expect(Double(fields[2]) == run.history[0].loss)
        #expect(fields[4] == "" && fields[5] == "")
        #expect(Double(fields[6]) == 0.5)
    }

    @Test func predictionsMatrixRoundTripsAndNamesColumns() throws {
        let network = try Network(inputWidth: 2, specs: [.dense(3), .softmax], seed: 4)
        let outputs = try network.predict(ToyDatasets.xor().features)
        let text = try CSVWriter.matrix(outputs, columnNames: ["a", "b", "c"])
        let lines = text.split(separator: "\n")
        #expect(lines.first == "a,b,c")
        let parsed = lines.dropFirst().flatMap { $0.split(separator: ",").map { Float(String($0)) ?? .nan } }
        #expect(parsed.map(\.bitPattern) == outputs.values.map(\.bitPattern))
        #expect(try CSVWriter.matrix(Tensor(rows: [[1], [.nan], [-.infinity]])) == "output\n1.0\nnan\n-inf\n")
        #expect(throws: EngineError.self) { try CSVWriter.matrix(outputs, columnNames: ["a"]) }
    }
}
