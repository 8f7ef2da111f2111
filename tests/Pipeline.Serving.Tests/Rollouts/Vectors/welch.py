"""Writes welch.json: Welch's t-test from summary statistics, computed by SciPy (scipy.stats.ttest_ind_from_stats,
equal_var=False); degrees of freedom by the Welch-Satterthwaite formula SciPy uses. Run with Debian's python3-scipy:
/usr/bin/python3 welch.py > welch.json"""
import json, math, scipy, numpy
from scipy import stats

cases = [
    # mean1, variance1, n1, mean2, variance2, n2
    (0.0, 5.0 / 3, 6, 1.0, 0.0 + 1.0, 6),
    (10.0, 4.0, 30, 11.5, 9.0, 25),
    (0.42, 0.031, 120, 0.39, 0.045, 80),
    (3.0, 1.0, 5, 3.0, 100.0, 50),
    (100.0, 225.0, 12, 92.0, 64.0, 400),
    (1.25, 0.5, 1000, 1.2, 0.6, 1500),
    (-2.0, 2.5, 3, 4.0, 0.25, 4),
]
out = []
for m1, v1, n1, m2, v2, n2 in cases:
    # NOTE: the implementation reports t as second minus first, SciPy as first minus second.
    t, p = stats.ttest_ind_from_stats(m2, math.sqrt(v2), n2, m1, math.sqrt(v1), n1, equal_var=False)
    a, b = v1 / n1, v2 / n2
    df = (a + b) ** 2 / (a * a / (n1 - 1) + b * b / (n2 - 1))
    out.append({"mean1": m1, "variance1": v1, "n1": n1, "mean2": m2, "variance2": v2, "n2": n2,
                "t": float(t), "df": df, "p": float(p)})
print(json.dumps({"function": "scipy.stats.ttest_ind_from_stats(equal_var=False)",
                  "env": {"scipy": scipy.__version__, "numpy": numpy.__version__}, "cases": out}, indent=1))
