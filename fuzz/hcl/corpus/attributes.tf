# Comments of every kind.
a = 1 // line comment
b = 1.5e3 /* inline */
c = "hello"
d = true
e = null
f = -2
g = !false
