import Foundation
import Testing
@testable import NeuriteEngine

@Suite struct DatasetsCSVTests {
    static let good = """
        a,b,kind
        1,2,cat
        3.5,-4e1,dog
        0,0,cat

        """

    @Test func readsFeaturesAndClassesFromTheLastColumn() throws {
        let data = try Dataset.csv(text: Self.good, source: "pets.csv")
        #expect(data.features.shape == [3, 2])
        #expect(data.rowsForTesting == [[1, 2], [3.5, -40], [0, 0]])
        #expect(data.featureNames == ["a", "b"])
        #expect(data.classNames == ["cat", "dog"])
        #expect(data.labelsForTesting == [0, 1, 0])
    }

    @Test func labelColumnAndFeatureColumnsByName() throws {
        let data = try Dataset.csv(text: "x,label,y\n1,a,2\n3,b,4\n", options: CSVOptions(labelColumn: "label"))
        #expect(data.featureNames == ["x", "y"])
        #expect(data.rowsForTesting == [[1, 2], [3, 4]])
        #expect(data.classNames == ["a", "b"])
        let picked = try Dataset.csv(
            text: "x,label,y\n1,a,2\n3,b,4\n", options: CSVOptions(labelColumn: "label", featureColumns: ["y"]))
        #expect(picked.rowsForTesting == [[2], [4]])
    }

    @Test(arguments: [
        (ClassOrder.sorted, ["2", "10", "b"], ["10", "2", "b"]),
        (.sorted, ["10", "2", "2.5"], ["2", "2.5", "10"]),
        (.firstAppearance, ["zeta", "alpha", "zeta"], ["zeta", "alpha"]),
        (.sorted, ["zeta", "alpha", "Beta"], ["Beta", "alpha", "zeta"]),
    ])
    func classOrder(order: ClassOrder, labels: [String], expected: [String]) throws {
        let text = "f,label\n" + labels.enumerated().map { "\($0.offset),\($0.element)\n" }.joined()
        let data = try Dataset.csv(text: text, options: CSVOptions(classOrder: order))
        #expect(data.classNames == expected)
        #expect(data.labelsForTesting.map { expected[$0] } == labels)
    }

    @Test func regressionTargetsWhenAsked() throws {
        let data = try Dataset.csv(text: "x,y\n1,0.5\n2,1.5\n3,2.25\n", options: CSVOptions(task: .regression))
        #expect(data.classCount == nil)
        #expect(data.valuesForTesting == [0.5, 1.5, 2.25])
        let message = datasetErrorDescription {
            try Dataset.csv(text: "x,y\n1,0.5\n2,big\n", source: "r.csv", options: CSVOptions(task: .regression))
        }
        #expect(message == "r.csv:3: column 'y': 'big' is not a finite number")
    }

    @Test func quotedFieldsFollowRFC4180() throws {
        let text = "a,\"b,c\",label\r\n1,2,\"x, y\"\r\n3,4,\"say \"\"hi\"\"\"\r\n\"5\",6,\"two\nlines\"\r\n7,8,plain\r\n"
        let data = try Dataset.csv(text: text, options: CSVOptions(classOrder: .firstAppearance))
        #expect(data.featureNames == ["a", "b,c"])
        #expect(data.classNames == ["x, y", "say \"hi\"", "two\nlines", "plain"])
        #expect(data.rowsForTesting == [[1, 2], [3, 4], [5, 6], [7, 8]])
    }

    @Test func lineNumbersCountLinesInsideQuotes() {
        // The record "3,x" starts on line 4 because the label before it spans lines 2–3.
        let text = "a,label\n1,\"multi\nline\"\n3,x,extra\n"
        #expect(datasetErrorDescription { try Dataset.csv(text: text, source: "q.csv") }
            == "q.csv:4: expected 2 fields, got 3")
    }

    @Test func parserRecordsAndLines() throws {
        let records = try CSVParser.records("\u{FEFF}h1, h2 \n\n  a ,\" b \"\r\nc,\"\"\rd,e", source: "t")
        #expect(records == [
            CSVRecord(fields: ["h1", "h2"], line: 1), CSVRecord(fields: ["a", " b "], line: 3),
            CSVRecord(fields: ["c", ""], line: 4), CSVRecord(fields: ["d", "e"], line: 5),
        ])
    }

    @Test(arguments: [
        ("", "m.csv: the file is empty (a header row is needed)"),
        ("\n\n", "m.csv: the file is empty (a header row is needed)"),
        ("a,b\n", "m.csv: no data rows after the header"),
        ("label\n1\n", "m.csv: the header has 1 column; at least two are needed (features and a label)"),
        ("a,b,c\n1,2,x\n3,4\n", "m.csv:3: expected 3 fields, got 2"),
        ("a,b,c\n1,2,x\n3,4,y,5\n", "m.csv:3: expected 3 fields, got 4"),
        ("a,b,c\n1,2,x\n3,4,y\n5,six,z\n", "m.csv:4: column 'b': 'six' is not a finite number"),
        ("a,b,c\n1,,x\n", "m.csv:2: column 'b': an empty value is not a finite number"),
        ("a,b,c\nnan,1,x\n", "m.csv:2: column 'a': 'nan' is not a finite number"),
        ("a,b,c\n1,inf,x\n", "m.csv:2: column 'b': 'inf' is not a finite number"),
        ("a,b,c\n1,2,\"open\n3,4,y\n", "m.csv:2: a quoted field is never closed"),
    ])
    func malformedFilesNameTheLineAndColumn(text: String, expected: String) {
        #expect(datasetErrorDescription { try Dataset.csv(text: text, source: "m.csv") } == expected)
    }

    @Test func unknownColumnsListTheKnownNamesOrTheSuggestedOne() throws {
        do {
            _ = try Dataset.csv(text: Self.good, source: "pets.csv", options: CSVOptions(labelColumn: "knid"))
            Issue.record("expected an error")
        } catch let error as DatasetError {
            #expect(error == .unknownColumn(source: "pets.csv", name: "knid", available: ["a", "b", "kind"]))
            #expect(error.description == "pets.csv: no column 'knid'; available: 'a', 'b', 'kind'")
            #expect(error.message { name, available in name == "knid" ? available.last : nil }
                == "pets.csv: no column 'knid'; did you mean 'kind'?")
            #expect(error.message { _, _ in nil } == error.description)
        }
        #expect(datasetErrorDescription {
            try Dataset.csv(text: Self.good, options: CSVOptions(featureColumns: ["a", "B"]))
        }?.contains("no column 'B'") == true)
        #expect(datasetErrorDescription {
            try Dataset.csv(text: Self.good, options: CSVOptions(featureColumns: ["a", "kind"]))
        } == "invalid feature columns: 'kind' is the label column")
    }

    @Test func readsFilesAndReportsMissingOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neurite-csv-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pets.csv").path
        try Self.good.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Dataset.csv(path: path).count == 3)
        #expect(datasetErrorDescription { try Dataset.csv(path: path + ".missing") }
            == "cannot read '\(path).missing': no such file")
        #expect(datasetErrorDescription { try Dataset.csv(path: folder.path) }
            == "cannot read '\(folder.path)': it is a folder")
    }
}

@Suite struct DatasetsBundledTests {
    @Test(arguments: [
        (BundledDataset.iris, 150, 4, ["setosa", "versicolor", "virginica"], [50, 50, 50]),
        (.wine, 178, 13, ["class_0", "class_1", "class_2"], [59, 71, 48]),
        (.breastCancer, 569, 30, ["benign", "malignant"], [357, 212]),
        (.digits, 1797, 64, (0...9).map(String.init), [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]),
    ])
    func bundledDataSetsLoadWithTheirShapes(
        dataset: BundledDataset, count: Int, width: Int, classes: [String], histogram: [Int]
    ) throws {
        let data = try dataset.load()
        #expect(data.features.shape == [count, width])
        #expect(data.classNames == classes)
        #expect(data.classHistogramForTesting == histogram)
        #expect(data.featureNames?.count == width)
        #expect(!dataset.credit.isEmpty)
    }

    @Test func digitsArePixelsFrom0To16() throws {
        let summary = try BundledDataset.digits.load().summary
        #expect(summary.features.first?.name == "p0")
        #expect(summary.features.map(\.minimum).min() == 0)
        #expect(summary.features.map(\.maximum).max() == 16)
    }

    @Test func unknownNamesCarryTheBundledOnes() throws {
        #expect(try BundledDataset.named("breast_cancer") == .breastCancer)
        #expect(throws: DatasetError.unknownBundledDataset(
            name: "iirs", available: ["iris", "wine", "breast_cancer", "digits"])) {
            try BundledDataset.named("iirs")
        }
    }

    @Test func theResourceBundleNextToTheExecutableIsFoundWithoutTheSourceTree() throws {
        // `swift build` copies Resources/data next to the test runner as it does next to the release binary.
        let folders = BundledDataLocator.searchFolders(environment: [:], includeSourceTree: false)
        let path = try #require(BundledDataLocator.find("iris.csv", in: folders))
        #expect(path.contains(BundledDataLocator.bundleName + "/data/iris.csv"))
        #expect(FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent + "/README.md"))
    }

    @Test func theEnvironmentFolderComesFirstAndMissingDataIsAnError() throws {
        let folders = BundledDataLocator.searchFolders(
            environment: ["NEURITE_DATA_DIR": "/nowhere/data"], executablePath: "/opt/bin/neurite")
        #expect(folders.prefix(2) == ["/nowhere/data", "/opt/bin/" + BundledDataLocator.bundleName + "/data"])
        #expect(BundledDataLocator.find("iris.csv", in: ["/nowhere/data"]) == nil)
        #expect(datasetErrorDescription { try BundledDataset.wine.load(options: CSVOptions(), searching: ["/nowhere/data"]) }
            == "the bundled data set 'wine' was not found (searched: /nowhere/data)")
        #expect(BundledDataLocator.find("iris.csv", in: ["/nowhere/data"] + folders)?.hasSuffix("/iris.csv") == true)
    }
}
