# Exactly the AWS operations the controller's code calls (infra-check parses its sources and this file, and
# fails on an operation missing here as well as on one granted that the code never calls), each on the
# resources it manages wherever the action supports resource-level permissions; "*" only where the Service
# Authorization Reference lists no resource type for the action. No wildcard actions.

locals {
  deployment_config_arn = "arn:${local.partition}:codedeploy:${var.region}:${local.account_id}:deploymentconfig:${local.deployment_config_name}"
}

data "aws_iam_policy_document" "controller" {
  statement {
    sid = "CodeDeployOnTheDeploymentGroup"
    actions = [
      "codedeploy:CreateDeployment",
      "codedeploy:GetDeployment",
      "codedeploy:GetDeploymentGroup",
      "codedeploy:ListDeployments",
      "codedeploy:BatchGetDeployments",
    ]
    resources = [aws_codedeploy_deployment_group.this.arn]
  }

  # CreateDeployment is authorized against these too: the deployment configuration it names and the
  # application revision (the AppSpec content) it registers. The controller never calls them itself.
  statement {
    sid       = "CodeDeployCreateDeploymentReadsItsConfig"
    actions   = ["codedeploy:GetDeploymentConfig"]
    resources = [local.deployment_config_arn]
  }

  statement {
    sid = "CodeDeployCreateDeploymentRegistersTheRevision"
    actions = [
      "codedeploy:RegisterApplicationRevision",
      "codedeploy:GetApplicationRevision",
    ]
    resources = [aws_codedeploy_app.this.arn]
  }

  statement {
    sid = "CodeDeployActionsWithoutResourceTypes"
    actions = [
      "codedeploy:StopDeployment",
      "codedeploy:ContinueDeployment",
      "codedeploy:BatchGetDeploymentTargets",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "RegisterTaskDefinition"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "DescribeTheService"
    actions   = ["ecs:DescribeServices"]
    resources = [aws_ecs_service.demo_app.arn]
  }

  # A task definition names the two roles its tasks run with; registering it passes them to ECS.
  statement {
    sid     = "PassTheTaskRoles"
    actions = ["iam:PassRole"]
    resources = [
      aws_iam_role.task_execution.arn,
      aws_iam_role.task.arn,
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }

  statement {
    sid       = "ReadTheReleaseAlarm"
    actions   = ["cloudwatch:DescribeAlarms"]
    resources = [aws_cloudwatch_metric_alarm.success_rate.arn]
  }

  statement {
    sid       = "ReadMetrics"
    actions   = ["cloudwatch:GetMetricData"]
    resources = ["*"]
  }

  statement {
    sid = "ReadLoadBalancerState"
    actions = [
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTargetHealth",
    ]
    resources = ["*"]
  }
}
