package dev.ecscanary.localaws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.localaws.wire.AwsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricMathTest {

    private static final double NAN = Double.NaN;

    @Test
    void fillReplacesMissingDatapointsBeforeTheArithmetic() {
        Map<String, double[]> series =
                Map.of("errors", new double[] {NAN, 5, NAN}, "requests", new double[] {100, 100, NAN});

        double[] rate = MetricMath.evaluate("100 * (1 - FILL(errors, 0) / requests)", series, 3);

        assertThat(rate[0]).isEqualTo(100.0);
        assertThat(rate[1]).isEqualTo(95.0);
        assertThat(rate[2]).isNaN();
    }

    @Test
    void precedenceAndUnaryMinusFollowArithmetic() {
        double[] value = MetricMath.evaluate("-2 + 3 * (4 - 1) / 9", Map.of(), 1);

        assertThat(value[0]).isEqualTo(-1.0);
    }

    @Test
    void anUnknownIdIsAValidationError() {
        assertThatThrownBy(() -> MetricMath.evaluate("m1 / m2", Map.of("m1", new double[] {1}), 1))
                .isInstanceOfSatisfying(
                        AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"))
                .hasMessageContaining("unknown id 'm2'");
    }
}
