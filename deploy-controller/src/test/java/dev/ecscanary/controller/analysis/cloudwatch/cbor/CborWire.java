package dev.ecscanary.controller.analysis.cloudwatch.cbor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.cbor.CBORParser;

/**
 * CloudWatch in Smithy RPC v2 CBOR as WireMock sees it (https://smithy.io/2.0/additional-specs/protocols/
 * smithy-rpc-v2.html): {@code POST /service/GraniteServiceVersion20100801/operation/<Op>}, CBOR maps with the
 * model's member names, timestamps as tag 1 over epoch seconds, errors with {@code __type} and (CloudWatch being
 * awsQueryCompatible) the query code in {@code x-amzn-query-error}.
 */
final class CborWire {

    private static final String PATH = "/service/GraniteServiceVersion20100801/operation/";
    private static final CBORMapper MAPPER = CBORMapper.builder().build();

    private CborWire() {}

    static MappingBuilder stubFor(String operation) {
        return post(urlEqualTo(PATH + operation)).withHeader("smithy-protocol", equalTo("rpc-v2-cbor"));
    }

    static RequestPatternBuilder requestsOf(String operation) {
        return postRequestedFor(urlEqualTo(PATH + operation));
    }

    static ResponseDefinitionBuilder ok(Map<String, ?> output) {
        return aResponse()
                .withStatus(200)
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor")
                .withBody(encode(output));
    }

    static ResponseDefinitionBuilder error(int status, String shape, String queryCode) {
        return aResponse()
                .withStatus(status)
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withHeader("Content-Type", "application/cbor")
                .withHeader("x-amzn-query-error", queryCode + ";" + (status >= 500 ? "Receiver" : "Sender"))
                .withBody(encode(Map.of("__type", shape, "message", "stubbed " + queryCode)));
    }

    static JsonNode decode(byte[] body) {
        return MAPPER.readTree(body);
    }

    /** The CBOR tag on the value of the first member called {@code name}, or -1 when it has none. */
    static int tagOf(byte[] body, String name) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && name.equals(parser.currentName())) {
                    parser.nextToken();
                    return ((CBORParser) parser).getCurrentTag();
                }
            }
        }
        throw new AssertionError("no member " + name);
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            write(generator, value);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator out, Object value) {
        switch (value) {
            case Map<?, ?> map -> {
                out.writeStartObject();
                map.forEach((key, member) -> {
                    out.writeName((String) key);
                    write(out, member);
                });
                out.writeEndObject();
            }
            case List<?> list -> {
                out.writeStartArray();
                list.forEach(element -> write(out, element));
                out.writeEndArray();
            }
            case Instant instant -> {
                ((CBORGenerator) out).writeTag(1);
                out.writeNumber(instant.toEpochMilli() / 1000.0);
            }
            case Integer number -> out.writeNumber(number);
            case Double number -> out.writeNumber(number);
            case Boolean bool -> out.writeBoolean(bool);
            default -> out.writeString(value.toString());
        }
    }
}
