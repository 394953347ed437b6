"""The governance pages and hooks: risk screening on Problem Framing, the tier on the Overview and the canvas, the
Annex IV page, the gate templates on the phase pages, policy findings on the Checks page, the Policy packs page,
and the tier in the portfolio."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lifecycle import settings
from lifecycle.policies import ENV_VAR
from lifecycle.samples import SAMPLES_DIR, load_sample
from lifecycle.storage import load_project, project_document

from .conftest import answer, page_links, widget

ANNEX_IV = "pages/annex_iv.py"
POLICIES = "pages/policies.py"
PACK = SAMPLES_DIR / "policies" / "harbourline.yaml"



def texts(at: AppTest) -> str:
    parts = [*at.markdown, *at.caption, *at.info, *at.error, *at.warning, *at.success]
    return "\n".join(p.value for p in parts).replace("\\", "")


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def links(at: AppTest) -> list[tuple[str, str, str]]:
    """(label, page, query string) of every page link, and of every "Go to the answer" button (a click
    is followed with the page switch recorded: AppTest does not follow a switch made by the script)."""
    from unittest.mock import patch

    found = page_links(at)
    for key in [b.key for b in at.button if b.label == "Go to the answer"]:
        with patch("streamlit.switch_page") as switch:
            at.button(key=key).click().run()
        if switch.call_args:
            page = switch.call_args.args[0]
            query = switch.call_args.kwargs.get("query_params") or {}
            found.append(("Go to the answer", str(page), "&".join(f"{k}={v}" for k, v in query.items())))
    return found


def open_loan(at: AppTest) -> AppTest:
    return at.button(key="open-sample-loan").click().run()


# --- Problem Framing: the screening --------------------------------------------------------------------

def test_screening_on_problem_framing_derives_the_tier_as_it_is_answered(at: AppTest) -> None:
    at.switch_page("pages/problem_framing.py").run()
    assert not at.exception
    text = texts(at)
    assert "EU AI Act risk screening" in [s.value for s in at.subheader]
    assert "Not screened" in text and "not legal advice" in text
    widget(at, "multiselect", "ai_act.screening.prohibited_practices").set_value(["none"]).run()
    widget(at, "segmented_control", "ai_act.screening.annex_i_product").set_value("No").run()
    widget(at, "multiselect", "ai_act.screening.annex_iii_uses").set_value(["credit_scoring"]).run()
    widget(at, "segmented_control", "ai_act.screening.profiles_natural_persons").set_value("Yes").run()
    widget(at, "multiselect", "ai_act.screening.transparency_cases").set_value(["none"]).run()
    assert not at.exception
    assert answer(at, "ai_act", "screening", "annex_iii_uses") == ["credit_scoring"]
    text = texts(at)
    assert "High-risk" in text and "Annex III, point 5(b)" in text and "Article 6(3), last subparagraph" in text
    # the Problem Framing gate now asks for what a high-risk system needs there
    assert "what a high-risk system also needs at this gate" in text


def test_none_of_these_with_an_answer_is_refused_and_nothing_is_lost(at: AppTest) -> None:
    open_loan(at)
    at.switch_page("pages/problem_framing.py").run()
    widget(at, "multiselect", "ai_act.screening.annex_iii_uses").set_value(["none", "credit_scoring"]).run()
    assert not at.exception
    assert any("choose 'None of these' on its own" in e.value.replace("\\", "") for e in at.error)
    assert answer(at, "ai_act", "screening", "annex_iii_uses") == ["credit_scoring"]


def test_the_overview_and_the_canvas_show_the_tier(at: AppTest) -> None:
    open_loan(at)
    text = texts(at)
    assert "EU AI Act risk tier:" in text and "High-risk" in text and "Annex III, point 5(b)" in text
    assert ("Annex IV: 20 of 23 points documented", "annex_iv") in [(label, page.split("/")[-1].removesuffix(".py"))
                                                                     for label, page, _ in links(at)]
    at.switch_page("pages/canvas.py").run()
    assert not at.exception
    assert "EU AI Act risk tier" in texts(at) and "High-risk: Annex III, point 5(b)" in texts(at)


# --- the Annex IV page ------------------------------------------------------------------------------

def test_annex_iv_page_on_a_blank_project_says_what_it_is_and_lists_every_gap(at: AppTest) -> None:
    at.switch_page(ANNEX_IV).run()
    assert not at.exception
    assert at.title[0].value == "EU AI Act: Annex IV technical documentation"
    text = texts(at)
    assert "A documentation aid, not legal advice" in text
    assert "Annex IV is required of high-risk systems" in text
    assert metrics(at)["Points documented"] == "0 of 23"
    assert len(at.expander) == 23 and all("not documented" in e.label for e in at.expander)
    targets = {label: (page, query) for label, page, query in links(at)}
    page, query = targets["Answer “Problem statement”"]
    assert page.endswith("problem_framing") and query == "focus=problem_framing.problem_statement"
    page, query = targets["Answer “Harmonised standards applied”"]
    assert page.endswith("annex_iv") and query == "focus=ai_act.documentation.standards_applied"
    page, query = targets["Answer “Caveats”"]
    assert page.endswith("model_card") and query == "focus=model_card.caveats.caveats"
    page, query = targets["Answer “Period the data covers”"]
    assert page.endswith("datasheet") and query == "focus=datasheet.collection.collection_period"
    page, query = targets["Answer “Results per slice”"]  # a table: the link opens its editor
    assert page.endswith("model_card") and query == "focus=model_card.quantitative.results"


def test_annex_iv_page_for_the_loan_shows_the_answers_behind_each_point_and_the_gaps(at: AppTest) -> None:
    open_loan(at)
    at.switch_page(ANNEX_IV).run()
    assert not at.exception
    assert metrics(at)["Points documented"] == "20 of 23" and metrics(at)["Risk tier"] == "High-risk"
    (two_g,) = [e for e in at.expander if e.label.startswith("2(g)")]
    assert two_g.label == "2(g) Validation and testing · partly documented: 6 of 7 answers"
    inside = "\n".join(m.value for m in two_g.markdown).replace("\\", "")
    assert "Random split" in inside and "Bias testing** *(Modeling & Evaluation)*: not answered yet" in inside
    assert "Due at the Modeling & Evaluation gate." in "\n".join(c.value for c in two_g.caption)
    assert ("Answer “Bias testing”", "modeling", "focus=modeling.bias_testing") in [
        (label, page.split("/")[-1].removesuffix(".py"), query) for label, page, query in links(at)]


def test_answering_a_focused_annex_iv_question_raises_the_coverage(at: AppTest) -> None:
    open_loan(at)
    at.query_params["focus"] = "ai_act.documentation.standards_applied"
    at.switch_page(ANNEX_IV).run()
    assert "Fixing: Harmonised standards applied" in texts(at)
    box = next(w for w in at.text_area if w.key.startswith("focus:") and w.key.endswith("standards_applied"))
    box.input("EN ISO/IEC 42001 for the management system; no harmonised standard for credit models yet.").run()
    assert not at.exception
    assert answer(at, "ai_act", "documentation", "standards_applied").startswith("EN ISO/IEC 42001")
    assert metrics(at)["Points documented"] == "21 of 23"


def follow(at: AppTest, label: str) -> AppTest:
    """Open the page a link points at, with its query, as the browser does after the click."""
    ((page, query),) = {(page, query) for text, page, query in page_links(at) if text == label}
    for key in list(at.query_params):  # a switch of page replaces the query
        del at.query_params[key]
    for pair in filter(None, query.split("&")):
        key, _, value = pair.partition("=")
        at.query_params[key] = value
    return at.switch_page(f"pages/{page}.py").run()


def test_a_missing_model_card_answer_opens_focused_and_answering_it_raises_the_coverage(at: AppTest) -> None:
    open_loan(at)
    at.switch_page("pages/model_card.py").run()
    widget(at, "text_area", "model_card.caveats.caveats").input("").run()  # section 3 now lacks its caveats
    at.switch_page(ANNEX_IV).run()
    assert metrics(at)["Points documented"] == "19 of 23"
    follow(at, "Answer “Caveats”")
    assert not at.exception
    assert at.title[0].value == "Model Card" and "Fixing: Caveats" in texts(at)
    focused = [w for w in at.text_area if w.key.startswith("focus:")]
    assert [w.key.split(":")[-1] for w in focused] == ["model_card.caveats.caveats"]
    focused[0].input("Not validated for self-employed applicants; scores drift in a rate shock.").run()
    assert not at.exception
    assert answer(at, "model_card", "caveats", "caveats").startswith("Not validated for self-employed")
    assert widget(at, "text_area", "model_card.caveats.caveats").value.startswith("Not validated")  # the form agrees
    follow(at, "Done")
    assert "Fixing:" not in texts(at)
    at.switch_page(ANNEX_IV).run()
    assert metrics(at)["Points documented"] == "20 of 23"


def test_a_data_sheet_link_focuses_its_question_and_a_table_opens_its_editor(at: AppTest) -> None:
    at.query_params["focus"] = "datasheet.collection.collection_period"
    at.switch_page("pages/datasheet.py").run()
    assert not at.exception and "Fixing: Period the data covers" in texts(at)
    (box,) = [w for w in [*at.text_input, *at.text_area] if w.key.startswith("focus:")]
    box.input("Loans drawn down 2019-01 to 2023-12").run()
    assert answer(at, "datasheet", "collection", "collection_period") == "Loans drawn down 2019-01 to 2023-12"
    at.query_params["focus"] = "model_card.quantitative.results"
    at.switch_page("pages/model_card.py").run()
    assert not at.exception and "Fixing: Results per slice" in texts(at)
    assert any(w.key.startswith("focus:") and w.key.endswith("model_card.quantitative.results:row")
               for w in at.selectbox)
    at.query_params["focus"] = "model_card.no_such.answer"  # a stale link just opens the page
    at.switch_page("pages/model_card.py").run()
    assert not at.exception and "Fixing:" not in texts(at)


# --- gate templates on the phase pages --------------------------------------------------------------

def test_a_high_risk_gate_lists_what_it_still_needs_and_asks_the_annex_iv_only_questions_there(at: AppTest) -> None:
    open_loan(at)
    at.switch_page("pages/deployment.py").run()
    assert not at.exception
    text = texts(at)
    assert "EU AI Act: what a high-risk system also needs at this gate" in text
    assert "Annex IV 7: Harmonised standards and other solutions applied (0 of 1)" in text
    inline = [w for w in [*at.text_area, *at.text_input] if w.key.startswith("gate-deployment:")]
    assert {w.key.split(".")[-1] for w in inline} == {"standards_applied", "declaration_of_conformity"}
    progress_before = next(p for p in at.sidebar.get("progress") if "Deployment" in p.proto.text).proto.text
    assert progress_before == "Deployment: 29/31"
    (conformity,) = [w for w in inline if w.key.endswith("declaration_of_conformity")]
    conformity.input("SharePoint Credit/ClearLend/08 EU declaration of conformity v1 (2025-07-30)").run()
    assert next(p for p in at.sidebar.get("progress") if "Deployment" in p.proto.text).proto.text == \
        "Deployment: 30/31"
    at.switch_page("pages/modeling.py").run()
    assert ("Answer “Bias testing” (Modeling & Evaluation)", "focus=modeling.bias_testing") in [
        (label, query) for label, _, query in links(at)]


def test_a_minimal_risk_project_has_no_extra_gate_requirements(at: AppTest) -> None:
    at.button(key="open-sample-recommendation").click().run()
    at.switch_page("pages/deployment.py").run()
    assert not at.exception
    assert "also needs at this gate" not in texts(at)


# --- policy packs on the Checks page and their own page -----------------------------------------------

def test_policy_findings_show_on_the_checks_page_beside_the_built_in_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(PACK))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=60)
    at.run()
    open_loan(at)
    at.switch_page("pages/checks.py").run()
    assert not at.exception
    badges = [m.value.replace("\\", "") for m in at.markdown if "-badge[" in m.value]
    assert any("**POL-MRM-001** Every credit model needs a Model Risk sign-off" in b for b in badges)
    assert any("**MO-011**" in b for b in badges)  # the built-in checks are still there
    text = texts(at)
    assert "Policy pack: Harbourline model governance" in text
    assert "is a credit model, but no stage gate names Model Risk" in text
    # accepted with a reason, like any finding
    key = next(b.key for b in at.button if b.key and b.key.startswith("finding:POL-PRIV-001") and
               b.key.endswith(":accept")).removesuffix(":accept")
    at.text_area(key=f"{key}:reason").input("The DPIA number is requested from the DPO.").run()
    at.text_input(key=f"{key}:by").input("Marta Leclerc").run()
    at.button(key=f"{key}:accept").click().run()
    assert [e["check_id"] for e in answer(at, "accepted_findings")] == ["POL-PRIV-001"]


def test_a_broken_configured_pack_is_explained_not_a_stack_trace(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "org.yaml"
    bad.write_text("name: Org\nrules:\n  - id: POL-X-001\n    title: t\n    phase: data\n    severity: warning\n"
                   "    require: {field: data.sourcez, operator: empty}\n    message: m\n    fix: f\n",
                   encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(bad))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/checks.py").run()
    assert not at.exception
    assert "**POL-PACK-ERROR** A policy pack could not be read" in texts(at)
    assert f"{bad}: rule 1 (POL-X-001), line 3: require.field: 'data.sourcez'" in texts(at)
    at.switch_page(POLICIES).run()
    assert not at.exception
    assert "Some packs cannot be read" in texts(at) and "did you mean 'sources'" in texts(at)


def test_the_policy_packs_page_says_how_to_configure_and_shows_each_rule(at: AppTest,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    at.switch_page(POLICIES).run()
    assert not at.exception
    assert f"Set {ENV_VAR}" in texts(at)
    monkeypatch.setenv(ENV_VAR, str(PACK.parent))
    at.switch_page("pages/home.py").run()
    open_loan(at)
    at.switch_page(POLICIES).run()
    assert not at.exception
    assert "Harbourline model governance" in [s.value for s in at.subheader]
    (table,) = at.dataframe
    results = dict(zip(table.value["Rule"], table.value["This project"]))
    assert results == {"POL-MRM-001": "Finding (blocker)", "POL-PRIV-001": "Finding (warning)",
                       "POL-AIA-001": "Passes", "POL-HR-001": "Passes", "POL-CAL-001": "Passes"}


def test_packs_listed_in_lifecycle_toml_apply_in_the_app(at: AppTest, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "lifecycle.toml"
    config.write_text(f'policy_packs = ["{PACK.parent}"]\n', encoding="utf-8")
    monkeypatch.setattr(settings, "config_file", lambda: config)
    open_loan(at)
    at.switch_page(POLICIES).run()
    assert not at.exception
    assert "Harbourline model governance" in [s.value for s in at.subheader]
    assert f"Configured: {PACK} (from {config})" in texts(at)
    at.switch_page("pages/checks.py").run()
    assert "Policy pack: Harbourline model governance" in texts(at)
    config.write_text("policy_packs = sample_projects/policies\n", encoding="utf-8")  # not TOML: reported
    at.switch_page(POLICIES).run()
    assert not at.exception
    assert "Some packs cannot be read" in texts(at) and f"{config}: not valid TOML" in texts(at)


# --- the portfolio ------------------------------------------------------------------------------------

def test_the_portfolio_shows_and_filters_by_risk_tier(at: AppTest) -> None:
    for key in ("loan", "recommendation", "churn"):
        at.button(key=f"open-sample-{key}").click().run()
        at.switch_page("pages/problem_framing.py").run()
        box = widget(at, "text_area", "problem_framing.out_of_scope")
        box.input((box.value or "") + " ").run()  # a change stores the sample
        at.switch_page("pages/home.py").run()
    at.switch_page("pages/portfolio.py").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert dict(zip(table["Project"], table["EU AI Act tier"])) == {
        load_sample("loan").info.name: "High-risk",
        load_sample("recommendation").info.name: "Minimal risk",
        load_sample("churn").info.name: "Minimal risk",
    }
    at.selectbox(key="portfolio-tier").select("high_risk").run()
    assert list(at.dataframe[0].value["Project"]) == [load_sample("loan").info.name]
    assert "**1** of 3 projects" in texts(at)


def test_a_version_1_file_opens_unscreened(at: AppTest) -> None:
    v1 = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "v1_loan.yaml"
    at.session_state["project"] = project_document(load_project(v1))
    at.switch_page(ANNEX_IV).run()
    assert not at.exception and metrics(at)["Risk tier"] == "Not screened"
    assert "Answer the screening to place the use case" in texts(at)


def test_findings_about_ai_act_answers_link_to_the_page_that_asks_them(at: AppTest) -> None:
    open_loan(at)
    at.session_state["project"]["ai_act"]["screening"]["prohibited_practices"] = ["social_scoring"]
    at.switch_page("pages/checks.py").run()
    assert not at.exception
    targets = {(page.split("/")[-1].removesuffix(".py"), query) for label, page, query in links(at)
               if label == "Go to the answer"}
    assert ("problem_framing", "focus=ai_act.screening.prohibited_practices") in targets  # PF-901
    at.query_params["focus"] = "ai_act.screening.prohibited_practices"
    at.switch_page("pages/problem_framing.py").run()
    assert "Fixing: Does the system do any of these prohibited practices?" in texts(at)
    focused = next(w for w in at.multiselect if w.key.startswith("focus:"))
    focused.set_value(["none"]).run()
    assert answer(at, "ai_act", "screening", "prohibited_practices") == ["none"]
    assert "High-risk" in texts(at)


def test_annex_iv_gaps_on_the_checks_page_open_the_annex_iv_question(at: AppTest) -> None:
    open_loan(at)
    at.switch_page("pages/checks.py").run()
    targets = {(page.split("/")[-1].removesuffix(".py"), query) for label, page, query in links(at)
               if label == "Go to the answer"}
    assert ("annex_iv", "focus=ai_act.documentation.standards_applied") in targets  # GATE-DE-AIA, Annex IV 7
    assert ("modeling", "focus=modeling.bias_testing") in targets  # GATE-MO-AIA, Annex IV 2(g)
