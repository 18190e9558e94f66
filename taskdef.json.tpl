{
  "family": "{{family}}",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "{{cpu}}",
  "memory": "{{memory}}",
  "executionRoleArn": "{{executionRoleArn}}",
  "taskRoleArn": "{{taskRoleArn}}",
  "runtimePlatform": {
    "operatingSystemFamily": "LINUX",
    "cpuArchitecture": "X86_64"
  },
  "containerDefinitions": [
    {
      "name": "{{containerName}}",
      "image": "{{image}}",
      "essential": true,
      "portMappings": [
        {
          "containerPort": {{containerPort}},
          "protocol": "tcp"
        }
      ],
      "environment": [
        {"name": "PORT", "value": "{{containerPort}}"},
        {"name": "APP_VERSION", "value": "{{appVersion}}"},
        {"name": "APP_IMAGE", "value": "{{image}}"}{{#environment}},
        {"name": "{{name}}", "value": "{{value}}"}{{/environment}}
      ],
      "healthCheck": {
        "command": ["CMD-SHELL", "curl -fsS -o /dev/null http://localhost:{{containerPort}}/health || exit 1"],
        "interval": 15,
        "timeout": 5,
        "retries": 3,
        "startPeriod": 60
      },
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "{{logGroup}}",
          "awslogs-region": "{{region}}",
          "awslogs-stream-prefix": "{{containerName}}"
        }
      }
    }
  ]
}
