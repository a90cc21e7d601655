variable "region" {
  default = "cn-north-4"
}

locals {
  name = "x"
}

resource "huaweicloud_vpc" "other" {
  name = "other"
}

data "huaweicloud_images_image" "ubuntu" {
  name = "Ubuntu"
}

output "id" {
  value = "x"
}

module "net" {
  source = "./net"
}

provider "huaweicloud" {
  alias = "backup"
}

moved {
  from = huaweicloud_vpc.a
  to   = huaweicloud_vpc.main
}
