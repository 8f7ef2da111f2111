#!/usr/bin/python3
"""The Python baselines of the quality benchmark, fitted on the pipeline's own split.

Reads the train and test CSVs the pipeline's Featurize stage wrote (data/features/train.csv and test.csv, the same
rows the pipeline trained and evaluated on), fits scikit-learn HistGradientBoosting, logistic (binary, multiclass) or
ridge (regression) regression and XGBoost with their default settings, and prints one JSON object: per baseline the
task's main metric on the test rows (binary: auc, multiclass: macro_f1, regression: r2) and the fitting time.

Usage: baselines.py TRAIN_CSV TEST_CSV LABEL TASK [--drop COLUMN ...]
"""
import argparse
import json
import os
import time

# NOTE: one thread each, as each of the pipeline's trials: on a loaded 2-core machine OpenMP's spinning threads made
# HistGradientBoosting take minutes on 768 rows.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import f1_score, r2_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, OneHotEncoder, OrdinalEncoder, StandardScaler
import xgboost


def frames(train_csv, test_csv, label, drop):
    # NOTE: both files are read as text first so a category seen only in test is still a category, not a number.
    train = pd.read_csv(train_csv, keep_default_na=True)
    test = pd.read_csv(test_csv, keep_default_na=True)
    columns = [c for c in train.columns if c != label and c not in drop]
    categorical = [c for c in columns if not pd.api.types.is_numeric_dtype(train[c]) or train[c].dtype == bool]
    numeric = [c for c in columns if c not in categorical]
    for c in categorical:
        values = sorted(set(train[c].dropna().astype(str)) | set(test[c].dropna().astype(str)))
        for df in (train, test):
            df[c] = pd.Categorical(df[c].where(df[c].isna(), df[c].astype(str)), categories=values)
    for c in numeric:
        for df in (train, test):
            df[c] = pd.to_numeric(df[c], errors="coerce").astype(float)
    return train[columns], train[label], test[columns], test[label], numeric, categorical


def linear(task, numeric, categorical, x):
    prep = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), categorical),
    ])
    model = Ridge() if task == "regression" else LogisticRegression(max_iter=2000)
    return make_pipeline(prep, model)


def hgb(task, numeric, categorical, x):
    # HistGradientBoosting handles categories natively once they are ordinal codes.
    prep = ColumnTransformer([
        ("num", "passthrough", numeric),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan, encoded_missing_value=np.nan), categorical),
    ])
    # NOTE: HistGradientBoosting takes at most 255 categories per column; a wider one (an id-like or text column)
    # goes in as its ordinal codes, treated as a number.
    flags = [False] * len(numeric) + [len(x[c].cat.categories) <= 255 for c in categorical]
    cls = HistGradientBoostingRegressor if task == "regression" else HistGradientBoostingClassifier
    return make_pipeline(prep, cls(categorical_features=flags, random_state=0))


def xgb(task, numeric, categorical, x):
    if task == "regression":
        return xgboost.XGBRegressor(tree_method="hist", enable_categorical=True, n_jobs=1, random_state=0)
    return xgboost.XGBClassifier(tree_method="hist", enable_categorical=True, n_jobs=1, random_state=0)


def score(task, model, x, y, encoder):
    if task == "regression":
        return r2_score(y, model.predict(x))
    if task == "binary":
        return roc_auc_score(encoder.transform(y), model.predict_proba(x)[:, 1])
    return f1_score(encoder.transform(y), model.predict(x), average="macro")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("train")
    p.add_argument("test")
    p.add_argument("label")
    p.add_argument("task", choices=["binary", "multiclass", "regression"])
    p.add_argument("--drop", nargs="*", default=[])
    a = p.parse_args()
    x_train, y_train, x_test, y_test, numeric, categorical = frames(a.train, a.test, a.label, set(a.drop))
    encoder = None
    if a.task != "regression":
        encoder = LabelEncoder().fit(pd.concat([y_train, y_test]).astype(str))
        y_train, y_test = y_train.astype(str), y_test.astype(str)
    result = {}
    for name, build in (("hist_gradient_boosting", hgb), ("linear", linear), ("xgboost", xgb)):
        model = build(a.task, numeric, categorical, x_train)
        fit_y = y_train if a.task == "regression" else encoder.transform(y_train)
        start = time.perf_counter()
        model.fit(x_train, fit_y)
        seconds = time.perf_counter() - start
        value = score(a.task, model, x_test, y_test, encoder)
        result[name] = {"value": round(float(value), 6), "fit_seconds": round(seconds, 3)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
