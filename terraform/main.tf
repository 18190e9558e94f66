provider "aws" {
  region = var.region

  default_tags {
    tags = var.tags
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  # The canonical names shared with the controller's configuration, the rehearsal and the release templates
  # (taskdef.json.tpl, appspec.yaml). infra-check's tests pin every one of them; change them there first.
  project_name      = "ecs-canary"
  cluster_name      = "ecs-canary"
  service_name      = "demo-app"
  task_family       = "demo-app"
  container_name    = "demo-app"
  container_port    = 3000
  health_check_path = "/health"
  log_group_name    = "/ecs/demo-app"
  ecr_repository    = "demo-app"

  codedeploy_application_name      = "demo-app"
  codedeploy_deployment_group_name = "demo-app"
  deployment_config_name           = "CodeDeployDefault.ECSLinear10PercentEvery1Minutes"

  alb_name = "ecs-canary"
  target_group_names = {
    blue  = "demo-app-blue"
    green = "demo-app-green"
  }
  production_listener_port = 80
  test_listener_port       = 8080

  alarm_name = "demo-app-success-rate"

  controller_name           = "deploy-controller"
  controller_port           = 8080
  controller_health_path    = "/actuator/health"
  controller_log_group_name = "/ecs/deploy-controller"

  azs = slice(data.aws_availability_zones.available.names, 0, 3)

  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
}
