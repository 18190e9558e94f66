package dev.ecscanary.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.localaws.support.LocalAwsFixture;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORGenerator;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.cbor.CBORParser;

/**
 * CloudWatch's three protocols on the wire, byte for byte where clients depend on it: Smithy RPC v2 CBOR
 * (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html), AWS JSON 1.0 (X-Amz-Target
 * GraniteServiceVersion20100801) and the query-compatible error headers both carry. The SDK- and boto3-driven
 * checks are in aws-conformance; these pin what those clients read.
 */
class CloudWatchProtocolsTest {

    private static final String SIGNED =
            "AWS4-HMAC-SHA256 Credential=AKID/20261204/eu-central-1/monitoring/aws4_request, "
                    + "SignedHeaders=host, Signature=0";
    private static final CBORMapper CBOR = CBORMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalAwsFixture fixture;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        fixture = LocalAwsFixture.start(60, false);
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.close();
        fixture.close();
    }

    @Test
    void cborAnswersInCborWithTagOneTimestamps() throws Exception {
        byte[] input = CBOR.writeValueAsBytes(
                CBOR.createObjectNode().set("AlarmNames", CBOR.createArrayNode().add("demo-app-success-rate")));

        HttpResponse<byte[]> response = cbor("DescribeAlarms", input);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/cbor");
        assertThat(response.headers().firstValue("Smithy-Protocol")).hasValue("rpc-v2-cbor");
        JsonNode alarm = CBOR.readTree(response.body()).get("MetricAlarms").get(0);
        assertThat(alarm.get("AlarmName").asString()).isEqualTo("demo-app-success-rate");
        assertThat(alarm.get("Threshold").isDouble()).isTrue();
        assertThat(alarm.get("EvaluationPeriods").isIntegralNumber()).isTrue();
        assertThat(tagOf(response.body(), "StateUpdatedTimestamp")).isEqualTo(1);
        Instant updated = Instant.ofEpochMilli(
                Math.round(alarm.get("StateUpdatedTimestamp").doubleValue() * 1000));
        assertThat(updated).isBetween(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now());
    }

    @Test
    void cborErrorsCarryTypeAndTheQueryCode() throws Exception {
        byte[] input = CBOR.writeValueAsBytes(CBOR.createObjectNode().put("NextToken", "garbage"));

        HttpResponse<byte[]> response = cbor("DescribeAlarms", input);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-query-error")).hasValue("InvalidNextToken;Sender");
        assertThat(CBOR.readTree(response.body()).get("__type").asString()).isEqualTo("InvalidNextToken");
    }

    @Test
    void cborTimestampsInTheRequestAreRead() throws Exception {
        JsonNode query = CBOR.createObjectNode().put("Id", "one").put("Expression", "1");
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        try (CBORGenerator generator = (CBORGenerator) CBOR.createGenerator(input)) {
            generator.writeStartObject();
            generator.writeName("StartTime");
            generator.writeTag(1);
            generator.writeNumber(Instant.now().minusSeconds(300).toEpochMilli() / 1000.0);
            generator.writeName("EndTime");
            generator.writeTag(1);
            generator.writeNumber(Instant.now().toEpochMilli() / 1000.0);
            generator.writeName("MetricDataQueries");
            generator.writeStartArray();
            generator.writeTree(query);
            generator.writeEndArray();
            generator.writeEndObject();
        }

        HttpResponse<byte[]> response = cbor("GetMetricData", input.toByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CBOR.readTree(response.body())
                        .get("MetricDataResults")
                        .get(0)
                        .get("Id")
                        .asString())
                .isEqualTo("one");
    }

    @Test
    void anUnknownCborOperationIsUnknownOperationException() throws Exception {
        HttpResponse<byte[]> response = cbor("PutMetricAlarm", CBOR.writeValueAsBytes(CBOR.createObjectNode()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(CBOR.readTree(response.body()).get("__type").asString()).isEqualTo("UnknownOperationException");
    }

    @Test
    void awsJsonOneZeroAnswersWithEpochSecondsAndQueryCompatibleErrors() throws Exception {
        HttpResponse<String> ok = json("DescribeAlarms", "{\"AlarmNames\":[\"demo-app-success-rate\"]}");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        JsonNode alarm = JSON.readTree(ok.body()).get("MetricAlarms").get(0);
        assertThat(alarm.get("StateUpdatedTimestamp").isNumber()).isTrue();

        HttpResponse<String> error = json("DescribeAlarms", "{\"MaxRecords\":500}");

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.headers().firstValue("x-amzn-query-error")).hasValue("ValidationError;Sender");
        assertThat(JSON.readTree(error.body()).get("__type").asString()).isEqualTo("ValidationException");
    }

    private HttpResponse<byte[]> cbor(String operation, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(fixture.aws.endpoint()
                                + "/service/GraniteServiceVersion20100801/operation/" + operation))
                        .header("Smithy-Protocol", "rpc-v2-cbor")
                        .header("Content-Type", "application/cbor")
                        .header("Accept", "application/cbor")
                        .header("Authorization", SIGNED)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> json(String operation, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(fixture.aws.endpoint()))
                        .header("X-Amz-Target", "GraniteServiceVersion20100801." + operation)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("Authorization", SIGNED)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int tagOf(byte[] body, String name) {
        try (JsonParser parser = CBOR.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && name.equals(parser.currentName())) {
                    parser.nextToken();
                    return ((CBORParser) parser).getCurrentTag();
                }
            }
        }
        throw new AssertionError("no member " + name);
    }
}
