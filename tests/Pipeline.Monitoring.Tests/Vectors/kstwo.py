"""Writes kstwo.json: the exact one-sample two-sided Kolmogorov-Smirnov survival function P(D_n >= x) computed by
SciPy's scipy.stats.kstwo.sf. Run with Debian's python3-scipy: /usr/bin/python3 kstwo.py > kstwo.json"""
import json, scipy
from scipy import stats

cases = [(40, 0.1), (40, 0.25), (10, 0.3), (100, 0.05), (100, 0.19), (500, 0.04), (1000, 0.03), (5, 0.5)]
print(json.dumps({"function": "scipy.stats.kstwo.sf(x, n)", "env": {"scipy": scipy.__version__},
                  "cases": [{"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))} for n, x in cases]}, indent=1))
