# GitHub's OIDC key set, mirrored into S3 for the controller.
#
# The controller verifies every GitHub Actions ID token against GitHub's published keys (a JWKS), but it runs in
# private subnets with no route to the internet. A small function outside the VPC fetches the key set on a
# schedule (and once per apply that changes it), checks that it is a usable set of RSA signing keys, and only
# then writes it to one object in a private bucket. The controller reads that object anonymously over HTTPS
# through the VPC's S3 gateway endpoint, the only way the bucket policy lets anyone read it.
#
# The price: the copy can lag GitHub by up to a minute (EventBridge's shortest rate), during which a token
# signed with a key GitHub has only just published is refused. A run costs one Lambda invocation and one S3
# PUT, about 44,000 of each a month: cents. See docs/deploy-to-aws.md, "GitHub's key set, mirrored".

locals {
  jwks_mirror_name       = "${local.project_name}-jwks-mirror"
  jwks_mirror_log_group  = "/aws/lambda/${local.jwks_mirror_name}"
  jwks_mirror_key        = "github-actions/jwks.json"
  jwks_mirror_object_arn = "${aws_s3_bucket.jwks_mirror.arn}/${local.jwks_mirror_key}"
  # Regional virtual-hosted style: the name resolves to S3 addresses in the gateway endpoint's prefix list.
  jwks_mirror_url = "https://${aws_s3_bucket.jwks_mirror.bucket_regional_domain_name}/${local.jwks_mirror_key}"
}

# --- The bucket -----------------------------------------------------------------------------------------
#
# Versioning stays off: the object is a copy of public data that the function rewrites on every run, a bad
# copy is never written (the function validates first), and a wrong but valid one is replaced by the next
# run. Versions would pile up by the thousand a day for nothing; which key ids were published when is in the
# function's log group.

resource "aws_s3_bucket" "jwks_mirror" {
  bucket = "${local.jwks_mirror_name}-${local.account_id}-${var.region}"
  # Nothing in it is worth keeping on destroy: the next run rebuilds it from GitHub.
  force_destroy = true
}

resource "aws_s3_bucket_ownership_controls" "jwks_mirror" {
  bucket = aws_s3_bucket.jwks_mirror.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "jwks_mirror" {
  bucket = aws_s3_bucket.jwks_mirror.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# SSE-S3, not SSE-KMS: the controller reads without credentials, and an anonymous request cannot use a KMS key.
resource "aws_s3_bucket_server_side_encryption_configuration" "jwks_mirror" {
  bucket = aws_s3_bucket.jwks_mirror.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

data "aws_iam_policy_document" "jwks_mirror_bucket" {
  # Anyone may read the one object, but only through this VPC's S3 gateway endpoint: that is how the controller
  # reads it without credentials. A fixed aws:SourceVpce makes the policy non-public in S3's sense, so Block
  # Public Access, all four settings on, lets it stand.
  statement {
    sid       = "ReadTheKeySetOnlyThroughTheVpcEndpoint"
    actions   = ["s3:GetObject"]
    resources = [local.jwks_mirror_object_arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = [aws_vpc_endpoint.s3.id]
    }
  }

  statement {
    sid       = "DenyRequestsWithoutTls"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.jwks_mirror.arn, "${aws_s3_bucket.jwks_mirror.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "jwks_mirror" {
  bucket = aws_s3_bucket.jwks_mirror.id
  policy = data.aws_iam_policy_document.jwks_mirror_bucket.json

  # S3 checks a new policy against the bucket's Block Public Access settings: those come first.
  depends_on = [aws_s3_bucket_public_access_block.jwks_mirror]
}

# --- The function ---------------------------------------------------------------------------------------

data "archive_file" "jwks_mirror" {
  type             = "zip"
  source_file      = "${path.module}/jwks-mirror/mirror.py"
  output_path      = "${path.module}/.terraform/build/jwks-mirror.zip"
  output_file_mode = "0644"
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "jwks_mirror" {
  name               = local.jwks_mirror_name
  description        = "JWKS mirror function: writes GitHub's OIDC key set to its one S3 object, and its own logs"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "jwks_mirror" {
  statement {
    sid       = "WriteTheMirroredKeySet"
    actions   = ["s3:PutObject"]
    resources = [local.jwks_mirror_object_arn]
  }

  statement {
    sid = "WriteItsOwnLogs"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]
    resources = ["${aws_cloudwatch_log_group.jwks_mirror.arn}:*"]
  }
}

resource "aws_iam_role_policy" "jwks_mirror" {
  name   = "mirror-github-jwks"
  role   = aws_iam_role.jwks_mirror.id
  policy = data.aws_iam_policy_document.jwks_mirror.json
}

resource "aws_cloudwatch_log_group" "jwks_mirror" {
  name              = local.jwks_mirror_log_group
  retention_in_days = var.log_retention_days
}

# Outside the VPC on purpose (no vpc_config): Lambda's own network reaches GitHub, and nothing in the VPC gains
# a way out.
resource "aws_lambda_function" "jwks_mirror" {
  function_name    = local.jwks_mirror_name
  description      = "Copies GitHub Actions' OIDC key set into S3 for the deploy controller"
  role             = aws_iam_role.jwks_mirror.arn
  filename         = data.archive_file.jwks_mirror.output_path
  source_code_hash = data.archive_file.jwks_mirror.output_base64sha256
  handler          = "mirror.handler"
  runtime          = "python3.13"
  architectures    = ["arm64"]
  memory_size      = 128
  timeout          = 30

  environment {
    variables = {
      JWKS_SOURCE_URL = local.github_oidc_jwks_url
      MIRROR_BUCKET   = aws_s3_bucket.jwks_mirror.id
      MIRROR_KEY      = local.jwks_mirror_key
    }
  }

  # Its log group and its permissions exist before its first run.
  depends_on = [aws_cloudwatch_log_group.jwks_mirror, aws_iam_role_policy.jwks_mirror]
}

# The next scheduled run is the retry: a failed run is not repeated, and a run that waited longer than a
# minute to start is dropped.
resource "aws_lambda_function_event_invoke_config" "jwks_mirror" {
  function_name                = aws_lambda_function.jwks_mirror.function_name
  maximum_retry_attempts       = 0
  maximum_event_age_in_seconds = 60
}

resource "aws_cloudwatch_event_rule" "jwks_mirror" {
  name                = local.jwks_mirror_name
  description         = "Refresh the deploy controller's copy of GitHub's OIDC key set"
  schedule_expression = "rate(1 minute)"
}

resource "aws_cloudwatch_event_target" "jwks_mirror" {
  rule = aws_cloudwatch_event_rule.jwks_mirror.name
  arn  = aws_lambda_function.jwks_mirror.arn
}

resource "aws_lambda_permission" "jwks_mirror_schedule" {
  statement_id  = "RefreshOnSchedule"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.jwks_mirror.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.jwks_mirror.arn
}

# One run while applying, whenever the function's code or settings change: the copy exists before the
# controller first needs it, and a mirror that cannot work fails the apply with the function's own error.
resource "aws_lambda_invocation" "jwks_mirror" {
  function_name = aws_lambda_function.jwks_mirror.function_name
  input         = jsonencode({ reason = "terraform apply" })

  triggers = {
    code        = data.archive_file.jwks_mirror.output_base64sha256
    environment = sha256(jsonencode(aws_lambda_function.jwks_mirror.environment))
  }

  depends_on = [
    aws_s3_bucket_policy.jwks_mirror,
    aws_s3_bucket_server_side_encryption_configuration.jwks_mirror,
    aws_s3_bucket_ownership_controls.jwks_mirror,
  ]
}

# --- Staleness --------------------------------------------------------------------------------------------

# Successful runs are the function's invocations minus its errors (an exception, a timeout): every failure,
# whether GitHub did not answer, answered something unusable or S3 refused the write, is an error, and a
# schedule that stopped firing has no invocations at all (missing data counts as breaching). It fires after 15
# minutes without a single success, so a short GitHub hiccup pages nobody.
resource "aws_cloudwatch_metric_alarm" "jwks_mirror_stale" {
  alarm_name          = "${local.jwks_mirror_name}-stale"
  alarm_description   = "The controller's copy of GitHub's OIDC key set has not been refreshed for 15 minutes. The controller keeps the last good copy and refuses tokens signed with any key GitHub published since. Why: log group ${local.jwks_mirror_log_group}."
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  evaluation_periods  = 15
  datapoints_to_alarm = 15
  treat_missing_data  = "breaching"
  alarm_actions       = var.jwks_mirror_alarm_actions
  ok_actions          = var.jwks_mirror_alarm_actions

  metric_query {
    id          = "refreshes"
    expression  = "FILL(runs, 0) - FILL(failures, 0)"
    label       = "Successful refreshes"
    return_data = true
  }

  metric_query {
    id = "runs"

    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Invocations"
      period      = 60
      stat        = "Sum"
      dimensions = {
        FunctionName = aws_lambda_function.jwks_mirror.function_name
      }
    }
  }

  metric_query {
    id = "failures"

    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Errors"
      period      = 60
      stat        = "Sum"
      dimensions = {
        FunctionName = aws_lambda_function.jwks_mirror.function_name
      }
    }
  }
}
