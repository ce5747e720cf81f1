# R peer of `workbench bench evaluation` (docs/benchmarks.md): rebuilds the same deterministic data as
# jp.ebpm.analysis.evaluation.EvaluationBenchData and times lm() (and sandwich's cluster SEs for the panel).
# Usage: Rscript evaluation_r_peer.R ROWS AREAS PERIODS
suppressMessages(library(sandwich))
a <- as.numeric(commandArgs(TRUE))
n <- a[1]; A <- a[2]; Tn <- a[3]
P <- c(7919, 104729, 1299709, 15485863, 179424673, 7927, 104723, 1299689, 15485857, 179424691)
M <- c(10007, 10009, 10037, 10039, 10061, 10067, 10069, 10079, 10091, 10093)
i <- as.numeric(seq_len(n))
d <- data.frame(row.names = NULL)
X <- sapply(1:10, function(j) ((i * P[j]) %% M[j]) / M[j])
colnames(X) <- paste0("x", 1:10)
y <- 1 + drop(X %*% (0.5 * (1:10))) + (((i * 48271) %% 65537) / 65537 - 0.5)
d <- data.frame(y = y, X)
rm(X, y, i); invisible(gc())
t0 <- proc.time()[["elapsed"]]
m <- lm(y ~ ., data = d)
t1 <- proc.time()[["elapsed"]]
cat(sprintf("R lm OLS %d rows x 10 regressors: %.2f s (x1 = %.10f)\n", n, t1 - t0, coef(m)[["x1"]]))
rm(m, d); invisible(gc())
g <- expand.grid(t = 1:Tn, a = 1:A)
dd <- as.integer(g$a %% 3 == 0 & g$t >= 8 + (g$a %% 5))
p <- data.frame(area = sprintf("A%05d", g$a), period = g$t, d = dd,
                y = ((g$a * 7919) %% 1009) / 100 + 0.2 * g$t + 1.5 * dd + ((((g$a * Tn + g$t) * 48271) %% 65537) / 65537 - 0.5))
t0 <- proc.time()[["elapsed"]]
w <- p; for (v in c("y", "d")) w[[v]] <- p[[v]] - ave(p[[v]], p$area)
pd <- model.matrix(~ factor(period), p)[, -1]; pd <- pd - apply(pd, 2, function(col) ave(col, p$area))
mw <- lm(w$y ~ w$d + pd - 1)
t1 <- proc.time()[["elapsed"]]
cat(sprintf("R TWFE within (ave + lm) %d areas x %d periods: %.2f s (d = %.10f)\n", A, Tn, t1 - t0, coef(mw)[[1]]))
t0 <- proc.time()[["elapsed"]]
m2 <- lm(y ~ d + factor(area) + factor(period), data = p)
V <- vcovCL(m2, cluster = ~area, type = "HC1")
t1 <- proc.time()[["elapsed"]]
cat(sprintf("R TWFE lm with dummies + vcovCL %d areas x %d periods: %.2f s (d = %.10f, cluster se = %.10f)\n", A, Tn, t1 - t0,
            coef(m2)[["d"]], sqrt(V["d", "d"])))
