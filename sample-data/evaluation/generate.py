#!/usr/bin/env python3
"""Writes the SYNTHETIC evaluation sample tables of this folder (deterministic; `python3 generate.py`).

Everything here is invented for demonstration and testing except the 2020 ward x sex totals of
ward_population_age_synthetic.csv, which are the real figures of 神奈川県「神奈川県人口統計調査」(令和2年10月).
"""
import csv
import math
import random

WARDS = [("14131", "川崎区"), ("14132", "幸区"), ("14133", "中原区"), ("14134", "高津区"),
         ("14135", "多摩区"), ("14136", "宮前区"), ("14137", "麻生区")]
# real 2020-10 totals (Kanagawa monthly population survey): male, female
TOTALS_2020 = {"川崎区": (125182, 108046), "幸区": (86703, 84485), "中原区": (133902, 129883),
               "高津区": (116321, 118021), "多摩区": (112909, 108944), "宮前区": (113359, 120437),
               "麻生区": (87473, 93416)}
FIRST_WAVE = {"幸区", "中原区", "高津区"}   # the measure starts in FY2019 here ...
SECOND_WAVE_START = 2022                   # ... and in FY2022 in the other wards


def write(name, header, rows):
    with open(name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def panel(rng):
    """Online-application rate (%) by ward and fiscal year; true effect of the measure +6.0 points."""
    effect = {w: rng.gauss(0, 3) for _, w in WARDS}
    year_shock = {y: rng.gauss(0, 0.8) for y in range(2015, 2023)}
    rows = []
    for code, w in WARDS:
        start = 2019 if w in FIRST_WAVE else SECOND_WAVE_START
        for y in range(2015, 2023):
            d = 1 if y >= start else 0
            rate = 22 + effect[w] + 3.5 * (y - 2015) + year_shock[y] + 6.0 * d + rng.gauss(0, 1.2)
            rows.append([w, code, y, 1 if w in FIRST_WAVE else 0, d, round(rate, 1),
                         sum(TOTALS_2020[w]) // 100 * 100])
    write("measure_panel_synthetic.csv",
          ["ward", "ward_code", "fiscal_year", "first_wave", "measure_in_place", "online_rate", "population"], rows)


AGE_LABELS = [f"{a}～{a + 4}歳" for a in range(0, 85, 5)] + ["85歳以上"]


def age_shares(young_shift):
    # a smooth, plausible urban age profile (more 25-49), older tail declining
    raw = []
    for i in range(18):
        mid = 5 * i + 2.5
        bulk = math.exp(-((mid - 42 + young_shift) / 24.0) ** 2)
        raw.append(0.35 + bulk + (0.25 if 20 <= mid <= 40 else 0) - (0.02 * max(0, mid - 70)))
    raw = [max(r, 0.08) for r in raw]
    s = sum(raw)
    return [r / s for r in raw]


def population(rng):
    rows = []
    for code, w in WARDS:
        for year, shift, scale in ((2015, 3.0, 0.965), (2020, 0.0, 1.0)):
            for sex_i, sex in enumerate(("男", "女")):
                total = TOTALS_2020[w][sex_i] * scale
                shares = age_shares(shift + (1.5 if w in ("麻生区", "宮前区") else 0))
                if sex == "女":
                    shares = [s * (1.25 if i >= 15 else 1.0) for i, s in enumerate(shares)]
                    t = sum(shares)
                    shares = [s / t for s in shares]
                for i, label in enumerate(AGE_LABELS):
                    rows.append([w, code, year, sex, label, int(round(total * shares[i] * (rng.uniform(0.97, 1.03) if year == 2015 else 1.0)))])
    write("ward_population_age_synthetic.csv", ["ward", "ward_code", "year", "sex", "age_group", "population"], rows)


INDUSTRIES = ["製造業", "情報通信業", "運輸業，郵便業", "卸売業，小売業", "宿泊業，飲食サービス業", "医療，福祉",
              "教育，学習支援業", "その他のサービス業"]
# ward profiles: multipliers on a base structure
PROFILE = {"川崎区": [2.2, 0.5, 2.0, 0.9, 1.0, 0.8, 0.6, 1.0], "幸区": [1.6, 1.4, 1.0, 0.9, 0.8, 0.8, 0.7, 1.0],
           "中原区": [0.9, 2.4, 0.7, 1.1, 1.1, 0.9, 0.9, 1.1], "高津区": [1.3, 1.0, 1.0, 1.0, 0.9, 1.0, 0.9, 1.0],
           "多摩区": [0.5, 0.7, 0.6, 1.0, 1.2, 1.2, 2.2, 0.9], "宮前区": [0.5, 0.6, 0.8, 1.1, 1.0, 1.4, 1.1, 1.0],
           "麻生区": [0.6, 0.8, 0.5, 1.0, 1.0, 1.5, 1.5, 1.0]}
BASE = [18000, 6000, 9000, 22000, 12000, 16000, 5000, 14000]
NATIONAL_SHARE = [0.160, 0.030, 0.055, 0.205, 0.090, 0.135, 0.035, 0.290]   # illustrative, not real


def employment(rng):
    rows = []
    for code, w in WARDS:
        for i, ind in enumerate(INDUSTRIES):
            rows.append([w, code, ind, int(round(BASE[i] * PROFILE[w][i] * rng.uniform(0.9, 1.1)))])
    for i, ind in enumerate(INDUSTRIES):
        rows.append(["全国(参考・合成)", "00000", ind, int(round(50_000_000 * NATIONAL_SHARE[i]))])
    write("ward_employment_synthetic.csv", ["ward", "ward_code", "industry", "employees"], rows)


def rates():
    rows = []
    for sex in ("男", "女"):
        for i, label in enumerate(AGE_LABELS):
            a = 5 * i
            # 5-year survival: Gompertz-like mortality; the open group keeps T(90)/T(85)-like survival
            mort = 0.0008 + 0.00005 * math.exp(0.095 * a) * (1.0 if sex == "男" else 0.55)
            surv = max(0.30, 1 - 5 * mort) if i < 17 else (0.45 if sex == "男" else 0.55)
            # net migration: students and young workers arrive (15-29), families leave (30-44), small after
            mig = {3: 0.09, 4: 0.12, 5: 0.05, 6: -0.02, 7: -0.03, 8: -0.02}.get(i, 0.0 if i > 2 else -0.01)
            rows.append([sex, label, round(surv, 5), mig])
    write("projection_rates_synthetic.csv", ["sex", "age_group", "survival", "net_migration"], rows)


if __name__ == "__main__":
    rng = random.Random(20190401)
    panel(rng)
    population(rng)
    employment(rng)
    rates()
