# Reference for RakingLeaveOutIT: raking that leaves out respondents without a population target.
# Run from the repository root:
#   Rscript analysis-lib/src/test/resources/jp/ebpm/analysis/survey/vectors/survey/rake-leave-out/gen.R \
#     sample-data/survey analysis-lib/src/test/resources/jp/ebpm/analysis/survey/vectors/survey/rake-leave-out
# R 4.2.2, survey 4.1.1 (Debian r-cran-survey 4.1-1-1).
suppressMessages(library(survey))
args <- commandArgs(TRUE); data <- args[1]; out <- args[2]
d <- read.csv(file.path(data, "respondents.csv"))
pop <- read.csv(file.path(data, "population.csv"))
# the population knows only sex 1 and 2: the 7 respondents with sex 3 (その他) are left out before raking
sub <- subset(d, sex != 3)
sub$one <- 1
des <- svydesign(id=~1, weights=~one, data=sub)
pw <- xtabs(population ~ ward, pop)
psa <- xtabs(population ~ sex + age_group, pop)
r <- rake(des, list(~ward, ~sex+age_group), list(pw, psa), control=list(maxit=1000, epsilon=1e-13, verbose=FALSE))
w <- weights(r)
f <- svychisq(~q4a+age_group, r, statistic="F")
cat(sprintf('{"call":"rake(svydesign(id=~1, weights=~one, data=subset(d, sex != 3)), list(~ward, ~sex+age_group), list(xtabs(population ~ ward, pop), xtabs(population ~ sex + age_group, pop)), control=list(maxit=1000, epsilon=1e-13)); svychisq(~q4a+age_group, r, statistic=\\"F\\")","respondents":%d,"left_out":%d,"sum_weights":%.17g,"f":%.17g,"ndf":%.17g,"ddf":%.17g,"p":%.17g,"survey_version":"%s","r":"%s"}\n',
  nrow(sub), nrow(d) - nrow(sub), sum(w), f$statistic, f$parameter[1], f$parameter[2], f$p.value, packageVersion("survey"), R.version.string),
  file=file.path(out, "expected.json"))
write.csv(data.frame(id=sub$id, weight=sprintf("%.17g", w)), file.path(out, "weights.csv"), row.names=FALSE, quote=FALSE)
