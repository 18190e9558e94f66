package dev.ecscanary.localaws.wire;

import java.util.Map;
import java.util.Set;

/**
 * How one service is addressed on the wire, from its service model's metadata.
 *
 * @param signingName     SigV4 signing name (the credential scope's service): tells query requests apart
 * @param targetPrefix    the model's {@code targetPrefix}: X-Amz-Target prefix and the CBOR path's service name
 * @param jsonVersion     the model's {@code jsonVersion} ("1.0" or "1.1"), null without AWS JSON
 * @param apiVersion      the model's {@code apiVersion}, the query protocol's {@code Version}
 * @param xmlNamespace    the query protocol's response namespace, null without AWS Query
 * @param protocols       the protocols the service accepts
 * @param serverErrorCode the code of the service's own 5xx (ECS ServerException, CloudWatch InternalServiceError)
 * @param errorShapes     for a query-compatible service ({@code awsQueryCompatible}): query error code → the
 *                        model's error shape name, sent as {@code __type} by JSON and CBOR; codes not listed are
 *                        sent as they are
 */
public record ServiceSpec(
        String signingName,
        String targetPrefix,
        String jsonVersion,
        String apiVersion,
        String xmlNamespace,
        Set<Protocol> protocols,
        String serverErrorCode,
        Map<String, String> errorShapes) {

    public boolean speaks(Protocol protocol) {
        return protocols.contains(protocol);
    }

    /** A service that also speaks query keeps query's error codes on every protocol (awsQueryCompatible). */
    public boolean queryCompatible() {
        return speaks(Protocol.AWS_QUERY);
    }

    /** Throttling's code: {@code Throttling} in the query dialect, {@code ThrottlingException} in JSON's. */
    public String throttlingCode() {
        return queryCompatible() ? "Throttling" : "ThrottlingException";
    }

    public String errorShape(String code) {
        return errorShapes.getOrDefault(code, code);
    }
}
