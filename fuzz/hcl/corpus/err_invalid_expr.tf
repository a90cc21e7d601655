a = foo(
b = 1
c = [1 2]
d = {a = 1 b = 2}
e = (1
f = 1 +
g = a.
h = x[1
