package com.rateup.webhooks.surveys.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionTypeTest {

    @ParameterizedTest(name = "{0} accepts {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Rating | 1", "Rating | 5", "Rating | 3.0", "Rating | null",
        "NPS | 0", "NPS | 10",
        "Smiley | `\"Happy\"`", "Smiley | `\"Very unhappy\"`",
        "Text | `\"é😀 \\\" \\\\ \\u2028\"`", "Choice | `\"Blue\"`",
        "MultiChoice | `[\"a\",\"b\"]`", "MultiChoice | `[]`",
        "YesNo | true", "YesNo | false",
        "Number | -12.5e3", "Number | 0"
    })
    void accepts(QuestionType type, String json) {
        assertThat(type.problemWith(parse(json))).isEmpty();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Rating | 0", "Rating | 6", "Rating | 2.5", "Rating | `\"3\"`", "Rating | true",
        "NPS | -1", "NPS | 11", "NPS | `[]`",
        "Smiley | `\"happy-ish\"`", "Smiley | 3",
        "Text | 3", "Text | `\"\\ud800\"`", "Choice | false",
        "MultiChoice | `\"a\"`", "MultiChoice | `[1]`", "MultiChoice | `[\"a\",null]`",
        "YesNo | `\"yes\"`", "YesNo | 1",
        "Number | `\"1\"`", "Number | 1e400"
    })
    void refuses(QuestionType type, String json) {
        assertThat(type.problemWith(parse(json))).isPresent();
    }

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }
}
