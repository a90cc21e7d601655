a = [for x : x]
b = [for x in y : k => v]
c = {for x in y : x}
d = [for x in y : x if]
