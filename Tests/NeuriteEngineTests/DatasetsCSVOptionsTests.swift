import Foundation
import Synchronization
import Testing
@testable import NeuriteEngine

/// Delimiters, column choice, missing values, strict parsing and cancellation of the CSV reader.
@Suite struct DatasetsCSVOptionsTests {
    @Test(arguments: [
        ("a;b;kind\n1,5;2;x\n3;4;y\n", ";"),
        ("a\tb\tkind\n1\t2\tx\n3\t4\ty\n", "\t"),
        ("a,b,kind\n1,2,x\n3,4,y\n", ","),
        ("\"a;b\",c,kind\n1,2,x\n3,4,y\n", ","),
    ])
    func delimiterIsDetectedFromTheHeader(text: String, delimiter: Character) throws {
        if delimiter == ";" {
            // "1,5" is not a number with ';' as the delimiter: the error proves the detection.
            #expect(datasetErrorDescription { try Dataset.csv(text: text, source: "d.csv") }
                == "d.csv:2: column 'a': '1,5' is not a finite number")
            return
        }
        let (data, report) = try Dataset.readCSV(bytes: Array(text.utf8), source: "d.csv")
        #expect(report.delimiter == delimiter)
        #expect(data.features.shape == [2, 2])
        #expect(data.classNames == ["x", "y"])
    }

    @Test func explicitDelimiterAndSemicolonFile() throws {
        let text = "a;b;kind\n1.5;2;x\n3;4;\"y;z\"\n"
        let data = try Dataset.csv(text: text, options: CSVOptions(delimiter: ";"))
        #expect(data.rowsForTesting == [[1.5, 2], [3, 4]])
        #expect(data.classNames == ["x", "y;z"])
        #expect(try Dataset.csv(text: "a|b\n1|x\n", options: CSVOptions(delimiter: "|")).classNames == ["x"])
        #expect(datasetErrorDescription { try Dataset.csv(text: text, options: CSVOptions(delimiter: "\"")) }
            == "invalid delimiter: '\"' cannot separate fields (use an ASCII character other than a quote or a line break)")
        #expect(datasetErrorDescription { try Dataset.csv(text: text, options: CSVOptions(delimiter: "é")) }?
            .hasPrefix("invalid delimiter") == true)
    }

    @Test func tabSeparatedKeepsEmptyFieldsAndTrimsSpaces() throws {
        let data = try Dataset.csv(text: "a\tb\tkind\n 1 \t2\tx\n", options: CSVOptions(delimiter: "\t"))
        #expect(data.rowsForTesting == [[1, 2]])
        #expect(datasetErrorDescription { try Dataset.csv(text: "a\tb\tkind\n1\t\tx\n", source: "t.tsv") }
            == "t.tsv:2: column 'b': an empty value is not a finite number")
    }

    static let table = "id,a,b,c,kind\n1,10,20,30,x\n2,11,21,31,y\n"

    @Test func columnsAndDropChooseTheFeatures() throws {
        let dropped = try Dataset.csv(text: Self.table, options: CSVOptions(droppedColumns: ["id", "b"]))
        #expect(dropped.featureNames == ["a", "c"])
        #expect(dropped.rowsForTesting == [[10, 30], [11, 31]])
        let chosen = try Dataset.csv(text: Self.table, options: CSVOptions(featureColumns: ["c", "a"], droppedColumns: ["a"]))
        #expect(chosen.featureNames == ["c"])
        #expect(datasetErrorDescription { try Dataset.csv(text: Self.table, options: CSVOptions(droppedColumns: ["kind"])) }
            == "invalid dropped columns: 'kind' is the label column")
        #expect(datasetErrorDescription { try Dataset.csv(text: Self.table, source: "t", options: CSVOptions(droppedColumns: ["d"])) }
            == "t: no column 'd'; available: 'id', 'a', 'b', 'c', 'kind'")
        #expect(datasetErrorDescription {
            try Dataset.csv(text: Self.table, options: CSVOptions(droppedColumns: ["id", "a", "b", "c"]))
        } == "invalid feature columns: at least one is needed")
    }

    static let gaps = "a,b,kind\n1,2,x\n,4,y\n5,NA,x\n7,8,\n9,10,y\n"

    @Test func missingValuesAreAnErrorByDefault() {
        #expect(datasetErrorDescription { try Dataset.csv(text: Self.gaps, source: "g.csv") }
            == "g.csv:3: column 'a': an empty value is not a finite number")
    }

    @Test func missingDropLeavesOutIncompleteRows() throws {
        let (data, report) = try Dataset.readCSV(bytes: Array(Self.gaps.utf8), source: "g.csv", options: CSVOptions(missing: .drop))
        #expect(data.rowsForTesting == [[1, 2], [9, 10]])
        #expect(data.classNames == ["x", "y"])
        #expect(report.droppedLines == [3, 4, 5])
        // A dropped column's gaps do not count.
        let kept = try Dataset.csv(text: Self.gaps, options: CSVOptions(droppedColumns: ["b"], missing: .drop))
        #expect(kept.rowsForTesting == [[1], [5], [9]])
        #expect(datasetErrorDescription { try Dataset.csv(text: "a,k\n,x\nNA,y\n", source: "e", options: CSVOptions(missing: .drop)) }
            == "e: every row (2) has a missing value, so none is left after dropping them")
    }

    @Test func missingMeanFillsFeaturesWithTheColumnMean() throws {
        let text = "a,b,kind\n1,2,x\n,4,y\n5,null,x\n9,?,y\n"
        let (data, report) = try Dataset.readCSV(bytes: Array(text.utf8), options: CSVOptions(missing: .mean))
        #expect(data.rowsForTesting == [[1, 2], [5, 4], [5, 3], [9, 3]])
        #expect(report.filledValues == ["a": 1, "b": 2])
        #expect(datasetErrorDescription { try Dataset.csv(text: Self.gaps, source: "g.csv", options: CSVOptions(missing: .mean)) }
            == "g.csv:5: column 'kind': an empty label (every row needs its class)")
        #expect(datasetErrorDescription { try Dataset.csv(text: "a,b,k\n,1,x\nNA,2,y\n", source: "m", options: CSVOptions(missing: .mean)) }
            == "m: column 'a' has no values to take the mean of")
        #expect(datasetErrorDescription { try Dataset.csv(text: "a,b,k\n1,1,x\n2,six,y\n", source: "m", options: CSVOptions(missing: .mean)) }
            == "m:3: column 'b': 'six' is not a finite number")
    }

    @Test func textLabelsMapToClassesAndTheMappingIsReported() throws {
        let text = "f,species\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n"
        let (data, report) = try Dataset.readCSV(bytes: Array(text.utf8))
        #expect(report.classNames == ["setosa", "versicolor", "virginica"])
        #expect(data.labelsForTesting == [2, 0, 1, 0])
        let regression = try Dataset.readCSV(bytes: Array("x,y\n1,2\n".utf8), options: CSVOptions(task: .regression))
        #expect(regression.report.classNames == nil)
    }

    @Test(arguments: [
        ("a,b,k\n\"x\"y\",2,z\n", "s.csv:2: column 1 ('a'): text after the closing quote (a quote inside a quoted field is written \"\")"),
        ("a,b,k\n1,2\"5,z\n", "s.csv:2: column 2 ('b'): a quote inside an unquoted field (quote the whole field and write the quote as \"\")"),
        ("a,b,k\n1,2,z\n3,4\u{0}5,z\n", "s.csv:3: column 2 ('b'): a NUL byte (0x00)"),
        ("a,\"b\" c,k\n", "s.csv:1: column 2: text after the closing quote (a quote inside a quoted field is written \"\")"),
    ])
    func malformedQuotingAndNULAreErrors(text: String, message: String) {
        #expect(datasetErrorDescription { try Dataset.csv(text: text, source: "s.csv") } == message)
    }

    @Test func invalidUTF8IsAnErrorNamingTheLineAndColumn() {
        let bytes = Array("a,b,k\n1,2,x\n3,4,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(datasetErrorDescription { try Dataset.readCSV(bytes: bytes, source: "u.csv") }
            == "u.csv:3: column 3 ('k'): invalid UTF-8")
        let inHeader = [0xFF] + Array(",b\n1,x\n".utf8)
        #expect(datasetErrorDescription { try Dataset.readCSV(bytes: inHeader, source: "u.csv") }
            == "u.csv:1: column 1: invalid UTF-8")
    }

    @Test func spacesAfterAClosingQuoteAreAllowed() throws {
        let data = try Dataset.csv(text: "a,k\n\"1\"  ,\"x\" \n")
        #expect(data.rowsForTesting == [[1]])
        #expect(data.classNames == ["x"])
    }

    /// A cancellation flag set while a large file is read stops it; the flag is polled often enough
    /// that the largest gap between two polls is well under 100 ms.
    @Test func readingStopsWhenAsked() throws {
        let row = "0.125,-3.5,17,0.001,label_a\n"
        let text = "a,b,c,d,kind\n" + String(repeating: row, count: 100_000)  // about 2.7 MB
        let bytes = Array(text.utf8)
        var polls = 0
        #expect(throws: DatasetError.interrupted(source: "big.csv")) {
            try Dataset.readCSV(bytes: bytes, source: "big.csv", shouldStop: { polls += 1; return polls == 20 })
        }
        #expect(polls == 20)
        var times: [UInt64] = []
        _ = try Dataset.readCSV(bytes: bytes, source: "big.csv", shouldStop: {
            times.append(DispatchTime.now().uptimeNanoseconds)
            return false
        })
        let gaps = zip(times.dropFirst(), times).map { Double($0 - $1) / 1e6 }
        #expect(times.count >= bytes.count / CSVParser.pollInterval)
        #expect((gaps.max() ?? 0) < 100, "largest gap between polls: \(gaps.max() ?? 0) ms")
    }

    @Test func stopFlagSetFromAnotherThreadStopsWithin100ms() throws {
        let row = "0.125,-3.5,17,0.001,label_a\n"
        let bytes = Array(("a,b,c,d,kind\n" + String(repeating: row, count: 1_000_000)).utf8)  // about 27 MB
        let flag = StopFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) {
            flag.setAt.store(DispatchTime.now().uptimeNanoseconds, ordering: .sequentiallyConsistent)
            flag.stop.store(true, ordering: .sequentiallyConsistent)
        }
        do {
            _ = try Dataset.readCSV(bytes: bytes, source: "big.csv", shouldStop: { flag.stop.load(ordering: .relaxed) })
            // Only possible if the whole file was read within the 50 ms before the flag was set.
            #expect(flag.setAt.load(ordering: .sequentiallyConsistent) == 0)
        } catch DatasetError.interrupted {
            let stoppedAfter = Double(DispatchTime.now().uptimeNanoseconds - flag.setAt.load(ordering: .sequentiallyConsistent)) / 1e6
            #expect(stoppedAfter < 100, "stopped \(stoppedAfter) ms after the flag was set")
        }
    }
}

/// A Ctrl-C flag set from another thread, and when it was set.
final class StopFlag: Sendable {
    let stop = Atomic<Bool>(false)
    let setAt = Atomic<UInt64>(0)
}
