package dev.ecscanary.localaws.wire;

/**
 * An error as AWS reports it: a code (without the SDK's {@code Exception} suffix for query services, with it for
 * JSON services, exactly as the service puts it on the wire), an HTTP status, and who is at fault.
 */
public class AwsException extends RuntimeException {

    private final String code;
    private final int status;

    public AwsException(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public static AwsException client(String code, String message) {
        return new AwsException(code, 400, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** Query protocol's {@code Error/Type}: Sender for 4xx, Receiver for 5xx. */
    public String faultType() {
        return status >= 500 ? "Receiver" : "Sender";
    }
}
