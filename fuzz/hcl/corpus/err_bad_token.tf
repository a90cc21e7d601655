a = 1 ; b = 2
c = 'single'
d = @
e = 4
