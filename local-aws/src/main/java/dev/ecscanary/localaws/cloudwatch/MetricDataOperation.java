package dev.ecscanary.localaws.cloudwatch;

import dev.ecscanary.localaws.wire.AwsException;
import dev.ecscanary.localaws.wire.Input;
import dev.ecscanary.localaws.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** GetMetricData: MetricStat queries and metric-math expressions over one period grid. */
final class MetricDataOperation {

    private final MetricQueries queries;

    MetricDataOperation(MetricQueries queries) {
        this.queries = queries;
    }

    ObjectNode handle(Input input) {
        Instant start = input.instant("StartTime");
        Instant end = input.instant("EndTime");
        if (!start.isBefore(end)) {
            throw AwsException.client(
                    "ValidationError", "The parameter StartTime must be less than the parameter EndTime.");
        }
        List<MetricQuery> requested = input.structures("MetricDataQueries").stream()
                .map(MetricDataOperation::query)
                .toList();
        if (requested.size() > 500) {
            throw AwsException.client(
                    "ValidationError", "The collection MetricDataQueries must not have a size greater than 500.");
        }
        boolean ascending = "TimestampAscending".equals(input.text("ScanBy"));
        MetricQueries.Result evaluated = queries.evaluate(requested, start, end);
        ObjectNode output = Json.object();
        ArrayNode results = output.putArray("MetricDataResults");
        requested.stream()
                .filter(MetricQuery::returnData)
                .forEach(query -> results.add(result(query, evaluated, ascending)));
        output.putArray("Messages");
        return output;
    }

    private static ObjectNode result(MetricQuery query, MetricQueries.Result evaluated, boolean ascending) {
        double[] values = evaluated.values().get(query.id());
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                slots.add(ascending ? slots.size() : 0, i);
            }
        }
        ObjectNode result = Json.object().put("Id", query.id()).put("Label", query.labelOrDefault());
        ArrayNode timestamps = result.putArray("Timestamps");
        ArrayNode points = result.putArray("Values");
        for (int slot : slots) {
            timestamps.addPOJO(evaluated.slots()[slot]);
            points.add(values[slot]);
        }
        result.put("StatusCode", "Complete").putArray("Messages");
        return result;
    }

    static MetricQuery query(Input q) {
        MetricKey metric = null;
        String stat = null;
        Integer period = q.integer("Period");
        if (q.has("MetricStat")) {
            Input m = q.structure("MetricStat");
            Input key = m.structure("Metric");
            Map<String, String> dimensions = new LinkedHashMap<>();
            key.structures("Dimensions").forEach(d -> dimensions.put(d.required("Name"), d.required("Value")));
            metric = new MetricKey(key.required("Namespace"), key.required("MetricName"), dimensions);
            stat = m.required("Stat");
            period = m.integer("Period");
            if (period == null || period <= 0 || (period >= 60 && period % 60 != 0)) {
                throw AwsException.client(
                        "ValidationError",
                        "The parameter MetricStat.Period must be 1, 5, 10, 20, 30, 60, or any multiple of 60.");
            }
        }
        return new MetricQuery(
                q.text("Id"), metric, stat, period, q.text("Expression"), q.text("Label"), q.bool("ReturnData", true));
    }
}
