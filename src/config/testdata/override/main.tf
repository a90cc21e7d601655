terraform {
  required_version = ">= 1.0"
  required_providers {
    huaweicloud = {
      source  = "huaweicloud/huaweicloud"
      version = ">= 1.50.0"
    }
  }
}

provider "huaweicloud" {
  region = "cn-north-4"
}

variable "env" {
  type    = string
  default = "dev"
}

variable "size" {
  type        = number
  default     = 1
  description = "Disk size"
}

locals {
  name = "web-${var.env}"
  tags = { env = var.env }
}

resource "huaweicloud_vpc" "main" {
  name = local.name
  cidr = "10.0.0.0/16"
  lifecycle {
    create_before_destroy = true
    ignore_changes        = [name]
  }
}

resource "huaweicloud_compute_instance" "web" {
  name  = "web"
  count = 1
  network {
    uuid = "a"
  }
  network {
    uuid = "b"
  }
}

output "vpc_id" {
  value = huaweicloud_vpc.main.id
}
