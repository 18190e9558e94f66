package dev.ecscanary.controller.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two wire protocols the controller's SDK 2.40.2 clients speak, as WireMock sees them: awsJson 1.1
 * (CodeDeploy, ECS: operation in X-Amz-Target) and awsQuery (ELBv2, CloudWatch: operation in the form body).
 */
public enum AwsWireProtocol {
    CODEDEPLOY_JSON("CodeDeploy_20141006", null),
    ECS_JSON("AmazonEC2ContainerServiceV20141113", null),
    CLOUDWATCH_QUERY(null, "http://monitoring.amazonaws.com/doc/2010-08-01/"),
    ELBV2_QUERY(null, "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/");

    public static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
    public static final String QUERY_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private final String targetPrefix;
    private final String xmlNamespace;

    AwsWireProtocol(String targetPrefix, String xmlNamespace) {
        this.targetPrefix = targetPrefix;
        this.xmlNamespace = xmlNamespace;
    }

    public boolean isJson() {
        return targetPrefix != null;
    }

    public MappingBuilder stubFor(String operation) {
        return isJson()
                ? post("/").withHeader("X-Amz-Target", equalTo(targetPrefix + "." + operation))
                : post("/").withRequestBody(containing("Action=" + operation + "&"));
    }

    public RequestPatternBuilder requestsOf(String operation) {
        return isJson()
                ? postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(targetPrefix + "." + operation))
                : postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + operation + "&"));
    }

    /** A successful answer: JSON as is, or query XML wrapped in {@code <OpResponse><OpResult>}. */
    public ResponseDefinitionBuilder ok(String operation, String body) {
        if (isJson()) {
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON_CONTENT_TYPE)
                    .withBody(body);
        }
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody("<" + operation + "Response xmlns=\"" + xmlNamespace + "\">"
                        + "<" + operation + "Result>" + body + "</" + operation + "Result>"
                        + "<ResponseMetadata><RequestId>5a1b9a3c-0000-4000-8000-000000000001</RequestId></ResponseMetadata>"
                        + "</" + operation + "Response>");
    }

    /** An error as the service sends it: JSON {@code __type}, or query {@code <ErrorResponse><Error><Code>}. */
    public ResponseDefinitionBuilder error(int status, String code, String message) {
        if (isJson()) {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", JSON_CONTENT_TYPE)
                    .withBody("{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
        }
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withBody(
                        "<ErrorResponse xmlns=\"" + xmlNamespace + "\"><Error><Type>"
                                + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + code + "</Code><Message>"
                                + message
                                + "</Message></Error><RequestId>5a1b9a3c-0000-4000-8000-000000000002</RequestId></ErrorResponse>");
    }

    /** The throttling error code of the protocol: awsJson services say ThrottlingException, awsQuery ones Throttling. */
    public String throttlingCode() {
        return isJson() ? "ThrottlingException" : "Throttling";
    }

    /** A form body ({@code a=1&b=2}) as an ordered map, decoded. */
    public static Map<String, String> formParameters(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
