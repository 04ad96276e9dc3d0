import Testing
@testable import NeuriteEngine

@Suite struct JSONParserTests {
    @Test(arguments: [
        (#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"} "#,
         JSONValue.object([
            ("a", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
            ("b", .string("x\"\\/\u{08}\u{0C}\n\r\té😀")),
         ])),
        ("[]", .array([])),
        ("{}", .object([])),
        ("\"ünï\"", .string("ünï")),
        ("0", .number("0")),
        ("-0.0E+1", .number("-0.0E+1")),
    ])
    func validJSONParses(text: String, value: JSONValue) throws {
        #expect(try JSONParser.parse(text) == value)
    }

    @Test(arguments: [
        ("", "expected a value, found the end at byte 0"),
        ("01", "a number may not have a leading zero at byte 1"),
        ("1.", "expected a digit after '.' at byte 2"),
        ("-", "expected a digit at byte 1"),
        ("1e", "expected a digit in the exponent at byte 2"),
        ("[1,]", "unexpected character ']' at byte 3"),
        ("[1 2]", "expected ',' or ']' in an array at byte 3"),
        ("{\"a\" 1}", "expected ':' after a member name at byte 5"),
        ("{1:2}", "expected a member name in quotes at byte 1"),
        ("\"abc", "a string is never closed at byte 4"),
        ("\"a\nb\"", "a control character (0xa) inside a string at byte 2"),
        ("\"\\x\"", "an invalid escape '\\x' at byte 2"),
        ("\"\\ud800\"", "a lone UTF-16 surrogate in \\u escapes at byte 7"),
        ("\"\\u12G4\"", "expected four hexadecimal digits after \\u at byte 5"),
        ("tru", "unexpected character 't' at byte 0"),
        ("Infinity", "unexpected character 'I' at byte 0"),
        ("1 1", "unexpected text after the value at byte 2"),
    ])
    func invalidJSONIsRefused(text: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch { #expect(error.description == message) }
    }

    @Test func overlongAndSurrogateUTF8AreRefused() {
        for bytes: [UInt8] in [[0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22], [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22]] {
            #expect(throws: JSONSyntaxError(reason: "invalid UTF-8", offset: 1)) { try JSONParser.parse(bytes) }
        }
    }

    @Test func serializationRoundTrips() throws {
        let value = JSONValue.object([
            ("k\u{01}\"", .array([.number("1"), .string("é\n"), .null, .bool(true)])), ("", .object([])),
        ])
        #expect(value.serialized == #"{"k\u0001\"":[1,"é\n",null,true],"":{}}"#)
        #expect(try JSONParser.parse(value.serialized) == value)
        #expect(JSONValue.double(.nan) == nil)
        #expect(JSONValue.double(0.1)?.double == 0.1)
        #expect(JSONValue.double(-0.0)?.double?.sign == .minus)
        #expect(JSONValue.number("1e400").integer == nil)
    }

    /// Seeded random token soup never traps: every input parses or gives a JSONSyntaxError.
    @Test func randomInputNeverTraps() {
        let pieces = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d8", "00", "1", "-", ".", "e", "0", " ", "true", "nul",
                      "\u{FF}", "é", "\n", "a"]
        var generator = SeededGenerator(seed: 99)
        var parsed = 0
        for _ in 0..<5000 {
            let text = (0..<generator.nextIndex(below: 20)).map { _ in pieces[generator.nextIndex(below: pieces.count)] }.joined()
            if (try? JSONParser.parse(text)) != nil { parsed += 1 }
        }
        #expect(parsed > 0 && parsed < 5000)
    }
}
