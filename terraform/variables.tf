variable "region" {
  description = "AWS region for every resource. The controller's configuration and the task definition template read it back from the outputs."
  type        = string
  default     = "eu-central-1"
}

variable "tags" {
  description = "Tags added to every resource through the provider's default_tags."
  type        = map(string)
  default = {
    Project   = "ecs-canary"
    ManagedBy = "terraform"
  }
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC. Public subnets take /24s 1-3 of it, private subnets /24s 11-13."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr)) && tonumber(split("/", var.vpc_cidr)[1]) <= 20
    error_message = "vpc_cidr must be an IPv4 CIDR of /20 or larger, so that six /24 subnets fit."
  }
}

variable "production_ingress_cidrs" {
  description = "CIDR blocks allowed to reach the demo app's production listener (port 80)."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "test_ingress_cidrs" {
  description = "CIDR blocks allowed to reach the test listener (port 8080), where a replacement task set answers before it takes production traffic. Empty means only from inside the VPC."
  type        = list(string)
  default     = []
}

variable "demo_app_image" {
  description = "Image of the first task definition revision (for example the ECR repository URL with a tag pushed before the first full apply). Later revisions are registered by the controller; Terraform ignores them."
  type        = string
}

variable "demo_app_cpu" {
  description = "Fargate CPU units of one demo-app task (256 = 0.25 vCPU). The controller's configuration uses the same value (output demo_app_cpu)."
  type        = number
  default     = 256
}

variable "demo_app_memory" {
  description = "Fargate memory of one demo-app task, in MiB; must be valid for demo_app_cpu."
  type        = number
  default     = 512
}

variable "demo_app_desired_count" {
  description = "Number of demo-app tasks. At least 2 so that a 10% step reaches real tasks on both task sets."
  type        = number
  default     = 2

  validation {
    condition     = var.demo_app_desired_count >= 1
    error_message = "demo_app_desired_count must be at least 1."
  }
}

variable "demo_app_environment" {
  description = "Environment variables of the demo app's first task definition revision (for example DATABASE_URL). Keep them equal to the environment in the controller's service configuration, which every later revision gets."
  type        = map(string)
  default     = {}
}

variable "log_retention_days" {
  description = "Retention of the demo app's and the controller's CloudWatch log groups, in days."
  type        = number
  default     = 30
}

variable "blue_termination_wait_minutes" {
  description = "Minutes CodeDeploy keeps the original (blue) task set after all traffic has moved, during which the release can still be rolled back. The deploy client's --bake-minutes should match it."
  type        = number
  default     = 5

  validation {
    condition     = var.blue_termination_wait_minutes >= 0 && var.blue_termination_wait_minutes <= 2880
    error_message = "blue_termination_wait_minutes must be between 0 and 2880 (CodeDeploy's limit)."
  }
}

variable "ecr_force_delete" {
  description = "Whether terraform destroy may delete the ECR repositories while they still hold images."
  type        = bool
  default     = false
}

variable "github_repository" {
  description = "The GitHub repository (owner/name) whose workflows may push images and call the controller."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must look like owner/name."
  }
}

variable "github_branch" {
  description = "The only branch whose workflow runs may assume the deploy role and call the controller."
  type        = string
  default     = "main"
}

variable "github_environment" {
  description = "GitHub environment of the deploy job. When set, the deploy role trusts tokens of that environment (their subject names the environment instead of the branch) and the controller's listener requires it. Empty to use the branch alone."
  type        = string
  default     = "production"
}

variable "create_github_oidc_provider" {
  description = "Whether to create the account's GitHub OIDC provider; false when the account already has one (there can be only one per URL)."
  type        = bool
  default     = true
}

variable "controller_token_audience" {
  description = "Audience of the GitHub OIDC ID token that the deploy workflow presents to the controller; the controller's listener accepts no other."
  type        = string
  default     = "ecs-canary-controller"
}

variable "controller_image" {
  description = "Image of the deploy controller (for example the controller ECR repository URL with a tag)."
  type        = string
}

variable "controller_certificate_arn" {
  description = "ARN of the ACM certificate for the controller's HTTPS listener (the domain named in controller_domain_name)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:acm:", var.controller_certificate_arn))
    error_message = "controller_certificate_arn must be an ACM certificate ARN."
  }
}

variable "controller_domain_name" {
  description = "DNS name covered by the certificate, pointed (CNAME or alias) at the controller's load balancer. It makes the CONTROLLER_URL of the workflow."
  type        = string
}

variable "controller_ingress_cidrs" {
  description = "CIDR blocks allowed to reach the controller's HTTPS listener. GitHub-hosted runners have no fixed addresses, so the default is open and every request must carry a valid GitHub OIDC token."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "controller_cpu" {
  description = "Fargate CPU units of the controller task."
  type        = number
  default     = 512
}

variable "controller_memory" {
  description = "Fargate memory of the controller task, in MiB."
  type        = number
  default     = 1024
}

variable "controller_environment" {
  description = "Further environment variables of the controller (its service configuration, see docs/deploy-to-aws.md). The datasource, region and AWS settings are set by Terraform and cannot be overridden here."
  type        = map(string)
  default     = {}
}

variable "jwks_mirror_alarm_actions" {
  description = "ARNs (for example an SNS topic) notified when the controller's copy of GitHub's OIDC key set goes stale and when it recovers. Empty: the alarm only shows in CloudWatch."
  type        = list(string)
  default     = []
}

variable "controller_db_instance_class" {
  description = "RDS instance class of the controller's PostgreSQL."
  type        = string
  default     = "db.t4g.micro"
}

variable "controller_db_engine_version" {
  description = "PostgreSQL major version of the controller's database."
  type        = string
  default     = "17"
}

variable "controller_db_allocated_storage" {
  description = "Allocated storage of the controller's database, in GiB."
  type        = number
  default     = 20
}

variable "controller_db_multi_az" {
  description = "Whether the controller's database runs with a standby in a second availability zone."
  type        = bool
  default     = false
}

variable "controller_db_deletion_protection" {
  description = "Whether the controller's database is protected from deletion (turn off before terraform destroy)."
  type        = bool
  default     = true
}

variable "demo_app_database_cidrs" {
  description = "CIDR blocks of the PostgreSQL the demo app's DATABASE_URL points at (port 5432); the tasks may reach nothing else. Empty for none."
  type        = list(string)
  default     = []
}
