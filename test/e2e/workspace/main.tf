resource "aws_sqs_queue" "dlq" {
  name = "orders-consumer-dlq"
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn  = "arn:aws:kafka:us-east-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-1"
  function_name     = "orders-consumer"
  topics            = ["orders"]
  starting_position = "LATEST"
  batch_size        = 20000

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.dlq.url
    }
  }
}
