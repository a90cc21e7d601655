variable "env" {
  type = string
}

resource "huaweicloud_vpc" "main" {
  name = "vpc"
}
