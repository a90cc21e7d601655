plain = <<EOT
hello
  ${var.name}
EOT
flush = <<-EOT
    line one
      indented ${x}

    last
    EOT
strip = <<-EOT
  %{ for x in var.list ~}
  item ${x}
  %{ endfor ~}
  EOT
after = 1
