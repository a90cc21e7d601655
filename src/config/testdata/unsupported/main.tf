module "remote" {
  source = "terraform-huaweicloud-modules/vpc/huaweicloud"
}

module "git" {
  source = "git::https://example.com/vpc.git"
}

resource "huaweicloud_compute_instance" "vm" {
  name = "vm"
  provisioner "local-exec" {
    command = "echo hi"
  }
  connection {
    host = "1.2.3.4"
  }
}
