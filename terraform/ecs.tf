resource "aws_ecs_cluster" "this" {
  name = local.cluster_name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "demo_app" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
}

locals {
  # The same container as taskdef.json.tpl renders (infra-check compares the two): Terraform registers only
  # the first revision, the controller every later one.
  demo_app_container = {
    name      = local.container_name
    image     = var.demo_app_image
    essential = true
    portMappings = [{
      containerPort = local.container_port
      protocol      = "tcp"
    }]
    environment = concat(
      [
        { name = "PORT", value = tostring(local.container_port) },
        { name = "APP_VERSION", value = "bootstrap" },
        { name = "APP_IMAGE", value = var.demo_app_image },
      ],
      [for name, value in var.demo_app_environment : { name = name, value = value }],
    )
    # The demo image is an Eclipse Temurin JRE image, which ships curl.
    healthCheck = {
      command     = ["CMD-SHELL", "curl -fsS -o /dev/null http://localhost:${local.container_port}${local.health_check_path} || exit 1"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 60
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.demo_app.name
        awslogs-region        = var.region
        awslogs-stream-prefix = local.container_name
      }
    }
  }
}

resource "aws_ecs_task_definition" "demo_app" {
  family                   = local.task_family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(var.demo_app_cpu)
  memory                   = tostring(var.demo_app_memory)
  execution_role_arn       = aws_iam_role.task_execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.demo_app_container])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_service" "demo_app" {
  name                              = local.service_name
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.demo_app.arn
  desired_count                     = var.demo_app_desired_count
  launch_type                       = "FARGATE"
  platform_version                  = "LATEST"
  health_check_grace_period_seconds = 60
  propagate_tags                    = "SERVICE"

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = local.container_name
    container_port   = local.container_port
  }

  # The service must not start before its listeners exist, or CodeDeploy's first deployment finds no route.
  depends_on = [aws_lb_listener.production, aws_lb_listener.test]

  lifecycle {
    # Exactly what each CodeDeploy release changes: the task definition, and the target group the service's
    # primary task set sits behind (blue or green). desired_count stays Terraform's: nothing here scales it.
    ignore_changes = [task_definition, load_balancer]
  }
}
