package dev.ecscanary.controller.analysis.cloudwatch.cbor;

/**
 * Which wire format the CloudWatch client on the classpath speaks: AWS Query up to SDK 2.40.5, Smithy RPC v2 CBOR
 * from 2.40.7 (its client is built on {@code SmithyRpcV2CborProtocolFactory}). The CloudWatch wire tests run in
 * the format the SDK speaks, so moving the SDK version needs no test change.
 */
public final class CloudWatchWireFormat {

    private static final boolean CBOR =
            present("software.amazon.awssdk.protocols.rpcv2.SmithyRpcV2CborProtocolFactory");

    private CloudWatchWireFormat() {}

    public static boolean sdkSpeaksCbor() {
        return CBOR;
    }

    public static boolean sdkSpeaksQuery() {
        return !CBOR;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, CloudWatchWireFormat.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
