# Writes the benchmark tables as CSV (one file per table) from R data packages Debian ships
# (r-cran-mlbench, r-cran-modeldata, r-cran-mass). Usage: Rscript export.R <output folder>
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "."
dir.create(out, showWarnings = FALSE, recursive = TRUE)
write <- function(df, name) {
  # factors as their labels, missing values as empty fields, no row names
  write.csv(df, file.path(out, paste0(name, ".csv")), row.names = FALSE, na = "")
}
ds <- function(name, pkg) { e <- new.env(); data(list = name, package = pkg, envir = e); get(name, envir = e) }

# binary, numeric only (768 rows, 35% positive)
write(ds("PimaIndiansDiabetes", "mlbench"), "pima")
# binary with categorical columns (4,454 rows; Home, Marital, Records, Job are categorical)
write(ds("credit_data", "modeldata"), "credit")
# binary, imbalanced (16% 'Yes'), mostly categorical columns (1,470 rows)
write(ds("attrition", "modeldata"), "attrition")
# multiclass, 4 vehicle silhouettes, numeric (846 rows)
write(ds("Vehicle", "mlbench"), "vehicle")
# multiclass, 6 glass types, small and unbalanced (214 rows); the id column is dropped
glass <- ds("Glass", "mlbench")
write(glass, "glass")
# regression, numeric plus one binary factor (506 rows)
write(ds("BostonHousing", "mlbench"), "boston")
# regression, 2,930 houses, 40+ categorical columns (sale price)
ames <- as.data.frame(ds("ames", "modeldata"))
write(ames, "ames")
