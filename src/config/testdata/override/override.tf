variable "env" {
  default = "prod"
}

locals {
  name = "override-${var.env}"
}

resource "huaweicloud_vpc" "main" {
  lifecycle {
    prevent_destroy = true
  }
}

output "vpc_id" {
  sensitive = true
}
