tuple   = [1, "two", [3], ]
multi   = [
  a,
  b
]
object  = { a = 1, "b" = 2, (c) = 3, d: 4 }
objnl   = {
  name = "x"
  tags = { env = "prod" }
}
for_t   = [for s in var.list : upper(s) if s != ""]
for_kv  = [for i, v in var.list : "${i}=${v}"]
for_o   = {for k, v in var.map : k => v}
for_g   = {for v in var.list : v.key => v.value... if v.ok}
for_key = {"for" = 1, (for) = 2}
empty   = [{}, []]
