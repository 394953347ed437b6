"""Unexpected errors in the browser: a message that names what failed, never a traceback, and the project kept.

Three places where code runs on the user's behalf, each wrapped here:

- ``run_page``: the page script (app.py calls it instead of ``page.run()``). An error shows which
  page failed and what went wrong; the open project is in session state, untouched, and stays saved.
- ``guarded``: widget callbacks (they run before the page, outside ``run_page``). A failing callback
  is logged and its message shown at the top of the next page run, once. Every callback runs under
  this guard without a decorator (``ui/callback_guard.py``); ``@guarded("what")`` gives better words.
- ``guarded_download``: a download button's deferred builder (a file made on click). Streamlit runs it
  outside any page run and can only say "Failed to generate file"; instead the failure is kept for the
  next page run and the download is a file that says what could not be made and why (a one-page PDF,
  or a Markdown text for a Markdown download).

Messages are shown once and never stored beyond the next run, so no page stays stuck on an old error.
The full traceback goes to the server log only.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from . import state
from .text import plain

log = logging.getLogger(__name__)
FAILURES = "ui_failures"  # messages of failed callbacks and downloads, shown once by the next page run
DETAIL_CHARS = 300
F = TypeVar("F", bound=Callable[..., Any])
D = TypeVar("D", bytes, str)


def describe(error: BaseException) -> str:
    """'ValueError: the row is too high…': the kind of error and its own words, cut short, one line."""
    text = " ".join(str(error).split())
    if len(text) > DETAIL_CHARS:
        text = text[: DETAIL_CHARS - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _kept() -> str:
    if state.project_id():
        if state.has_unsaved_changes():
            return "Your project is unchanged; its latest answers are kept in this session (not yet saved)."
        return f"Your project is unchanged and saved (version {state.version()})."
    return "Your project is unchanged."


def show_failure(what: str, error: BaseException | str) -> None:
    detail = error if isinstance(error, str) else describe(error)
    st.error(
        f"**{plain(what[:1].upper() + what[1:])} failed.** {_kept()} Try again, or carry on with another page; "
        f"if it happens again, please report it with this detail:\n\n`{detail.replace('`', chr(39))}`",
        icon=":material/error:",
    )


def _record(message: tuple[str, str], session_state: Any | None = None) -> None:
    target = session_state if session_state is not None else st.session_state
    failures = list(target[FAILURES]) if FAILURES in target else []
    target[FAILURES] = [*failures, message][-5:]


def record(what: str, error: BaseException) -> None:
    """Keep a callback's failure for the next page run (from inside a callback)."""
    _record((what, describe(error)))


def show_recorded() -> None:
    """Show (once) what failed in callbacks and downloads since the last run."""
    for what, detail in st.session_state.pop(FAILURES, []):
        show_failure(what, detail)


def run_page(page: Any) -> None:
    """Run the page chosen by ``st.navigation``; an unexpected error is named instead of shown as a traceback."""
    show_recorded()
    try:
        page.run()
    except Exception as error:  # st.rerun / st.stop are BaseExceptions and pass through
        log.exception("page %s failed", getattr(page, "title", page))
        show_failure(f"the {getattr(page, 'title', 'page')} page", error)


@contextmanager
def shielded(what: str) -> Iterator[None]:
    """Run a part of every page (app.py's reconcile and sidebar) so that an unexpected error in it is named where
    it happened and the page itself still runs; st.rerun / st.stop (BaseExceptions) pass through."""
    try:
        yield
    except Exception as error:
        log.exception("%s failed", what)
        show_failure(what, error)


def guarded(what: str) -> Callable[[F], F]:
    """Decorate a widget callback: an error in it is logged and reported by the next page run."""

    def wrap(callback: F) -> F:
        @functools.wraps(callback)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return callback(*args, **kwargs)
            except Exception as error:
                log.exception("%s failed", what)
                record(what, error)
                return None

        return run  # type: ignore[return-value]

    return wrap


def guarded_download(what: str, build: Callable[[], D],
                     failure: Callable[[str, str], D] | None = None) -> Callable[[], D]:
    """A deferred download builder that cannot fail silently: on an error the file explains it (made by
    ``failure``, a PDF unless given), and the page says so on its next run."""
    explain: Callable[[str, str], Any] = failure or failure_pdf
    ctx = get_script_run_ctx()
    session_state = ctx.session_state if ctx is not None else None  # thread-safe; the builder runs elsewhere

    def make() -> D:
        try:
            return build()
        except Exception as error:
            log.exception("%s failed", what)
            if session_state is not None:
                _record((what, describe(error)), session_state)
            return explain(what, describe(error))  # type: ignore[no-any-return]

    return make


def failure_markdown(what: str, detail: str) -> str:
    """In place of a Markdown file that failed: what could not be made and why. The detail is one line
    that starts with the error's name, so inside a fence nothing of it is read as Markdown."""
    return (f"# {what[:1].upper() + what[1:]} could not be made\n\nYour project is unchanged. Try again from the "
            f"app; if it happens again, please report it with the detail below.\n\n~~~\n{detail}\n~~~\n")


def failure_pdf(what: str, detail: str) -> bytes:
    """A one-page PDF that says what could not be made and why (in place of the file that failed)."""
    from fpdf import FPDF  # only when an export failed

    def latin(text: str) -> str:  # the PDF core font covers Latin-1
        return text.encode("latin-1", "replace").decode("latin-1")

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, latin(f"{what[:1].upper() + what[1:]} could not be made"))
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, latin("Your project is unchanged. Try again from the app; if it happens again, please "
                               "report it with the detail below."), wrapmode="CHAR")
    pdf.ln(3)
    pdf.set_font("Courier", "", 9)
    pdf.multi_cell(0, 5, latin(detail), wrapmode="CHAR")
    return bytes(pdf.output())
