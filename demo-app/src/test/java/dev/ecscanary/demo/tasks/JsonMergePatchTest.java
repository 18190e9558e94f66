package dev.ecscanary.demo.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.demo.support.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The test cases of RFC 7396, Appendix A. */
class JsonMergePatchTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a":"b"}              | {"a":"c"}            | {"a":"c"}
            {"a":"b"}              | {"b":"c"}            | {"a":"b","b":"c"}
            {"a":"b"}              | {"a":null}           | {}
            {"a":"b","b":"c"}      | {"a":null}           | {"b":"c"}
            {"a":["b"]}            | {"a":"c"}            | {"a":"c"}
            {"a":"c"}              | {"a":["b"]}          | {"a":["b"]}
            {"a":{"b":"c"}}        | {"a":{"b":"d","c":null}} | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}      | {"a":[1]}            | {"a":[1]}
            ["a","b"]              | ["c","d"]            | ["c","d"]
            {"a":"b"}              | ["c"]                | ["c"]
            {"a":"foo"}            | null                 | null
            {"a":"foo"}            | "bar"                | "bar"
            {"e":null}             | {"a":1}              | {"e":null,"a":1}
            [1,2]                  | {"a":"b","c":null}   | {"a":"b"}
            {}                     | {"a":{"bb":{"ccc":null}}} | {"a":{"bb":{}}}
            """)
    void appliesThePatchAsTheRfcSpecifies(String target, String patch, String expected) {
        JsonNode targetNode = Http.parse(target);
        JsonNode result = JsonMergePatch.apply(targetNode, Http.parse(patch));

        assertThat(result).isEqualTo(Http.parse(expected));
        assertThat(targetNode).as("the target is left as it was").isEqualTo(Http.parse(target));
    }
}
