locals {
  # What Fargate tasks need to start without a NAT gateway (image pulls: ecr.api, ecr.dkr and S3 for the
  # layers; logs for the awslogs driver; secretsmanager for the controller's database password), and the
  # APIs the controller calls (codedeploy, ecs, monitoring = CloudWatch, elasticloadbalancing, sts).
  interface_endpoint_services = toset([
    "ecr.api",
    "ecr.dkr",
    "logs",
    "secretsmanager",
    "codedeploy",
    "ecs",
    "monitoring",
    "elasticloadbalancing",
    "sts",
  ])
}

resource "aws_security_group" "endpoints" {
  name        = "${local.project_name}-endpoints"
  description = "VPC interface endpoints: HTTPS from inside the VPC only"
  vpc_id      = aws_vpc.this.id

  tags = {
    Name = "${local.project_name}-endpoints"
  }
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  security_group_id = aws_security_group.endpoints.id
  description       = "HTTPS from inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.this.cidr_block
}

resource "aws_vpc_endpoint" "interface" {
  for_each = local.interface_endpoint_services

  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true

  tags = {
    Name = "${local.project_name}-${each.key}"
  }
}

# No endpoint policy, so the default one allows every request through. A policy added here must still let
# the image layers (ECR's bucket) and the anonymous GetObject of the mirrored key set (jwks_mirror.tf) pass,
# whose bucket policy in turn admits only requests that come through this endpoint.
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]

  tags = {
    Name = "${local.project_name}-s3"
  }
}
