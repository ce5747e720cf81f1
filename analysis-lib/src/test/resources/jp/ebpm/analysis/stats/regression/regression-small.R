suppressMessages(library(sandwich))
Sys.setlocale("LC_COLLATE", "C")
d <- read.csv("regression-small.csv", fileEncoding = "UTF-8")
# x3 = x1 + 2*x2 is a column of the file (exactly collinear)
p <- function(label, m) { cat("##", label, "\n"); cat("terms:", paste(names(coef(m)), collapse=" | "), "\n");
  s <- summary(m); cat("coef:", sprintf("%.17g", coef(m)), "\n"); cat("se:", sprintf("%.17g", s$coefficients[,2]), "\n");
  cat("r2:", sprintf("%.17g", c(s$r.squared, s$adj.r.squared, s$sigma)), "\n"); if (!is.null(s$fstatistic)) cat("f:", sprintf("%.17g", s$fstatistic), "\n");
  cat("n:", nobs(m), "HC1:", sprintf("%.17g", sqrt(diag(vcovHC(m, type="HC1")))), "\n");
  cat("HC3:", sprintf("%.17g", sqrt(diag(vcovHC(m, type="HC3")))), "\n") }
p("collinear", lm(y ~ x1 + x2 + x3, data = d))
p("factor", lm(y ~ x1 + ward, data = d))
p("interaction", lm(y ~ x1 * factor(yr), data = d))
p("nointercept", lm(y ~ 0 + ward + x1, data = d))
p("wls", lm(y ~ x1 + x2, data = d, weights = w))
p("interaction2", lm(y ~ x1:x2 + ward, data = d))
