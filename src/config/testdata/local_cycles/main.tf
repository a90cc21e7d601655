locals {
  a = local.b
  b = local.a
  c = "${local.c}-x"
  d = local.e
  e = [local.f]
  f = { x = local.d }
  g = local.a
  h = [for x in [1] : local.g]
}
