terraform {
  required_version = ">= 1.6.0"
  required_providers {
    huaweicloud = {
      source  = "huaweicloud/huaweicloud"
      version = "~> 1.x"
    }
    random = ">= 3.0 <4"
    null   = ">= 3.0, < 4"
  }
}
