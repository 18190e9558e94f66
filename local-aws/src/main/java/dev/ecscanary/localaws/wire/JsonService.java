package dev.ecscanary.localaws.wire;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One awsJson 1.1 service: requests arrive with {@code X-Amz-Target: <targetPrefix>.<Operation>}. */
public interface JsonService {

    String targetPrefix();

    /** The error code this service uses for its own 5xx (ECS: ServerException). */
    String serverErrorCode();

    boolean supports(String operation);

    ObjectNode handle(String operation, JsonNode request);
}
