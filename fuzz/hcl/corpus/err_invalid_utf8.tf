a = "ok"
b = "bad ÿş here"
c = 1 # À
