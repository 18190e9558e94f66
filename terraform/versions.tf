terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.25 has every argument used here, the ALB listener rule's `jwt_validation` action included.
      version = ">= 6.25.0, < 7.0.0"
    }
    archive = {
      source = "hashicorp/archive"
      # Packages the JWKS mirror's Lambda function (jwks_mirror.tf); 2.7 has every argument used there.
      version = ">= 2.7.0, < 3.0.0"
    }
  }
}
