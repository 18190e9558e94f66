# The deploy controller in AWS: one Fargate task in the private subnets, its PostgreSQL on RDS (password
# managed by RDS in Secrets Manager), and a public HTTPS load balancer for GitHub-hosted runners.
#
# GitHub-hosted runners have no fixed addresses, so the listener is open to the internet and admits only
# requests that carry a GitHub Actions OIDC ID token: the load balancer checks its signature against
# GitHub's published keys and its audience, repository and branch claims before forwarding, and only the
# deployments API is routed at all. The controller checks the token again, against the copy of the same keys
# that jwks_mirror.tf keeps in S3 (the private subnets have no route to GitHub).

locals {
  github_oidc_issuer   = "https://token.actions.githubusercontent.com"
  github_oidc_jwks_url = "${local.github_oidc_issuer}/.well-known/jwks"

  # The demo-app entry of the controller's `controller.services` map.
  demo_app_service_configuration = {
    cluster           = aws_ecs_cluster.this.name
    ecsService        = aws_ecs_service.demo_app.name
    application       = aws_codedeploy_app.this.name
    deploymentGroup   = aws_codedeploy_deployment_group.this.deployment_group_name
    deploymentConfig  = aws_codedeploy_deployment_group.this.deployment_config_name
    containerName     = local.container_name
    containerPort     = local.container_port
    alarms            = [aws_cloudwatch_metric_alarm.success_rate.alarm_name]
    environments      = var.github_environment == "" ? [] : [var.github_environment]
    imageRepositories = [aws_ecr_repository.this.repository_url]
    variables = {
      family           = aws_ecs_task_definition.demo_app.family
      cpu              = tostring(var.demo_app_cpu)
      memory           = tostring(var.demo_app_memory)
      executionRoleArn = aws_iam_role.task_execution.arn
      taskRoleArn      = aws_iam_role.task.arn
      logGroup         = aws_cloudwatch_log_group.demo_app.name
      region           = var.region
      environment      = var.demo_app_environment
    }
  }

  # What the controller is configured with (Spring's `controller.*` properties); see docs/deploy-to-aws.md.
  controller_configuration = {
    controller = {
      aws = {
        region = var.region
      }
      services = zipmap([local.service_name], [local.demo_app_service_configuration])
      # GitHub Actions OIDC ID tokens under a claim policy: only this repository's branch (and environment)
      # may release the demo app. The task in this stack reads the issuer's keys from the mirror
      # (CONTROLLER_SECURITY_OIDC_JWKSURI below); a controller run elsewhere fetches them from GitHub.
      security = {
        oidc = {
          audience = var.controller_token_audience
        }
        policy = [{
          name = "deploy-workflow"
          match = {
            repository  = var.github_repository
            ref         = "refs/heads/${var.github_branch}"
            environment = var.github_environment == "" ? null : var.github_environment
          }
          services     = [local.service_name]
          environments = var.github_environment == "" ? [] : [var.github_environment]
        }]
      }
    }
  }

  # What Terraform sets in the controller task's environment; controller_environment cannot override it.
  controller_task_settings = {
    SERVER_PORT                = tostring(local.controller_port)
    AWS_REGION                 = var.region
    SPRING_DATASOURCE_URL      = "jdbc:postgresql://${aws_db_instance.controller.address}:${aws_db_instance.controller.port}/${aws_db_instance.controller.db_name}?sslmode=require"
    SPRING_DATASOURCE_USERNAME = aws_db_instance.controller.username
    SPRING_APPLICATION_JSON    = jsonencode(local.controller_configuration)
    # controller.security.oidc.jwks-uri: GitHub's key set, from the mirror in S3 (jwks_mirror.tf).
    CONTROLLER_SECURITY_OIDC_JWKSURI = local.jwks_mirror_url
  }
  controller_task_environment = merge(var.controller_environment, local.controller_task_settings)
}

# --- Database -------------------------------------------------------------------------------------------

resource "aws_security_group" "controller_db" {
  name        = "${local.controller_name}-db"
  description = "Controller PostgreSQL: only from the controller tasks"
  vpc_id      = aws_vpc.this.id

  tags = {
    Name = "${local.controller_name}-db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "controller_db_from_controller" {
  security_group_id            = aws_security_group.controller_db.id
  description                  = "PostgreSQL from the controller tasks"
  ip_protocol                  = "tcp"
  from_port                    = aws_db_instance.controller.port
  to_port                      = aws_db_instance.controller.port
  referenced_security_group_id = aws_security_group.controller.id
}

resource "aws_db_subnet_group" "controller" {
  name        = local.controller_name
  description = "Private subnets of the controller database"
  subnet_ids  = aws_subnet.private[*].id
}

resource "aws_db_instance" "controller" {
  identifier     = local.controller_name
  engine         = "postgres"
  engine_version = var.controller_db_engine_version
  instance_class = var.controller_db_instance_class

  allocated_storage = var.controller_db_allocated_storage
  storage_type      = "gp3"
  storage_encrypted = true

  db_name  = "controller"
  username = "controller"
  # RDS generates the password and keeps it in Secrets Manager; it never appears in Terraform's state.
  manage_master_user_password = true

  db_subnet_group_name   = aws_db_subnet_group.controller.name
  vpc_security_group_ids = [aws_security_group.controller_db.id]
  publicly_accessible    = false
  multi_az               = var.controller_db_multi_az

  backup_retention_period   = 7
  deletion_protection       = var.controller_db_deletion_protection
  skip_final_snapshot       = false
  final_snapshot_identifier = "${local.controller_name}-final"
  apply_immediately         = false
}

# --- Roles ----------------------------------------------------------------------------------------------

resource "aws_iam_role" "controller_execution" {
  name               = "${local.controller_name}-execution"
  description        = "ECS agent role of the controller task: image pull, logs, database password"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "controller_execution" {
  role       = aws_iam_role.controller_execution.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "controller_execution_secret" {
  statement {
    sid       = "ReadDatabasePassword"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_db_instance.controller.master_user_secret[0].secret_arn]
  }
}

resource "aws_iam_role_policy" "controller_execution_secret" {
  name   = "database-password"
  role   = aws_iam_role.controller_execution.id
  policy = data.aws_iam_policy_document.controller_execution_secret.json
}

resource "aws_iam_role" "controller" {
  name               = local.controller_name
  description        = "Role the deploy controller runs as: exactly the AWS calls it makes"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "controller" {
  name   = "release-demo-app"
  role   = aws_iam_role.controller.id
  policy = data.aws_iam_policy_document.controller.json
}

# --- Task and service -----------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "controller" {
  name              = local.controller_log_group_name
  retention_in_days = var.log_retention_days
}

resource "aws_security_group" "controller" {
  name        = "${local.controller_name}-tasks"
  description = "Controller tasks: from the controller load balancer; out to AWS endpoints and the database"
  vpc_id      = aws_vpc.this.id

  tags = {
    Name = "${local.controller_name}-tasks"
  }
}

resource "aws_vpc_security_group_ingress_rule" "controller_from_alb" {
  security_group_id            = aws_security_group.controller.id
  description                  = "API from the controller load balancer"
  ip_protocol                  = "tcp"
  from_port                    = local.controller_port
  to_port                      = local.controller_port
  referenced_security_group_id = aws_security_group.controller_alb.id
}

resource "aws_vpc_security_group_egress_rule" "controller_to_endpoints" {
  security_group_id            = aws_security_group.controller.id
  description                  = "HTTPS to the VPC interface endpoints (AWS APIs, ECR, logs, Secrets Manager)"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.endpoints.id
}

resource "aws_vpc_security_group_egress_rule" "controller_to_s3" {
  security_group_id = aws_security_group.controller.id
  description       = "HTTPS to S3 through the gateway endpoint (image layers, the mirrored GitHub OIDC key set)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id
}

resource "aws_vpc_security_group_egress_rule" "controller_to_db" {
  security_group_id            = aws_security_group.controller.id
  description                  = "PostgreSQL"
  ip_protocol                  = "tcp"
  from_port                    = aws_db_instance.controller.port
  to_port                      = aws_db_instance.controller.port
  referenced_security_group_id = aws_security_group.controller_db.id
}

resource "aws_ecs_task_definition" "controller" {
  family                   = local.controller_name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(var.controller_cpu)
  memory                   = tostring(var.controller_memory)
  execution_role_arn       = aws_iam_role.controller_execution.arn
  task_role_arn            = aws_iam_role.controller.arn

  container_definitions = jsonencode([{
    name      = local.controller_name
    image     = var.controller_image
    essential = true
    portMappings = [{
      containerPort = local.controller_port
      protocol      = "tcp"
    }]
    environment = [
      for name in keys(local.controller_task_environment) : { name = name, value = local.controller_task_environment[name] }
    ]
    secrets = [{
      name      = "SPRING_DATASOURCE_PASSWORD"
      valueFrom = "${aws_db_instance.controller.master_user_secret[0].secret_arn}:password::"
    }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.controller.name
        awslogs-region        = var.region
        awslogs-stream-prefix = local.controller_name
      }
    }
  }])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_service" "controller" {
  name                              = local.controller_name
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.controller.arn
  desired_count                     = 1
  launch_type                       = "FARGATE"
  platform_version                  = "LATEST"
  health_check_grace_period_seconds = 120

  # One controller at a time: a new revision replaces the old task instead of running beside it, so two
  # reconcilers never act on the same release.
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.controller.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.controller.arn
    container_name   = local.controller_name
    container_port   = local.controller_port
  }

  depends_on = [aws_lb_listener.controller]
}

# --- HTTPS entry for the runners ------------------------------------------------------------------------

resource "aws_security_group" "controller_alb" {
  name        = "${local.controller_name}-alb"
  description = "Controller load balancer: HTTPS in, controller tasks out"
  vpc_id      = aws_vpc.this.id

  tags = {
    Name = "${local.controller_name}-alb"
  }
}

resource "aws_vpc_security_group_ingress_rule" "controller_alb_https" {
  for_each = toset(var.controller_ingress_cidrs)

  security_group_id = aws_security_group.controller_alb.id
  description       = "HTTPS from the CI runners"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = each.value
}

resource "aws_vpc_security_group_egress_rule" "controller_alb_to_controller" {
  security_group_id            = aws_security_group.controller_alb.id
  description                  = "Requests and health checks to the controller tasks"
  ip_protocol                  = "tcp"
  from_port                    = local.controller_port
  to_port                      = local.controller_port
  referenced_security_group_id = aws_security_group.controller.id
}

resource "aws_vpc_security_group_egress_rule" "controller_alb_to_jwks" {
  security_group_id = aws_security_group.controller_alb.id
  description       = "HTTPS to the GitHub OIDC key set, for the JWT validation of the listener"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_lb" "controller" {
  name                       = "${local.project_name}-controller"
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.controller_alb.id]
  subnets                    = aws_subnet.public[*].id
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "controller" {
  name                 = "${local.project_name}-controller"
  port                 = local.controller_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = aws_vpc.this.id
  deregistration_delay = 30

  health_check {
    path                = local.controller_health_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "controller" {
  load_balancer_arn = aws_lb.controller.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.controller_certificate_arn

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      message_body = jsonencode({ title = "Not Found", status = 404 })
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "controller_deployments_api" {
  listener_arn = aws_lb_listener.controller.arn
  priority     = 10

  action {
    type  = "jwt-validation"
    order = 1

    jwt_validation {
      issuer        = local.github_oidc_issuer
      jwks_endpoint = local.github_oidc_jwks_url

      additional_claim {
        format = "single-string"
        name   = "aud"
        values = [var.controller_token_audience]
      }

      additional_claim {
        format = "single-string"
        name   = "repository"
        values = [var.github_repository]
      }

      additional_claim {
        format = "single-string"
        name   = "ref"
        values = ["refs/heads/${var.github_branch}"]
      }

      dynamic "additional_claim" {
        for_each = var.github_environment == "" ? [] : [var.github_environment]

        content {
          format = "single-string"
          name   = "environment"
          values = [additional_claim.value]
        }
      }
    }
  }

  action {
    type             = "forward"
    order            = 2
    target_group_arn = aws_lb_target_group.controller.arn
  }

  condition {
    path_pattern {
      values = ["/api/deployments", "/api/deployments/*"]
    }
  }
}
