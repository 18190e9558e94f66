package dev.ecscanary.controller.aws;

/**
 * One adapter operation as the shared fault scenarios drive it.
 *
 * @param name          the AWS operation, e.g. {@code GetDeployment}
 * @param successBody   a realistic answer (JSON, or the inside of the query protocol's {@code <OpResult>})
 * @param rejectionCode a client error the operation can get, e.g. {@code InvalidDeploymentIdException}
 * @param invoke        calls the adapter method that makes this AWS call
 */
public record AwsOperation(
        AwsWireProtocol protocol,
        AwsService service,
        String name,
        String successBody,
        String rejectionCode,
        Runnable invoke) {

    @Override
    public String toString() {
        return name;
    }
}
