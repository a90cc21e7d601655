variable "n" {
  type    = number
  default = "not a number"
}

variable "obj" {
  type = object({
    name = string
    port = optional(number, 80)
  })
  default = { name = "x" }
}

variable "bad_type" {
  type = lisst(string)
}

variable "bare_list" {
  type = list
}

variable "not_null" {
  type     = string
  nullable = false
  default  = null
}

variable "ref_default" {
  default = var.n
}

output "port" {
  value = var.obj.port + 1
}

output "typo" {
  value = var.obj.nmae
}
