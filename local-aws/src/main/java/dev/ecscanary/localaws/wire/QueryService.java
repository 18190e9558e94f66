package dev.ecscanary.localaws.wire;

/** One awsQuery service: form-encoded {@code Action=...&Version=...}, XML answers in the service's namespace. */
public interface QueryService {

    /** The SigV4 signing name that the credential scope carries (monitoring, elasticloadbalancing). */
    String signingName();

    String version();

    String xmlNamespace();

    String serverErrorCode();

    boolean supports(String action);

    /** Writes the children of {@code <ActionResult>}. */
    void handle(String action, QueryParams params, Xml result);
}
