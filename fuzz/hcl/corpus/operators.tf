prec   = a || b && c == d != e < f >= g + h * i - j / k % l
left   = x / y * z
parens = (a + b) * c
cond   = a > 0 ? "pos" : b < 0 ? "neg" : "zero"
unary  = -a.b * !c
