# The release gate: the share of requests the demo app's targets answered without a 5xx, over the whole
# load balancer, one-minute periods. Two breaching minutes in a row stop the release.
#
# Missing data: the ALB publishes HTTPCode_Target_5XX_Count only for minutes that had a 5xx, so the error
# count is FILLed with 0; a minute without any request has no RequestCount and yields no datapoint, which
# counts as not breaching: no traffic is no evidence of failure (the deploy workflow and the rehearsal
# keep traffic flowing during a release, and task health is CodeDeploy's own failure path).
resource "aws_cloudwatch_metric_alarm" "success_rate" {
  alarm_name          = local.alarm_name
  alarm_description   = "Share of ${local.service_name} requests answered without a target 5xx fell below 99.5% for 2 of 2 minutes"
  comparison_operator = "LessThanThreshold"
  threshold           = 99.5
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"

  metric_query {
    id          = "success_rate"
    expression  = "100 * (1 - FILL(errors, 0) / requests)"
    label       = "Success rate (%)"
    return_data = true
  }

  metric_query {
    id = "requests"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      period      = 60
      stat        = "Sum"
      dimensions = {
        LoadBalancer = aws_lb.this.arn_suffix
      }
    }
  }

  metric_query {
    id = "errors"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      period      = 60
      stat        = "Sum"
      dimensions = {
        LoadBalancer = aws_lb.this.arn_suffix
      }
    }
  }
}
