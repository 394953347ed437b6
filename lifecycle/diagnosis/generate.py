"""Synthetic monitoring data for the loan scenario (Harbourline Bank's ClearLend), made reproducibly.

``python -m lifecycle.diagnosis.generate [--out DIR]`` writes, into
``sample_projects/loan_monitoring/`` by default:

- ``reference.csv``: applications from the model's validation period (what "normal" was);
- ``2025-09.csv`` … ``2026-02.csv``: the six months after launch;
- ``control.csv``: one more month drawn exactly like the reference, on which the analysis
  must raise no alarm.

Every file has the same columns: the model's inputs as logged at decision time, the
model's score (probability of default) and decision, the outcome where it is known, and
the applicant's age band (a protected attribute) and postcode district (a proxy).

The applicants are simulated; the "model" is a fixed logistic score, the same for every
file, so its decisions only change because the applicants or the world change. Planted:

1. **Data drift (income)**: from November 2025 a price-comparison partnership brings a
   growing share of applicants (15%, 30%, 40%, 50% of November to February) with lower
   declared incomes, more often aged 60+ and from districts D07 and D08.
2. **Concept drift (debt-to-income)**: from launch, rising interest rates make high
   debt-to-income applicants default far more, and the bureau score matters less, while
   the distribution of debt-to-income itself does not move. The model, fitted on the old
   relation, ranks applicants worse every month.
3. **Fairness**: the model adds risk for applicants aged 60+ (a pattern of the training
   years that no longer holds) and for districts with a high default rate in a stale 2021
   table. With the partnership's lower-income older applicants, the approval rate of the
   60+ band falls away from the other bands.
4. **Label delay**: outcomes (an early default: two missed payments in the first three
   months) are known only up to December 2025; January and February have none yet.
   Declined applicants have an outcome only where the credit bureau reports one for
   credit taken elsewhere (about 70% of them).

All numbers are invented. Changing anything here changes the committed CSVs: regenerate
them and commit both (a unit test checks that the files match this code).
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20250818  # the launch date
OUT_DIR = Path(__file__).resolve().parents[2] / "sample_projects" / "loan_monitoring"
REFERENCE = "reference"
CONTROL = "control"
MONTHS = ("2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02")
REFERENCE_ROWS = 4500
MONTH_ROWS = 1800

AGE_BANDS = ("18-29", "30-44", "45-59", "60+")
DISTRICTS = tuple(f"D{i:02d}" for i in range(1, 9))
# Default rate per district in the stale 2021 extract the model uses (the proxy feature).
DISTRICT_RATE_2021 = dict(zip(DISTRICTS, (0.024, 0.027, 0.029, 0.031, 0.033, 0.036, 0.055, 0.061)))
EMPLOYMENT = ("employed", "self_employed", "retired", "student", "other")
PURPOSES = ("car", "home_improvement", "debt_consolidation", "other")
TERMS = (12, 24, 36, 48, 60, 72, 84)

COLUMNS = (
    "age_band", "postcode_district", "employment_status", "declared_net_income", "debt_to_income_ratio",
    "bureau_score", "delinquencies_24m", "loan_amount", "loan_term_months", "loan_purpose", "years_as_customer",
    "score", "decision", "defaulted",
)
SCORE_CUTOFF = 0.115  # approve when the predicted probability of default is below this


@dataclass(frozen=True)
class World:
    """How one month's applicants are drawn and how their outcomes come about."""

    partner_share: float = 0.0  # share of applicants from the price-comparison partnership
    concept: float = 0.0  # 0 = the relation the model learned, 1 = the fully changed relation
    labelled: bool = True  # outcomes known (False: label delay)


WORLDS: dict[str, World] = {
    REFERENCE: World(),
    "2025-09": World(0.00, 0.30),
    "2025-10": World(0.00, 0.55),
    "2025-11": World(0.15, 0.75),
    "2025-12": World(0.30, 0.95),
    "2026-01": World(0.40, 1.00, labelled=False),
    "2026-02": World(0.50, 1.00, labelled=False),
    CONTROL: World(),
}
ROWS = {REFERENCE: REFERENCE_ROWS, CONTROL: MONTH_ROWS} | {m: MONTH_ROWS for m in MONTHS}
FILES = (REFERENCE, *MONTHS, CONTROL)


def _choice(rng: np.random.Generator, options: tuple, weights: list[float], size: int) -> np.ndarray:
    p = np.asarray(weights, dtype="float64")
    return rng.choice(np.asarray(options, dtype=object), size=size, p=p / p.sum())


def _applicants(rng: np.random.Generator, rows: int, partner_share: float) -> pd.DataFrame:
    partner = rng.random(rows) < partner_share
    band = np.where(
        partner,
        _choice(rng, AGE_BANDS, [0.12, 0.22, 0.22, 0.44], rows),
        _choice(rng, AGE_BANDS, [0.22, 0.36, 0.28, 0.14], rows),
    )
    low = {"18-29": 18, "30-44": 30, "45-59": 45, "60+": 60}
    high = {"18-29": 29, "30-44": 44, "45-59": 59, "60+": 79}
    age = np.array([rng.integers(low[b], high[b] + 1) for b in band])
    district = np.where(
        partner,
        _choice(rng, DISTRICTS, [0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.26, 0.26], rows),
        _choice(rng, DISTRICTS, [0.13, 0.13, 0.13, 0.13, 0.12, 0.12, 0.12, 0.12], rows),
    )
    employment = np.empty(rows, dtype=object)
    for b, weights in {
        "18-29": [0.76, 0.10, 0.00, 0.07, 0.07],
        "30-44": [0.78, 0.15, 0.00, 0.00, 0.07],
        "45-59": [0.76, 0.17, 0.02, 0.00, 0.05],
        "60+": [0.30, 0.08, 0.58, 0.00, 0.04],
    }.items():
        mask = band == b
        employment[mask] = _choice(rng, EMPLOYMENT, weights, int(mask.sum()))
    median = pd.Series(employment).map(
        {"employed": 2600, "self_employed": 2500, "retired": 2600, "student": 1200, "other": 1700}
    ).to_numpy(dtype="float64")
    # The partnership's applicants declare less; its older ones often a state pension only.
    median = np.where(partner, median * np.where(band == "60+", 0.4, 0.7), median)
    income = np.exp(np.log(median) + rng.normal(0, 0.38, rows))
    bureau = np.clip(rng.normal(680 + 0.3 * (age - 45) - 20 * partner, 85, rows), 300, 999)
    delinquencies = rng.poisson(np.exp(-0.6 - (bureau - 680) / 90))
    dti = rng.beta(2.4, 5.0, rows)
    amount = np.clip(np.exp(rng.normal(np.log(9000), 0.55, rows)), 1000, 60000)
    return pd.DataFrame({
        "age": age,
        "age_band": band,
        "postcode_district": district,
        "employment_status": employment,
        "declared_net_income": np.round(income / 10) * 10,
        "debt_to_income_ratio": np.round(dti, 2),
        "bureau_score": np.round(bureau).astype(int),
        "delinquencies_24m": np.minimum(delinquencies, 9),
        "loan_amount": np.round(amount / 250) * 250,
        "loan_term_months": _choice(rng, TERMS, [0.08, 0.16, 0.22, 0.2, 0.18, 0.09, 0.07], rows).astype(int),
        "loan_purpose": _choice(rng, PURPOSES, [0.3, 0.25, 0.3, 0.15], rows),
        "years_as_customer": np.minimum(rng.geometric(0.12, rows) - 1, 40),
    })


def _standardised(a: pd.DataFrame) -> dict[str, np.ndarray]:
    return {
        "bureau": (a["bureau_score"].to_numpy() - 680) / 90,
        "dti": (a["debt_to_income_ratio"].to_numpy() - 0.32) / 0.16,
        "income": (np.log(a["declared_net_income"].to_numpy()) - np.log(2300)) / 0.45,
        "delinquencies": a["delinquencies_24m"].to_numpy(dtype="float64"),
        "old": (a["age"].to_numpy() >= 60).astype("float64"),
        "young": (a["age"].to_numpy() < 30).astype("float64"),
        "district": (a["postcode_district"].map(DISTRICT_RATE_2021).to_numpy(dtype="float64") - 0.037) / 0.012,
        "tenure": np.minimum(a["years_as_customer"].to_numpy(), 15) / 5,
    }


def model_log_odds(a: pd.DataFrame) -> np.ndarray:
    """The deployed model: fixed weights learned on the training years."""
    z = _standardised(a)
    return (-2.55 - 0.95 * z["bureau"] + 0.30 * z["dti"] + 0.30 * z["delinquencies"] - 0.40 * z["income"]
            + 0.25 * z["old"] + 0.05 * z["district"] - 0.15 * z["tenure"])


def true_log_odds(a: pd.DataFrame, concept: float) -> np.ndarray:
    """How defaults really come about in a month: the model's relation, bent by ``concept``."""
    z = _standardised(a)
    return (-2.55 + 0.05 * concept
            - (0.95 - 0.65 * concept) * z["bureau"]
            + (0.30 + 1.20 * concept) * z["dti"]
            + 0.30 * z["delinquencies"] - 0.40 * z["income"]
            + 0.25 * (1 - concept) * z["old"]
            + 0.05 * (1 - concept) * z["district"] - 0.15 * z["tenure"])


def make_file(name: str, seed: int = SEED) -> pd.DataFrame:
    """One monitoring file, in the published column order."""
    world = WORLDS[name]
    rng = np.random.default_rng([seed, FILES.index(name)])
    applicants = _applicants(rng, ROWS[name], world.partner_share)
    score = 1 / (1 + np.exp(-model_log_odds(applicants)))
    approve = score < SCORE_CUTOFF
    truth = 1 / (1 + np.exp(-(true_log_odds(applicants, world.concept) + rng.normal(0, 0.55, len(applicants)))))
    defaulted = (rng.random(len(applicants)) < truth).astype("float64")
    known = approve | (rng.random(len(applicants)) < 0.7)
    if not world.labelled:
        known[:] = False
    frame = applicants.drop(columns="age")
    frame["score"] = np.round(score, 3)
    frame["decision"] = np.where(approve, "approve", "decline")
    frame["defaulted"] = pd.array(np.where(known, defaulted, np.nan), dtype="Int64")
    return frame[list(COLUMNS)]


def csv_text(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n", float_format="%.10g")
    return buffer.getvalue()


def generate(seed: int = SEED) -> dict[str, str]:
    """File name → CSV text, for every bundled file."""
    return {f"{name}.csv": csv_text(make_file(name, seed)) for name in FILES}


def write(out: Path = OUT_DIR, seed: int = SEED) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, text in generate(seed).items():
        path = out / filename
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lifecycle.diagnosis.generate",
                                     description="Write the loan scenario's monitoring CSVs.")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=f"folder to write to (default {OUT_DIR})")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    options = parser.parse_args(argv)
    for path in write(options.out, options.seed):
        print(f"{path} ({path.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
