locals {
  name_prefix = "fw-${var.env}"
  common_tags = {
    env        = var.env
    managed_by = "formwork"
  }
  web_subnet_id = module.network.subnet_ids["web"]
}

data "huaweicloud_availability_zones" "zones" {}

data "huaweicloud_images_image" "ubuntu" {
  name        = "Ubuntu 22.04 server 64bit"
  most_recent = true
}

module "network" {
  source   = "./modules/network"
  vpc_name = "${local.name_prefix}-vpc"
  vpc_cidr = "192.168.0.0/16"
  subnets  = var.subnets
  tags     = local.common_tags
}

resource "huaweicloud_networking_secgroup" "web" {
  name                 = "${local.name_prefix}-web"
  delete_default_rules = true
}

resource "huaweicloud_networking_secgroup_rule" "ingress" {
  count             = length(var.ingress_rules)
  security_group_id = huaweicloud_networking_secgroup.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = var.ingress_rules[count.index].port
  port_range_max    = var.ingress_rules[count.index].port
  remote_ip_prefix  = var.ingress_rules[count.index].remote
}

resource "huaweicloud_compute_instance" "web" {
  count              = var.instance_count
  name               = format("%s-web-%02d", local.name_prefix, count.index + 1)
  image_id           = data.huaweicloud_images_image.ubuntu.id
  flavor_id          = "s6.small.1"
  admin_pass         = var.admin_password
  security_group_ids = [huaweicloud_networking_secgroup.web.id]
  availability_zone  = data.huaweicloud_availability_zones.zones.names[count.index % 2]

  network {
    uuid = local.web_subnet_id
  }

  tags = merge(local.common_tags, { role = "web", index = tostring(count.index) })

  lifecycle {
    create_before_destroy = true
    ignore_changes        = [image_id, tags["updated_at"]]
    precondition {
      condition     = var.instance_count <= 20
      error_message = "Too many instances."
    }
  }
}

resource "huaweicloud_evs_volume" "data" {
  for_each          = toset(["logs", "cache"])
  name              = "${local.name_prefix}-${each.key}"
  volume_type       = "SSD"
  size              = each.value == "logs" ? 100 : 40
  availability_zone = huaweicloud_compute_instance.web[0].availability_zone
  depends_on        = [huaweicloud_compute_instance.web]
}

resource "huaweicloud_vpc_eip" "web" {
  provider = huaweicloud.backup
  publicip {
    type = "5_bgp"
  }
  bandwidth {
    name        = "${local.name_prefix}-bw"
    size        = 10
    share_type  = "PER"
    charge_mode = "traffic"
  }
}

resource "huaweicloud_networking_secgroup" "dynamic" {
  name = "${local.name_prefix}-dyn"
  dynamic "rule" {
    for_each = var.ingress_rules
    iterator = r
    content {
      port   = r.value.port
      remote = r.value.remote
    }
  }
}

moved {
  from = huaweicloud_networking_secgroup.old
  to   = huaweicloud_networking_secgroup.web
}

check "web_count" {
  assert {
    condition     = length(huaweicloud_compute_instance.web) > 0
    error_message = "No web servers."
  }
}
