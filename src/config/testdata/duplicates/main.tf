variable "a" {}
variable "a" {}

locals {
  l = 1
}
locals {
  l = 2
}

resource "huaweicloud_vpc" "v" {}
resource "huaweicloud_vpc" "v" {}

data "huaweicloud_vpc" "v" {}
data "huaweicloud_vpc" "v" {}

output "o" { value = 1 }
output "o" { value = 2 }

provider "huaweicloud" {}
provider "huaweicloud" {}

variable "count" {}
