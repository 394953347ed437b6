"""Table answers: a row at a time in labelled fields, addressed by the row's id, never by position."""

from __future__ import annotations

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Selectbox

from .conftest import answer, cell, row_picker, shown_table, widget

DATA = "pages/data.py"


def _sources(at: AppTest) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "row_id"} for row in answer(at, "data", "sources")]


def test_a_blank_table_shows_its_columns_and_an_empty_new_row(at: AppTest) -> None:
    at.switch_page(DATA).run()
    assert not at.exception
    table = shown_table(at, "Source *")
    assert list(table.columns) == ["#", "Source *", "Owner *", "Kind", "Refresh *", "Contains PII *", "Versioned"]
    assert table.empty
    assert row_picker(at, "data.sources").options == ["New row 1"]
    assert cell(at, "text_input", "data.sources", "name").value == ""


def test_answers_typed_after_other_answers_fill_one_new_row_column_by_column(at: AppTest) -> None:
    at.switch_page(DATA).run()
    widget(at, "text_area", "data.access_and_privacy").input("Analysts read pseudonymised extracts only.").run()
    cell(at, "text_input", "data.sources", "name").input("crm.accounts").run()
    cell(at, "text_input", "data.sources", "owner").input("CRM team").run()
    cell(at, "selectbox", "data.sources", "refresh").select("daily").run()
    cell(at, "segmented_control", "data.sources", "contains_pii").set_value("No").run()
    assert not at.exception
    assert _sources(at) == [
        {"name": "crm.accounts", "owner": "CRM team", "kind": None, "refresh": "daily", "contains_pii": False,
         "versioned": None}
    ]
    assert answer(at, "data", "access_and_privacy") == "Analysts read pseudonymised extracts only."
    shown = shown_table(at, "Source *")
    assert shown.iloc[0].tolist() == ["1", "crm.accounts", "CRM team", "", "Daily", "No", ""]


def test_a_yes_no_cell_starts_unanswered_and_can_be_cleared_again(at: AppTest) -> None:
    at.switch_page(DATA).run()
    cell(at, "text_input", "data.sources", "name").input("billing.invoices").run()
    assert cell(at, "segmented_control", "data.sources", "contains_pii").value is None
    assert answer(at, "data", "sources")[0]["contains_pii"] is None  # not answered, not "No"
    cell(at, "segmented_control", "data.sources", "contains_pii").set_value("Yes").run()
    assert answer(at, "data", "sources")[0]["contains_pii"] is True
    cell(at, "segmented_control", "data.sources", "contains_pii").set_value(None).run()
    assert answer(at, "data", "sources")[0]["contains_pii"] is None


def test_editing_a_picked_row_changes_that_row_only(at: AppTest) -> None:
    at.session_state["project"]["data"]["sources"] = [
        {"row_id": "a", "name": "crm", "owner": "CRM"}, {"row_id": "b", "name": "billing", "owner": "Finance"},
    ]
    at.switch_page(DATA).run()
    row_picker(at, "data.sources").select("b").run()
    assert cell(at, "text_input", "data.sources", "owner").value == "Finance"
    cell(at, "text_input", "data.sources", "owner").input("Billing platform").run()
    assert [(r["name"], r["owner"]) for r in _sources(at)] == [("crm", "CRM"), ("billing", "Billing platform")]


def test_deleting_removes_that_row_and_undo_puts_it_back_in_its_place(at: AppTest) -> None:
    at.session_state["project"]["data"]["sources"] = [
        {"row_id": "a", "name": "crm"}, {"row_id": "b", "name": "billing"}, {"row_id": "c", "name": "web"},
    ]
    at.switch_page(DATA).run()
    row_picker(at, "data.sources").select("b").run()
    at.button(key=next(b.key for b in at.button if b.key and b.key.endswith(":b:delete"))).click().run()
    assert [r["name"] for r in _sources(at)] == ["crm", "web"]
    assert any("Deleted the row “billing”" in i.value for i in at.info)
    at.button(key=next(b.key for b in at.button if b.key and b.key.endswith(":undo"))).click().run()
    assert [r["row_id"] for r in answer(at, "data", "sources")] == ["a", "b", "c"]


def test_rows_answered_elsewhere_meanwhile_do_not_move_an_edit(at: AppTest) -> None:
    at.session_state["project"]["data"]["sources"] = [{"row_id": "a", "name": "crm"}, {"row_id": "b", "name": "billing"}]
    at.switch_page(DATA).run()
    row_picker(at, "data.sources").select("b").run()
    owner = cell(at, "text_input", "data.sources", "owner")
    # Another session's row is merged in before ours: positions shift, ids do not.
    at.session_state["project"]["data"]["sources"].insert(0, {"row_id": "z", "name": "new feed", "owner": ""})
    owner.input("Finance").run()
    assert [(r["name"], r["owner"]) for r in _sources(at)] == [("new feed", ""), ("crm", ""), ("billing", "Finance")]


def test_a_new_row_in_one_table_leaves_the_other_tables_alone(at: AppTest) -> None:
    at.switch_page(DATA).run()
    cell(at, "text_input", "data.features", "name").input("tenure_months").run()
    assert answer(at, "data", "sources") == []
    assert [r["name"] for r in answer(at, "data", "features")] == ["tenure_months"]


def test_renaming_the_open_row_keeps_it_open(at: AppTest) -> None:
    at.session_state["project"]["data"]["sources"] = [{"row_id": "a", "name": "crm"}, {"row_id": "b", "name": "billing"}]
    at.switch_page(DATA).run()
    row_picker(at, "data.sources").select("b").run()
    cell(at, "text_input", "data.sources", "name").input("billing.invoices").run()
    cell(at, "text_input", "data.sources", "owner").input("Finance").run()
    assert row_picker(at, "data.sources").value == "b"
    assert [(r["name"], r["owner"]) for r in _sources(at)] == [("crm", ""), ("billing.invoices", "Finance")]


def test_cells_that_are_only_valid_together_are_kept_until_the_row_is_whole(at: AppTest) -> None:
    at.switch_page("pages/model_card.py").run()
    table = "model_card.quantitative.results"
    cell(at, "text_input", table, "metric").input("AUC").run()
    cell(at, "number_input", table, "value").set_value(0.81).run()
    cell(at, "number_input", table, "ci_lower").set_value(0.78).run()
    assert answer(at, "model_card", "quantitative", "results")[0]["ci_lower"] is None  # one bound alone: refused
    assert any("both bounds" in e.value for e in at.error)
    assert cell(at, "number_input", table, "ci_lower").value == 0.78  # and still on screen
    cell(at, "number_input", table, "ci_upper").set_value(0.84).run()
    row = answer(at, "model_card", "quantitative", "results")[0]
    assert (row["value"], row["ci_lower"], row["ci_upper"]) == (0.81, 0.78, 0.84)
    assert not any("both bounds" in e.value for e in at.error)


def test_the_next_answer_stays_in_the_new_row_when_the_browser_still_reports_it_as_new(
    at: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A browser that sends the row's next answer before it saw the row selected (a busy machine)
    still names the draft's old label; the editor must stay on the row, not jump to an empty one."""
    at.switch_page(DATA).run()
    was_new = row_picker(at, "data.sources").options[-1]
    owner = cell(at, "text_input", "data.sources", "owner")  # the draft's field, already on screen
    cell(at, "text_input", "data.sources", "name").input("crm.accounts").run()
    row_id = row_picker(at, "data.sources").value
    picker_id = row_picker(at, "data.sources").id
    real = Selectbox._widget_state.fget  # type: ignore[attr-defined]

    def stale(self: Selectbox) -> WidgetState:
        if self.id != picker_id:
            return real(self)
        state = WidgetState(id=self.id)
        state.string_value = was_new
        return state

    monkeypatch.setattr(Selectbox, "_widget_state", property(stale))
    owner.input("CRM team").run()
    monkeypatch.undo()
    assert row_picker(at, "data.sources").value == row_id
    assert [(r["name"], r["owner"]) for r in _sources(at)] == [("crm.accounts", "CRM team")]
    assert [b.label for b in at.button if b.label in ("Add a row", "Delete this row")] == ["Delete this row", "Add a row"]
