package com.rateup.webhooks.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.testing.NodeOracle;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaScriptJsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "3 | 3", "3.0 | 3", "-0 | 0", "-0.0 | 0", "19.90 | 19.9", "1e21 | 1e+21", "1E21 | 1e+21",
        "123456789012345678901 | 123456789012345680000", "0.000001 | 0.000001", "0.0000001 | 1e-7",
        "1.5e-10 | 1.5e-10", "0.1 | 0.1", "100 | 100", "1e2 | 100", "-42.50 | -42.5",
        "5e-324 | 5e-324", "1.7976931348623157e308 | 1.7976931348623157e+308", "0.30000000000000004 | 0.30000000000000004",
        "`\"\\/\"` | `\"/\"`", "`\"\\u00e9\"` | `\"é\"`", "`\"\\u2028\"` | `\"\u2028\"`", "`\"\\u0001\"` | `\"\\u0001\"`",
        "`\"\\u001F\"` | `\"\\u001f\"`", "`\"\\b\\f\\n\\r\\t\"` | `\"\\b\\f\\n\\r\\t\"`", "`\"\\u007f\"` | `\"\u007f\"`",
        "`{\"b\":1,\"2\":2,\"a\":3,\"1\":4}` | `{\"1\":4,\"2\":2,\"b\":1,\"a\":3}`",
        "`[ true , false , null ]` | `[true,false,null]`"
    })
    void writesWhatJavaScriptWrites(String json, String expected) {
        assertThat(JavaScriptJson.stringify(parse(json))).isEqualTo(expected);
    }

    /** Thousands of random strings and numbers, judged by real Node.js. */
    @Test
    void agreesWithNodeOnRandomValues() throws Exception {
        Random random = new Random(20261128);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            texts.add(Json.createValue(randomString(random)).toString());
            texts.add(randomNumber(random));
        }
        texts.add("\"emoji 😀 and quotes \\\" and backslash \\\\ and \\u2028\\u2029 and \\ud83d\\ude00\"");

        JsonArrayBuilder input = Json.createArrayBuilder();
        texts.forEach(input::add);
        Path file = Files.createTempFile("texts", ".json");
        Files.writeString(file, input.build().toString());
        List<String> expected = Json.createReader(new StringReader(NodeOracle.run("stringify.js", file.toString())))
                .readArray().getValuesAs(jakarta.json.JsonString::getString);
        Files.delete(file);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(JavaScriptJson.stringify(parse(texts.get(i)))).as("JSON text %s", texts.get(i)).isEqualTo(expected.get(i));
        }
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            int codePoint = switch (kind) {
                case 0 -> random.nextInt(0x20);                 // control characters
                case 1 -> 0x20 + random.nextInt(0x60);          // ASCII, quotes, backslash, slash
                case 2 -> 0x80 + random.nextInt(0x780);         // Latin-1 and beyond
                case 3 -> 0x2000 + random.nextInt(0x100);       // punctuation incl. U+2028/U+2029
                case 4 -> 0x1F300 + random.nextInt(0x300);      // emoji (surrogate pairs)
                default -> 0xE000 + random.nextInt(0x1000);     // private use, BMP high
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static String randomNumber(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 2 -> Double.toString(Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL));
            case 3 -> random.nextInt(1000) + "." + random.nextInt(100) + "0";
            default -> random.nextInt(10) + "e" + (random.nextInt(60) - 30);
        };
    }

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }
}
