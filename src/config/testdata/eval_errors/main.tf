variable "names" {
  type    = list(string)
  default = []
}

locals {
  a = uppper("x")
  b = upper([1, 2])
  c = true ? [1] : { a = 1 }
  d = "${var.names}"
  e = [for n in var.names : n.foo]
  f = try(var.names[5], "ok")
  g = 1 + "two"
}
