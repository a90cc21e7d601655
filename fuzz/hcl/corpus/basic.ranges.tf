name = "x-${var.é}"
block "l" {
  list = [a.b, f(1)]
}
