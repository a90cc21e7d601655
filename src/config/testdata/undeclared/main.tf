variable "known" {}

locals {
  a = var.unknown_var
  b = local.nope
  c = huaweicloud_vpc.missing.id
  d = data.huaweicloud_images_image.missing.id
  e = module.missing.out
  f = var.known
  g = var
  h = huaweicloud_vpc
}

output "x" {
  value = local.a
}
