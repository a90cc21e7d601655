variable "vpc_name" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "subnets" {
  type = map(object({
    cidr       = string
    gateway_ip = string
    dns        = optional(list(string), [])
  }))
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "huaweicloud_vpc" "this" {
  name = var.vpc_name
  cidr = var.vpc_cidr
  tags = var.tags
}

resource "huaweicloud_vpc_subnet" "this" {
  for_each   = var.subnets
  name       = "${var.vpc_name}-${each.key}"
  cidr       = each.value.cidr
  gateway_ip = each.value.gateway_ip
  vpc_id     = huaweicloud_vpc.this.id
  dns_list   = each.value.dns
}

output "vpc_id" {
  value = huaweicloud_vpc.this.id
}

output "subnet_ids" {
  value = { for k, s in huaweicloud_vpc_subnet.this : k => s.id }
}
