package dev.ecscanary.localaws.cloudwatch;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.QueryParams;
import dev.ecscanary.localaws.wire.QueryService;
import dev.ecscanary.localaws.wire.Xml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CloudWatch (awsQuery, 2010-08-01, as SDK 2.40.2 speaks it): DescribeAlarms and GetMetricData. */
public final class CloudWatchApi implements QueryService {

    private final Alarms alarms;
    private final MetricQueries queries;

    public CloudWatchApi(Alarms alarms, MetricStore store) {
        this.alarms = alarms;
        this.queries = new MetricQueries(store);
    }

    @Override
    public String signingName() {
        return "monitoring";
    }

    @Override
    public String version() {
        return "2010-08-01";
    }

    @Override
    public String xmlNamespace() {
        return "http://monitoring.amazonaws.com/doc/2010-08-01/";
    }

    @Override
    public String serverErrorCode() {
        return "InternalServiceError";
    }

    @Override
    public boolean supports(String action) {
        return Set.of("DescribeAlarms", "GetMetricData").contains(action);
    }

    @Override
    public void handle(String action, QueryParams params, Xml result) {
        if (action.equals("DescribeAlarms")) {
            describeAlarms(params, result);
        } else {
            getMetricData(params, result);
        }
    }

    private void describeAlarms(QueryParams params, Xml result) {
        List<String> names = params.strings("AlarmNames");
        if (names.size() > 100) {
            throw AwsException.client(
                    "ValidationError",
                    "1 validation error detected: Value at 'alarmNames' failed to satisfy "
                            + "constraint: Member must have length less than or equal to 100");
        }
        int maxRecords = maxRecords(params.integer("MaxRecords"));
        List<String> types = params.strings("AlarmTypes");
        String prefix = params.get("AlarmNamePrefix");
        String state = params.get("StateValue");
        List<MetricAlarm> matching = alarms.all().stream()
                .filter(a -> types.isEmpty() || types.contains("MetricAlarm"))
                .filter(a -> names.isEmpty() || names.contains(a.name()))
                .filter(a -> prefix == null || a.name().startsWith(prefix))
                .filter(a -> state == null || state.equals(a.state().value()))
                .toList();
        int from = decodeToken(params.get("NextToken"), matching.size());
        List<MetricAlarm> page = matching.subList(from, Math.min(matching.size(), from + maxRecords));
        result.members("MetricAlarms", page, AlarmXml::write);
        result.members("CompositeAlarms", List.<String>of(), (x, none) -> {});
        if (from + page.size() < matching.size()) {
            result.element("NextToken", encodeToken(from + page.size()));
        }
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

    private void getMetricData(QueryParams params, Xml result) {
        Instant start = params.instant("StartTime");
        Instant end = params.instant("EndTime");
        if (!start.isBefore(end)) {
            throw AwsException.client(
                    "ValidationError", "The parameter StartTime must be less than the parameter EndTime.");
        }
        List<MetricQuery> requested = params.structures("MetricDataQueries").stream()
                .map(CloudWatchApi::query)
                .toList();
        if (requested.size() > 500) {
            throw AwsException.client(
                    "ValidationError", "The collection MetricDataQueries must not have a size greater than 500.");
        }
        boolean ascending = "TimestampAscending".equals(params.get("ScanBy"));
        MetricQueries.Result evaluated = queries.evaluate(requested, start, end);
        result.members(
                "MetricDataResults",
                requested.stream().filter(MetricQuery::returnData).toList(),
                (xml, query) -> {
                    double[] values = evaluated.values().get(query.id());
                    List<Integer> slots = new ArrayList<>();
                    for (int i = 0; i < values.length; i++) {
                        if (!Double.isNaN(values[i])) {
                            slots.add(ascending ? slots.size() : 0, i);
                        }
                    }
                    xml.element("Id", query.id())
                            .element("Label", query.labelOrDefault())
                            .members(
                                    "Timestamps",
                                    slots,
                                    (x, i) -> x.raw(Xml.timestamp(evaluated.slots()[i])))
                            .members("Values", slots, (x, i) -> x.raw(AlarmEvaluator.format(values[i])))
                            .element("StatusCode", "Complete")
                            .members("Messages", List.<String>of(), (x, none) -> {});
                });
        result.members("Messages", List.<String>of(), (x, none) -> {});
    }

    static MetricQuery query(QueryParams q) {
        MetricKey metric = null;
        String stat = null;
        Integer period = q.integer("Period");
        if (q.has("MetricStat")) {
            QueryParams m = q.scope("MetricStat");
            Map<String, String> dimensions = new LinkedHashMap<>();
            m.scope("Metric")
                    .structures("Dimensions")
                    .forEach(d -> dimensions.put(d.required("Name"), d.required("Value")));
            metric = new MetricKey(m.required("Metric.Namespace"), m.required("Metric.MetricName"), dimensions);
            stat = m.required("Stat");
            period = m.integer("Period");
            if (period == null || period <= 0 || (period >= 60 && period % 60 != 0)) {
                throw AwsException.client(
                        "ValidationError",
                        "The parameter MetricStat.Period must be 1, 5, 10, 20, 30, 60, or any multiple of 60.");
            }
        }
        return new MetricQuery(
                q.get("Id"), metric, stat, period, q.get("Expression"), q.get("Label"), q.bool("ReturnData", true));
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
