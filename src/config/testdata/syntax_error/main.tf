resource "huaweicloud_vpc" "v" {
  name = 
}
