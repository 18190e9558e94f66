package dev.ecscanary.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecscanary.controller.analysis.cloudwatch.CloudWatchAlarmReader;
import dev.ecscanary.controller.analysis.cloudwatch.CloudWatchMetricReader;
import dev.ecscanary.controller.analysis.cloudwatch.cbor.CloudWatchWireFormat;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.util.VersionInfo;

/** The controller's CloudWatch adapter that runs here is its source compiled against this module's SDK. */
class ControllerAdapterBuildTest {

    @Test
    void theAdapterIsCompiledHereAgainstTheCurrentSdkWhichSpeaksCbor() {
        assertThat(VersionInfo.SDK_VERSION).isEqualTo("2.59.1");
        assertThat(CloudWatchWireFormat.sdkSpeaksCbor()).isTrue();
        assertThat(location(CloudWatchAlarmReader.class)).endsWith("/aws-conformance/target/test-classes/");
        assertThat(location(CloudWatchMetricReader.class)).endsWith("/aws-conformance/target/test-classes/");
    }

    private static String location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().getPath();
    }
}
