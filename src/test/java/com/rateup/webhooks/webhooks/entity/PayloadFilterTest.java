package com.rateup.webhooks.webhooks.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter language on payloads as they are sent (#31). Cost: milliseconds. */
class PayloadFilterTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    private static JsonObject payload(int rating, String language) {
        return json("{'tag':'checkout','createdAt':'2026-12-05T10:00:00Z','phone':null,'language':" + (language == null ? "null" : "'" + language + "'")
                + ",'responses':[{'type':'RATING','response':" + rating + ",'title':'Please rate us?'},"
                + "{'type':'TEXT','response':'Fast delivery','title':'Why?'},{'type':'CHOICE','response':['price','speed'],'title':'What mattered?'}]"
                + ",'teamId':'t1','surveyId':'s1'}");
    }

    private static boolean matches(String filter, JsonObject payload) {
        return PayloadFilter.of(json(filter)).orElseThrow().matches(payload);
    }

    @Test
    void theIssuesTwoExamplesMatchWhatTheySay() {
        String unhappy = "{'responses':{'$elemMatch':{'title':'Please rate us?','response':{'$lte':2}}}}";
        assertThat(matches(unhappy, payload(1, "de"))).isTrue();
        assertThat(matches(unhappy, payload(2, "de"))).isTrue();
        assertThat(matches(unhappy, payload(3, "de"))).isFalse();

        String germanSpeaking = "{'language':{'$in':['de','at']}}";
        assertThat(matches(germanSpeaking, payload(5, "at"))).isTrue();
        assertThat(matches(germanSpeaking, payload(5, "en"))).isFalse();
        assertThat(matches(germanSpeaking, payload(5, null))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'tag':'checkout'}                                   | true",
            "{'tag':{'$eq':'checkout'}}                           | true",
            "{'tag':{'$ne':'checkout'}}                           | false",
            "{'phone':null}                                       | true",
            "{'missing':null}                                     | true",
            "{'missing':{'$exists':false}}                        | true",
            "{'phone':{'$exists':true}}                           | true",
            "{'responses.title':'Why?'}                           | true",
            "{'responses.response':'speed'}                       | true",
            "{'responses.response':{'$gt':4}}                     | false",
            "{'responses.response':{'$gte':4}}                    | true",
            "{'responses.response':{'$lt':'G'}}                   | true",
            "{'createdAt':{'$gte':'2026-12-01T00:00:00Z'}}        | true",
            "{'language':{'$nin':['en','fr']}}                    | true",
            "{'language':{'$not':{'$in':['de']}}}                 | false",
            "{'$or':[{'language':'en'},{'tag':'checkout'}]}       | true",
            "{'$and':[{'language':'de'},{'tag':'other'}]}         | false",
            "{'$nor':[{'language':'en'}]}                         | true",
            "{'responses':{'$elemMatch':{'response':{'$elemMatch':{'$eq':'price'}}}}} | true",
            "{'responses':{'$elemMatch':{'type':'RATING','response':{'$gt':4.5}}}} | false",
            "{'responses.response':4.0}                           | true",
            "{'tag':{'$gt':1}}                                    | false",
    })
    void operatorsFollowMongoDbOnThePayload(String filter, boolean expected) {
        assertThat(matches(filter, payload(4, "de"))).as(filter).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'language':{'$regex':'^d'}}                | filter.language.$regex",
            "{'language':{'$in':'de'}}                   | filter.language.$in",
            "{'phone':{'$exists':'yes'}}                 | filter.phone.$exists",
            "{'$or':[]}                                  | filter.$or",
            "{'$or':['de']}                              | filter.$or[0]",
            "{'responses.response':{'$lte':[2]}}         | filter.responses.response.$lte",
            "{'language':{'$eq':'de','other':1}}         | filter.language",
            "{'$where':'1'}                              | filter.$where",
            "{'responses':{'$elemMatch':{'response':{'$lte':{'a':1}}}}} | filter.responses.$elemMatch.response.$lte",
            "{'language':{'$not':'de'}}                  | filter.language.$not",
            "{'':1}                                      | filter.",
    })
    void aBadFilterIsRefusedNamingWhereItIsWrong(String filter, String path) {
        assertThatThrownBy(() -> PayloadFilter.of(json(filter))).isInstanceOf(PayloadFilter.Invalid.class)
                .satisfies(refused -> assertThat(((PayloadFilter.Invalid) refused).path()).isEqualTo(path))
                .hasMessageStartingWith(path + " ");
    }

    @Test
    void nineLevelsAndMoreThanFourKibibytesAreRefused() {
        String deep = "{'a':{'$elemMatch':{'b':{'$elemMatch':{'c':{'$elemMatch':{'d':{'$elemMatch':{'e':{'$not':{'$eq':1}}}}}}}}}}}";
        assertThatThrownBy(() -> PayloadFilter.of(json(deep))).isInstanceOf(PayloadFilter.Invalid.class).hasMessageContaining("deeper than 8");
        String eight = "{'a':{'$elemMatch':{'b':{'$elemMatch':{'c':{'$elemMatch':{'d':{'$eq':1}}}}}}}}";
        assertThat(PayloadFilter.of(json(eight))).isPresent();

        String big = "{'language':{'$in':[" + "'xx',".repeat(900) + "'de']}}";
        assertThatThrownBy(() -> PayloadFilter.of(json(big))).isInstanceOf(PayloadFilter.Invalid.class)
                .hasMessage("filter is longer than 4096 bytes");
    }

    @Test
    void anEmptyFilterIsNoFilterAndAStoredOneReadsBackAsSaved() {
        assertThat(PayloadFilter.of(json("{}"))).isEmpty();
        assertThat(PayloadFilter.ofStored(null)).isEmpty();
        String saved = PayloadFilter.of(json("{'language':{'$in':['de','at']},'tag':'checkout'}")).orElseThrow().text();
        assertThat(saved).isEqualTo("{\"language\":{\"$in\":[\"de\",\"at\"]},\"tag\":\"checkout\"}");
        assertThat(PayloadFilter.ofStored(saved).orElseThrow().json()).isEqualTo(json("{'language':{'$in':['de','at']},'tag':'checkout'}"));
    }
}
