variable "region" {
  type        = string
  default     = "cn-north-4"
  description = "Region of the stack"
}

variable "env" {
  type = string
  validation {
    condition     = contains(["dev", "staging", "prod"], var.env)
    error_message = "The env must be dev, staging or prod."
  }
}

variable "instance_count" {
  type    = number
  default = 2
  validation {
    condition     = var.instance_count >= 1 && var.instance_count <= 20
    error_message = "Between 1 and 20 instances."
  }
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "subnets" {
  type = map(object({
    cidr       = string
    gateway_ip = string
    dns        = optional(list(string), ["100.125.1.250"])
  }))
  default = {
    web = { cidr = "192.168.1.0/24", gateway_ip = "192.168.1.1" }
    db  = { cidr = "192.168.2.0/24", gateway_ip = "192.168.2.1", dns = [] }
  }
}

variable "ingress_rules" {
  type = list(object({
    port   = number
    remote = optional(string, "0.0.0.0/0")
  }))
  default = [{ port = 22 }, { port = 443, remote = "10.0.0.0/8" }]
}
