# Kafka event source mappings with on-failure destinations. Open this file to see the checks:
# hover an argument, complete inside a mapping block, and try the quick fixes.

resource "aws_msk_cluster" "orders" {
  cluster_name           = "orders"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = var.subnets
    security_groups = [var.security_group]
  }
}

resource "aws_sqs_queue" "orders_dlq" {
  name = "orders-consumer-failures"
}

resource "aws_lambda_function" "orders" {
  function_name = "orders-consumer"
  role          = aws_iam_role.orders.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "orders.zip"
}

# Good: a queue destination the role may send to (iam.tf grants sqs:SendMessage).
resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn  = aws_msk_cluster.orders.arn
  function_name     = aws_lambda_function.orders.arn
  topics            = [var.orders_topic]
  starting_position = "TRIM_HORIZON"
  batch_size        = 500

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.orders_dlq.arn
    }
  }
}

# Problems: the queue's URL instead of its ARN, and a batch size above 10000.
resource "aws_lambda_event_source_mapping" "payments" {
  event_source_arn  = aws_msk_cluster.orders.arn
  function_name     = aws_lambda_function.orders.arn
  topics            = ["payments"]
  starting_position = "LATEST"
  batch_size        = 20000

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.orders_dlq.url
    }
  }
}

# Problems: a kafka:// destination needs provisioned mode and a topic other than the source
# (it also needs version of the AWS provider that accepts kafka://: hashicorp/terraform-provider-aws PR #45802).
resource "aws_lambda_event_source_mapping" "refunds" {
  event_source_arn  = aws_msk_cluster.orders.arn
  function_name     = aws_lambda_function.orders.arn
  topics            = [local.refunds_topic]
  starting_position = "LATEST"

  destination_config {
    on_failure {
      destination_arn = "kafka://${local.refunds_topic}"
    }
  }
}

# Problem: the role does not grant sns:Publish on the topic (quick fix: add an aws_iam_role_policy).
resource "aws_sns_topic" "alerts" {
  name = "consumer-failures"
}

resource "aws_lambda_event_source_mapping" "audit" {
  function_name     = aws_lambda_function.orders.arn
  topics            = ["audit"]
  starting_position = "LATEST"

  self_managed_event_source {
    endpoints = {
      KAFKA_BOOTSTRAP_SERVERS = "kafka1.example.com:9092,kafka2.example.com"
    }
  }

  source_access_configuration {
    type = "SASL_SCRAM_512_AUTH"
    uri  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-audit"
  }

  destination_config {
    on_failure {
      destination_arn = aws_sns_topic.alerts.arn
    }
  }
}
