module "child" {
  source = "./child"
  nmae   = "x"
}

module "missing_dir" {
  source = "./nowhere"
}

output "o" {
  value = module.child.nope
}
