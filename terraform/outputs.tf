output "region" {
  description = "AWS region of everything below."
  value       = var.region
}

output "cluster_name" {
  description = "ECS cluster (controller: controller.services.demo-app.cluster)."
  value       = aws_ecs_cluster.this.name
}

output "service_name" {
  description = "ECS service released by the controller (controller.services.demo-app.ecsService; the deploy client's --service)."
  value       = aws_ecs_service.demo_app.name
}

output "task_family" {
  description = "Task definition family (template variable family)."
  value       = aws_ecs_task_definition.demo_app.family
}

output "container_name" {
  description = "Container that serves traffic (containerName in the controller's configuration and both templates)."
  value       = local.container_name
}

output "container_port" {
  description = "Port of that container, as the load balancer reaches it (containerPort)."
  value       = local.container_port
}

output "demo_app_cpu" {
  description = "Task CPU units (template variable cpu)."
  value       = tostring(var.demo_app_cpu)
}

output "demo_app_memory" {
  description = "Task memory in MiB (template variable memory)."
  value       = tostring(var.demo_app_memory)
}

output "log_group_name" {
  description = "CloudWatch Logs group of the demo app (template variable logGroup)."
  value       = aws_cloudwatch_log_group.demo_app.name
}

output "task_execution_role_arn" {
  description = "Role ECS uses to pull the image and write logs (template variable executionRoleArn)."
  value       = aws_iam_role.task_execution.arn
}

output "task_role_arn" {
  description = "Role the demo app runs as (template variable taskRoleArn)."
  value       = aws_iam_role.task.arn
}

output "codedeploy_application_name" {
  description = "CodeDeploy application (controller.services.demo-app.application)."
  value       = aws_codedeploy_app.this.name
}

output "codedeploy_deployment_group_name" {
  description = "CodeDeploy deployment group (controller.services.demo-app.deploymentGroup)."
  value       = aws_codedeploy_deployment_group.this.deployment_group_name
}

output "deployment_config_name" {
  description = "CodeDeploy deployment configuration (controller.services.demo-app.deploymentConfig)."
  value       = aws_codedeploy_deployment_group.this.deployment_config_name
}

output "alarm_name" {
  description = "The success-rate alarm that gates every release (controller.services.demo-app.alarms)."
  value       = aws_cloudwatch_metric_alarm.success_rate.alarm_name
}

output "target_group_names" {
  description = "Blue and green target groups."
  value = {
    blue  = aws_lb_target_group.blue.name
    green = aws_lb_target_group.green.name
  }
}

output "production_listener_arn" {
  description = "Production listener of the demo app's load balancer."
  value       = aws_lb_listener.production.arn
}

output "test_listener_arn" {
  description = "Test listener of the demo app's load balancer."
  value       = aws_lb_listener.test.arn
}

output "demo_app_url" {
  description = "Production URL of the demo app."
  value       = "http://${aws_lb.this.dns_name}"
}

output "ecr_repository_url" {
  description = "ECR repository of the demo app image (repository variable ECR_REPOSITORY is its name; controller.services.demo-app.imageRepositories)."
  value       = aws_ecr_repository.this.repository_url
}

output "ecr_repository_name" {
  description = "Name of the demo app's ECR repository (repository variable ECR_REPOSITORY)."
  value       = aws_ecr_repository.this.name
}

output "controller_ecr_repository_url" {
  description = "ECR repository for the controller's own image (variable controller_image)."
  value       = aws_ecr_repository.controller.repository_url
}

output "controller_url" {
  description = "Base URL of the controller for the workflow (repository variable CONTROLLER_URL)."
  value       = "https://${var.controller_domain_name}"
}

output "controller_alb_dns_name" {
  description = "DNS name to point controller_domain_name at (CNAME or alias record)."
  value       = aws_lb.controller.dns_name
}

output "controller_token_audience" {
  description = "Audience of the OIDC ID token the workflow sends to the controller (repository variable CONTROLLER_AUDIENCE)."
  value       = var.controller_token_audience
}

output "controller_jwks_uri" {
  description = "Where the controller in this stack reads GitHub's OIDC key set (controller.security.oidc.jwks-uri, set as CONTROLLER_SECURITY_OIDC_JWKSURI): the mirror's S3 object, readable only through this VPC's S3 gateway endpoint."
  value       = local.jwks_mirror_url
}

output "jwks_mirror_function_name" {
  description = "Lambda function that refreshes the key set mirror; `aws lambda invoke --function-name <name> out.json` refreshes it at once."
  value       = aws_lambda_function.jwks_mirror.function_name
}

output "jwks_mirror_alarm_name" {
  description = "Alarm that fires when the key set mirror has not been refreshed for a while."
  value       = aws_cloudwatch_metric_alarm.jwks_mirror_stale.alarm_name
}

output "controller_role_arn" {
  description = "Role the controller runs as."
  value       = aws_iam_role.controller.arn
}

output "controller_database_secret_arn" {
  description = "Secrets Manager secret holding the controller database's password (managed by RDS)."
  value       = aws_db_instance.controller.master_user_secret[0].secret_arn
}

output "github_deploy_role_arn" {
  description = "Role the deploy workflow assumes with its OIDC token (repository variable AWS_DEPLOY_ROLE_ARN)."
  value       = aws_iam_role.github_deploy.arn
}

output "controller_configuration" {
  description = "The controller's `controller.*` configuration for the demo-app service, as the controller task receives it in SPRING_APPLICATION_JSON."
  value       = local.controller_configuration
}

output "controller_application_yaml" {
  description = "The same configuration as an application.yaml, for a controller run outside this stack."
  value       = yamlencode(local.controller_configuration)
}
