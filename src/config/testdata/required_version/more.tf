terraform {
  required_version = "=> 1.0"
}

terraform {
  required_version = "~> 1.5.0, != 1.5.7"
}

terraform {
  required_version = ">= 1.3, < 2.0"
}
