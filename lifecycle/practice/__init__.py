"""Practice mode: scenario briefs and answer keys (data in ``sample_projects/practice/``), the answers a
learner can flag, and the scoring of a submission against the key.

Pure domain code: the UI renders what is computed here. ``ui/practice_page.py`` is the Practice page (brief,
flags, submit, feedback, fix the plan), ``ui/practice_brief.py`` the brief, ``ui/practice_flags.py`` the flag
panel of a phase page, the Plan, the Data Sheet and the Model Card, ``ui/practice_drill.py`` the interview
drill and ``ui/practice_mode.py`` the switch that hides the checks' results. What the domain draws decides
that itself from ``project.practice.active``, so every front end hides the same: the canvas's missing marks
(``lifecycle/canvas.py``), the lifecycle map (``lifecycle/export/map_pdf.py``) and the portfolio's counts
(``lifecycle/store/summary.py``).
"""

from .files import PRACTICE_DIR, PracticeFileError, load_brief, load_key, practice_scenarios
from .keys import AnswerKey, Brief, Gap, Level
from .paths import PathError, flag_target, resolve
from .scoring import BANDS, Feedback, GapResult, PhaseScore, band_for, score_attempt
from .targets import AREAS, Area, Target, home_area, targets_in, targets_of

__all__ = [
    "AREAS", "BANDS", "PRACTICE_DIR", "AnswerKey", "Area", "Brief", "Feedback", "Gap", "GapResult", "Level",
    "PathError", "PhaseScore", "PracticeFileError", "Target", "band_for", "flag_target", "home_area", "load_brief",
    "load_key", "practice_scenarios", "resolve", "score_attempt", "targets_in", "targets_of",
]
