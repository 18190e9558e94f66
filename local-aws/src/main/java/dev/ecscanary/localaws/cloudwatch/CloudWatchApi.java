package dev.ecscanary.localaws.cloudwatch;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.AwsService;
import dev.ecscanary.localaws.wire.Input;
import dev.ecscanary.localaws.wire.Json;
import dev.ecscanary.localaws.wire.Operations;
import dev.ecscanary.localaws.wire.Protocol;
import dev.ecscanary.localaws.wire.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudWatch (2010-08-01): DescribeAlarms and GetMetricData, in each protocol its service model lists
 * ({@code smithy-rpc-v2-cbor}, {@code json} 1.0, {@code query}; {@code awsQueryCompatible}).
 */
public final class CloudWatchApi implements AwsService {

    /** Query error code → the model's error shape, which JSON and CBOR send as {@code __type}. */
    private static final Map<String, String> ERROR_SHAPES = Map.of(
            "InternalServiceError", "InternalServiceFault",
            "InvalidParameterValue", "InvalidParameterValueException",
            "InvalidParameterCombination", "InvalidParameterCombinationException",
            "MissingParameter", "MissingRequiredParameterException",
            "LimitExceeded", "LimitExceededFault",
            "Throttling", "ThrottlingException",
            "ValidationError", "ValidationException");

    private static final ServiceSpec SPEC = new ServiceSpec(
            "monitoring",
            "GraniteServiceVersion20100801",
            "1.0",
            "2010-08-01",
            "http://monitoring.amazonaws.com/doc/2010-08-01/",
            Set.of(Protocol.RPC_V2_CBOR, Protocol.AWS_JSON, Protocol.AWS_QUERY),
            "InternalServiceError",
            ERROR_SHAPES);

    private final Alarms alarms;
    private final MetricDataOperation metricData;
    private final Operations operations;

    public CloudWatchApi(Alarms alarms, MetricStore store) {
        this.alarms = alarms;
        this.metricData = new MetricDataOperation(new MetricQueries(store));
        this.operations = Operations.builder()
                .add("DescribeAlarms", this::describeAlarms)
                .add("GetMetricData", metricData::handle)
                .build();
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public Operations operations() {
        return operations;
    }

    private ObjectNode describeAlarms(Input input) {
        List<String> names = input.strings("AlarmNames");
        if (names.size() > 100) {
            throw AwsException.client(
                    "ValidationError",
                    "1 validation error detected: Value at 'alarmNames' failed to satisfy "
                            + "constraint: Member must have length less than or equal to 100");
        }
        int maxRecords = maxRecords(input.integer("MaxRecords"));
        List<String> types = input.strings("AlarmTypes");
        String prefix = input.text("AlarmNamePrefix");
        String state = input.text("StateValue");
        List<MetricAlarm> matching = alarms.all().stream()
                .filter(a -> types.isEmpty() || types.contains("MetricAlarm"))
                .filter(a -> names.isEmpty() || names.contains(a.name()))
                .filter(a -> prefix == null || a.name().startsWith(prefix))
                .filter(a -> state == null || state.equals(a.state().value()))
                .toList();
        int from = decodeToken(input.text("NextToken"), matching.size());
        List<MetricAlarm> page = matching.subList(from, Math.min(matching.size(), from + maxRecords));
        ObjectNode output = Json.object();
        ArrayNode metricAlarms = output.putArray("MetricAlarms");
        page.forEach(alarm -> metricAlarms.add(AlarmOutput.of(alarm)));
        output.putArray("CompositeAlarms");
        if (from + page.size() < matching.size()) {
            output.put("NextToken", encodeToken(from + page.size()));
        }
        return output;
    }

    private static int maxRecords(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > 100) {
            throw AwsException.client(
                    "ValidationError",
                    "1 validation error detected: Value '" + requested
                            + "' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 100");
        }
        return requested;
    }

    private static String encodeToken(int offset) {
        return Base64.getEncoder().encodeToString(("alarms:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeToken(String token, int size) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            int offset = Integer.parseInt(text.substring("alarms:".length()));
            if (!text.startsWith("alarms:") || offset < 0 || offset > size) {
                throw new IllegalArgumentException(text);
            }
            return offset;
        } catch (RuntimeException e) {
            throw AwsException.client("InvalidNextToken", "The service couldn't process the NextToken.");
        }
    }
}
