resource "huaweicloud_vpc" "a" {
  name = "vpc-${count.index}"
}

resource "huaweicloud_vpc" "b" {
  count = 2
  name  = "vpc-${each.key}"
}

resource "huaweicloud_vpc" "c" {
  for_each = toset(["x"])
  name     = "vpc-${count.index}"
  cidr     = each.val
}

resource "huaweicloud_vpc" "d" {
  name = self.id
  cidr = huaweicloud_vpc.d.cidr
}

resource "huaweicloud_vpc" "e" {
  count    = 1
  for_each = {}
  name     = path.modul
}

output "o" {
  value = terraform.workspac
}
