data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# Pulls the image from ECR and writes the awslogs stream: what ECS itself does for a demo-app task.
resource "aws_iam_role" "task_execution" {
  name               = "${local.service_name}-task-execution"
  description        = "ECS agent role of demo-app tasks: image pull and logs"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "task_execution" {
  role       = aws_iam_role.task_execution.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

# The application's own role; the demo app calls no AWS API, so it holds no policy yet.
resource "aws_iam_role" "task" {
  name               = "${local.service_name}-task"
  description        = "Application role of demo-app tasks"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "codedeploy_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["codedeploy.amazonaws.com"]
    }
  }
}

# CodeDeploy's service role for ECS blue/green: task sets, listener rules, alarm reads.
resource "aws_iam_role" "codedeploy" {
  name               = "${local.codedeploy_application_name}-codedeploy"
  description        = "CodeDeploy service role for ECS blue/green releases of demo-app"
  assume_role_policy = data.aws_iam_policy_document.codedeploy_assume.json
}

resource "aws_iam_role_policy_attachment" "codedeploy" {
  role       = aws_iam_role.codedeploy.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AWSCodeDeployRoleForECS"
}
