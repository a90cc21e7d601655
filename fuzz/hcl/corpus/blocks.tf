terraform {
  required_version = ">= 1.0"
}

resource "aws_instance" "web" {
  ami = "ami-123"
  lifecycle { create_before_destroy = true }
  dynamic "tag" {
    for_each = var.tags
    content {
      key = tag.key
    }
  }
  empty {}
}

locals {}
bare_label foo "bar" {
}
