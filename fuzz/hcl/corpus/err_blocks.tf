a "x" = 1
b { c = 1 d = 2 }
e { f = 1 }x
g "${x}" {
}
h = 1 i = 2
}
