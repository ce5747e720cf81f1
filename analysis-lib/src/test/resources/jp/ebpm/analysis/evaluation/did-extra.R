# Extra DiD reference numbers for DiffInDiffTest (R 4.2.2, sandwich 3.0.2, lmtest; Debian packages).
# Run: Rscript did-extra.R   (writes did_unbalanced_staggered.csv and prints the expected numbers)
suppressMessages({library(sandwich); library(lmtest)})
set.seed(7)
areas <- 30; years <- 8
g <- rep(1:areas, each = years); t <- rep(1:years, times = areas)
# staggered roll-out: areas 1-8 start in year 4, 9-16 in year 6, the rest never
start <- ifelse(g <= 8, 4, ifelse(g <= 16, 6, NA))
d <- as.integer(!is.na(start) & t >= start)
ae <- rnorm(areas, 0, 2)[g]; ye <- 0.4 * t + rnorm(years, 0, 0.5)[t]
y <- 20 + ae + ye + 1.2 * d + rnorm(areas * years, 0, 1)
df <- data.frame(area = sprintf("W%02d", g), year = 2010 + t, d = d, y = round(y, 3))
df <- df[-sample(nrow(df), 17), ]           # unbalanced: 17 area-years missing
write.csv(df, "did_unbalanced_staggered.csv", row.names = FALSE)
G <- length(unique(df$area))
show <- function(m, terms) {
  V <- vcovCL(m, cluster = ~area, type = "HC1")
  ct <- coeftest(m, vcov. = V, df = G - 1)
  for (tt in terms) cat(tt, sprintf("%.17g", c(coef(m)[tt], sqrt(vcov(m)[tt, tt]), sqrt(V[tt, tt]), ct[tt, 4])), "\n")
}
cat("## twfe  n =", nrow(df), " G =", G, "\n")
m <- lm(y ~ d + factor(area) + factor(year), data = df)
show(m, "d")
# event study: indicators of years since start (treated areas), reference -1
st <- ifelse(df$area %in% sprintf("W%02d", 1:8), 2014, ifelse(df$area %in% sprintf("W%02d", 9:16), 2016, NA))
rel <- df$year - st
for (e in sort(unique(rel[!is.na(rel)]))) if (e != -1) df[[paste0("e", ifelse(e < 0, paste0("m", -e), e))]] <- as.integer(!is.na(rel) & rel == e)
ev <- grep("^e", names(df), value = TRUE)
m2 <- lm(as.formula(paste("y ~", paste(ev, collapse = " + "), "+ factor(area) + factor(year)")), data = df)
cat("## event\n"); show(m2, ev)
