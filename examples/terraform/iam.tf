resource "aws_iam_role" "orders" {
  name = "orders-consumer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "msk" {
  role       = aws_iam_role.orders.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole"
}

data "aws_iam_policy_document" "dlq" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.orders_dlq.arn]
  }
}

resource "aws_iam_role_policy" "dlq" {
  role   = aws_iam_role.orders.id
  policy = data.aws_iam_policy_document.dlq.json
}
