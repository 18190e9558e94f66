# The demo app's load balancer: a production listener and a test listener, each forwarding to one of the
# two target groups. CodeDeploy swaps the listeners' target groups during a release, so Terraform creates
# the default actions and then leaves them to CodeDeploy.

resource "aws_security_group" "alb" {
  name        = local.alb_name
  description = "Demo app load balancer: production and test listeners in, tasks out"
  vpc_id      = aws_vpc.this.id

  tags = {
    Name = local.alb_name
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb_production" {
  for_each = toset(var.production_ingress_cidrs)

  security_group_id = aws_security_group.alb.id
  description       = "Production listener"
  ip_protocol       = "tcp"
  from_port         = local.production_listener_port
  to_port           = local.production_listener_port
  cidr_ipv4         = each.value
}

resource "aws_vpc_security_group_ingress_rule" "alb_test" {
  for_each = toset(concat([aws_vpc.this.cidr_block], var.test_ingress_cidrs))

  security_group_id = aws_security_group.alb.id
  description       = "Test listener"
  ip_protocol       = "tcp"
  from_port         = local.test_listener_port
  to_port           = local.test_listener_port
  cidr_ipv4         = each.value
}

resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Requests and health checks to the demo app tasks"
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
  referenced_security_group_id = aws_security_group.tasks.id
}

resource "aws_security_group" "tasks" {
  name        = "${local.service_name}-tasks"
  description = "Demo app tasks: traffic only from the load balancer, out only to AWS endpoints"
  vpc_id      = aws_vpc.this.id

  tags = {
    Name = "${local.service_name}-tasks"
  }
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_alb" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "Only the load balancer reaches the container port"
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_egress_rule" "tasks_to_endpoints" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "HTTPS to the VPC interface endpoints (ECR, logs)"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.endpoints.id
}

resource "aws_vpc_security_group_egress_rule" "tasks_to_s3" {
  security_group_id = aws_security_group.tasks.id
  description       = "HTTPS to S3 through the gateway endpoint (image layers)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id
}

resource "aws_lb" "this" {
  name                       = local.alb_name
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.alb.id]
  subnets                    = aws_subnet.public[*].id
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "blue" {
  name                 = local.target_group_names.blue
  port                 = local.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = aws_vpc.this.id
  deregistration_delay = 30

  health_check {
    path                = local.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_target_group" "green" {
  name                 = local.target_group_names.green
  port                 = local.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = aws_vpc.this.id
  deregistration_delay = 30

  health_check {
    path                = local.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "production" {
  load_balancer_arn = aws_lb.this.arn
  port              = local.production_listener_port
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue.arn
  }

  lifecycle {
    # CodeDeploy moves this listener between the blue and the green target group on every release.
    ignore_changes = [default_action]
  }
}

resource "aws_lb_listener" "test" {
  load_balancer_arn = aws_lb.this.arn
  port              = local.test_listener_port
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.blue.arn
  }

  lifecycle {
    ignore_changes = [default_action]
  }
}

resource "aws_vpc_security_group_egress_rule" "tasks_to_database" {
  for_each = toset(var.demo_app_database_cidrs)

  security_group_id = aws_security_group.tasks.id
  description       = "PostgreSQL of the demo app"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = each.value
}
