package dev.ecscanary.localaws.wire;

/**
 * The wire protocols of the four services, named as the service models' {@code metadata.protocols} name them
 * (botocore {@code data/<service>/<version>/service-2.json}).
 */
public enum Protocol {
    /** {@code smithy-rpc-v2-cbor}: {@code POST /service/<ServiceName>/operation/<Op>}, CBOR bodies. */
    RPC_V2_CBOR,
    /** {@code json} with {@code jsonVersion} 1.0 or 1.1: {@code X-Amz-Target: <targetPrefix>.<Op>}. */
    AWS_JSON,
    /** {@code query}: form-encoded {@code Action=<Op>&Version=<apiVersion>}, XML answers. */
    AWS_QUERY
}
