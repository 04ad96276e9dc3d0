import Foundation
import Testing

/// The tutorial `Scripts/tutorials/real-data.nn` run end to end (80 columns, no colour), its
/// claims checked on the numbers it produces, and every output block of
/// `Docs/tutorials/real-data.md` checked to be text the script printed. The script reads the
/// bundled CSV files by a path relative to the repository; here that path is made absolute so the
/// test does not depend on the working folder. Seeds 1–5 are trained by the script itself
/// (section 9), so one run covers every figure the walk-through states.
@Suite struct RealDataTutorialTests {
    static let folder = TutorialScript.repository.appendingPathComponent("Sources/NeuriteEngine/Resources/data").path + "/"
    static let script = TutorialScript(
        name: "real-data",
        substitutions: [("let folder = \"Sources/NeuriteEngine/Resources/data/\"", "let folder = \"\(folder)\"")],
        setup: [
            "let bundled_iris = dataset(\"iris\")",
            "let bundled_digits = dataset(\"digits\")",
            "fn column_means(d) = [mean(c) for c in transpose(d.features)]",
            "fn column_stds(d) = [std(c) for c in transpose(d.features)]",
            "fn off_diagonal(m) = sum(m) - sum([m[k][k] for k in 0..(len(m) - 1)])",
            "let all_wrong_differ = len([i for i in wrong if answer[i] == truth[i]]) == 0",
            "let tiled = tile([pixels[i] for i in 1..8], 4)",
            "fn tiled_pixel(t) = tiled[9 * floor(floor(t / 64) / 4) + floor(t % 64 / 8)][9 * (floor(t / 64) % 4) + t % 8]",
            "let raw_stds = column_stds(raw.train)",
            "let constant_pixels = [k for k in 0..63 if raw_stds[k] == 0]",
            "let constant_after = [max(abs(transpose(parts.train.features)[k])) + max(abs(transpose(parts.test.features)[k])) for k in constant_pixels]",
            "let digit_training = [digit_seeds[k].accuracy[len(digit_seeds[k].accuracy) - 1] for k in 0..4]",
            "let tile_mismatches = sum([if tiled_pixel(t) == pixels[1 + floor(t / 64)][t % 64] then 0 else 1 for t in 0..511])",
            "let tiled_gap = sum(tiled[8]) + sum([tiled[r][8] for r in 0..16])",
        ],
        probes: [
            "iris.features == bundled_iris.features", "iris.labels == bundled_iris.labels",
            "digits.features == bundled_digits.features", "digits.labels == bundled_digits.labels",
            "iris.count", "digits.count", "digits.inputs", "digits.classes",
            "max(abs(column_means(flowers.train)))", "max(abs(column_stds(flowers.train) - 1))",
            "max(abs(column_means(flowers.test)))",
            "flowers.train.count", "flowers.test.count",
            "iris_result.accuracy", "sum(iris_result.confusion)", "off_diagonal(iris_result.confusion)",
            "result.accuracy", "sum(confusion)", "off_diagonal(confusion)", "len(wrong)", "len(truth)",
            "raw.test.labels == parts.test.labels", "raw.test.count",
            "all_wrong_differ", "picture(pixels[0])[1][2] == pixels[0][10]", "picture(pixels[0])[7][7] == pixels[0][63]",
            "tile_mismatches", "tiled_gap", "shape(tiled)",
            "iris_right", "digit_accuracy", "[digit_seeds[k].model.seed for k in 0..4]",
            "r4(result.accuracy)", "min(digit_accuracy)", "mean(digit_accuracy)",
            "digits_run.final_loss", "constant_pixels", "constant_after", "digit_training",
        ])

    @Test func runsWithoutErrors() {
        let o = Self.script.outcome()
        #expect(o.succeeded)
        #expect(o.errors.isEmpty, "\(o.errors)")
    }

    /// csv() of the bundled files gives exactly the data sets `dataset(NAME)` loads.
    @Test func csvReadsTheBundledData() {
        let o = Self.script.outcome()
        for same in ["iris.features == bundled_iris.features", "iris.labels == bundled_iris.labels",
                     "digits.features == bundled_digits.features", "digits.labels == bundled_digits.labels"] {
            #expect(o.number(same) == 1, "\(same)")
        }
        #expect(o.number("iris.count") == 150)
        #expect(o.number("digits.count") == 1797)
        #expect(o.number("digits.inputs") == 64)
        #expect(o.number("digits.classes") == 10)
        #expect(o.lines.contains("1797 images, 64 pixels each, 10 classes"))
    }

    /// Standardising a split uses the training part's statistics: the training columns have mean 0
    /// and standard deviation 1, the test columns only roughly.
    @Test func standardisingUsesTheTrainingPart() {
        let o = Self.script.outcome()
        #expect(o.number("flowers.train.count") == 112)
        #expect(o.number("flowers.test.count") == 38)
        #expect(o.number("max(abs(column_means(flowers.train)))") < 1e-5)
        #expect(o.number("max(abs(column_stds(flowers.train) - 1))") < 1e-4)
        let testMean = o.number("max(abs(column_means(flowers.test)))")
        #expect(testMean > 0.01 && testMean < 0.5, "test means: \(testMean)")
    }

    /// Iris with seed 1: 37 of 38 test flowers; the confusion matrix counts every test flower once
    /// and its off-diagonal cells are the mistakes.
    @Test func irisClassifier() {
        let o = Self.script.outcome()
        #expect(o.number("sum(iris_result.confusion)") == 38)
        #expect(o.number("off_diagonal(iris_result.confusion)") == 1)
        #expect(abs(o.number("iris_result.accuracy") - 37.0 / 38) < 1e-6)
    }

    /// Digits with seed 1: the confusion matrix's off-diagonal count, the mistakes found from
    /// predict, and 1 - accuracy all agree; the raw split lines up with the standardised one, so
    /// the pictures are of the right images.
    @Test func digitsClassifierAndItsMistakes() {
        let o = Self.script.outcome()
        let total = o.number("sum(confusion)"), mistakes = o.number("len(wrong)")
        #expect(total == 449 && o.number("len(truth)") == 449 && o.number("raw.test.count") == 449)
        #expect(o.number("off_diagonal(confusion)") == mistakes)
        #expect(abs(o.number("result.accuracy") - (total - mistakes) / total) < 1e-6)
        #expect(o.number("result.accuracy") >= 0.97)
        #expect(mistakes >= 1 && mistakes <= 13, "mistakes: \(mistakes)")
        #expect(o.number("all_wrong_differ") == 1)
        #expect(o.number("raw.test.labels == parts.test.labels") == 1)
        #expect(o.number("digits_run.final_loss") < 0.05)
        #expect(o.lines.contains("\(Int(mistakes)) mistakes among 449 test images"))
        // Three pixels are 0 in every training image; standardising leaves them 0 in both parts.
        #expect(o.numbers("constant_pixels") == [0, 32, 39])
        #expect(o.numbers("constant_after") == [0, 0, 0])
    }

    /// picture() cuts a row into 8 rows of 8, row-major; tile() puts a blank row and column of
    /// pixels between the images, four across.
    @Test func picturesAreTheRowsCutIntoEight() {
        let o = Self.script.outcome()
        #expect(o.number("picture(pixels[0])[1][2] == pixels[0][10]") == 1)
        #expect(o.number("picture(pixels[0])[7][7] == pixels[0][63]") == 1)
        #expect(o.number("tile_mismatches") == 0)
        #expect(o.number("tiled_gap") == 0)
        #expect(o.numbers("shape(tiled)") == [17, 35])
    }

    /// Five seeds on one split: the seed-1 network is the one of sections 6–8 and the best of the
    /// five; every seed passes 0.97 on digits (within 0.02 of each other), trains above every test
    /// accuracy, and gets 36 or 37 of the 38 test flowers.
    @Test func seedsOneToFive() throws {
        let o = Self.script.outcome()
        #expect(o.numbers("[digit_seeds[k].model.seed for k in 0..4]") == [1, 2, 3, 4, 5])
        let accuracy = o.numbers("digit_accuracy")
        try #require(accuracy.count == 5)
        #expect(accuracy[0] == o.number("r4(result.accuracy)"))
        #expect(accuracy.allSatisfy { $0 >= 0.97 }, "\(accuracy)")
        #expect(accuracy.max()! - accuracy.min()! < 0.02, "\(accuracy)")
        #expect(accuracy[0] == accuracy.max(), "seed 1 is the best of the five: \(accuracy)")
        let training = o.numbers("digit_training")
        #expect(training.count == 5 && training.allSatisfy { $0 >= 0.997 && $0 > accuracy.max()! }, "\(training)")
        let iris = o.numbers("iris_right")
        #expect(iris.count == 5 && iris.allSatisfy { $0 == 36 || $0 == 37 }, "\(iris)")
    }

    @Test func walkThroughQuotesTheScript() throws {
        let counts = try Self.script.checkWalkThroughQuotesTheScript()
        #expect(counts.text >= 9)
        #expect(counts.code >= 9)
    }
}
