"""Practice mode: scenario briefs and answer keys (data in ``sample_projects/practice/``), the answers a
learner can flag, and the scoring of a submission against the key.

Pure domain code: the pages in ``ui/practice_view.py`` render what is computed here.
"""

from .files import PRACTICE_DIR, PracticeFileError, load_brief, load_key, practice_scenarios
from .keys import AnswerKey, Brief, Gap, Level
from .paths import PathError, flag_target, resolve
from .scoring import BANDS, Feedback, GapResult, PhaseScore, band_for, score_attempt
from .targets import Target, targets_of

__all__ = [
    "BANDS", "PRACTICE_DIR", "AnswerKey", "Brief", "Feedback", "Gap", "GapResult", "Level", "PathError",
    "PhaseScore", "PracticeFileError", "Target", "band_for", "flag_target", "load_brief", "load_key",
    "practice_scenarios", "resolve", "score_attempt", "targets_of",
]
