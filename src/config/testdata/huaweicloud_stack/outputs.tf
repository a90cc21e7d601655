output "vpc_id" {
  value       = module.network.vpc_id
  description = "The VPC"
}

output "web_ips" {
  value = huaweicloud_compute_instance.web[*].access_ip_v4
}

output "volume_ids" {
  value = { for k, v in huaweicloud_evs_volume.data : k => v.id }
}

output "admin_password" {
  value     = var.admin_password
  sensitive = true
}
