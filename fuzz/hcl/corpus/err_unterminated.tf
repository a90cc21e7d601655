a = "no end
b = "${var.x"
c = "%{ if x }open"
d = "%{ endif }"
e = "%{ bogus }"
f = "\q"
