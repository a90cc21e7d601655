a = max(1, 2, 3)
b = concat(var.a, var.b)
c = min(var.list...)
d = jsonencode({
  a = 1
})
e = provider::aws::arn_parse("arn")
f = timestamp()
g = f(1,)
