variable "orders_topic" {
  type    = string
  default = "orders"
}

variable "subnets" {
  type = list(string)
}

variable "security_group" {
  type = string
}

locals {
  refunds_topic = "refunds"
}
