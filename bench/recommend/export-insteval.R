# Writes lme4's InstEval (students rating lecturers 1-5, Debian's r-cran-lme4) as the recommendation benchmark's
# ratings table: user = student (s), item = lecturer (d), rating = y; no time column. The data is not committed.
# With --side it adds the side columns: dept (the lecturer's department, constant per item) and studage (the
# student's semester group, constant per user), which the LambdaRank re-ranker uses.
# Usage: Rscript bench/recommend/export-insteval.R [output.csv] [--side]   (default bench/recommend/insteval.csv)
args <- commandArgs(trailingOnly = TRUE)
side <- "--side" %in% args
args <- args[args != "--side"]
out <- if (length(args) > 0) args[1] else "bench/recommend/insteval.csv"
e <- new.env()
data("InstEval", package = "lme4", envir = e)
d <- get("InstEval", envir = e)
ratings <- data.frame(user_id = paste0("s", as.character(d$s)), item_id = paste0("d", as.character(d$d)), rating = as.integer(d$y))
if (side) {
  ratings$dept <- paste0("dept", as.character(d$dept))
  ratings$studage <- as.integer(as.character(d$studage))
}
write.csv(ratings, out, row.names = FALSE, quote = FALSE)
cat(sprintf("%s: %d ratings, %d users, %d items\n", out, nrow(ratings), length(unique(ratings$user_id)), length(unique(ratings$item_id))))
