"""Checks that read prose: each gap in at least three wordings, and fixes that keep the tempting words.

Every case starts from ``tests/fixtures/perfect.yaml`` (no findings) and changes one or
two answers. ``FIRES`` lists wordings a check must catch; ``QUIET`` lists sound answers it
must leave alone, many of them repairs that still contain the words a naive check would
trip on ("we considered a random split, but..."). Wordings are written for this file, in
several voices, not copied from any corpus.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lifecycle.checks import CROSS, REGISTRY, TEXT, run_checks
from lifecycle.model import Project
from lifecycle.storage import load_project

from .test_checks_cases import Mutation, both, put

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"
_BASE = load_project(PERFECT)


def _mutated(mutation: Mutation) -> Project:
    project = _BASE.model_copy(deep=True)
    mutation(project)
    return project


def rollback(text: str) -> Mutation:
    return put("deployment.rollback_plan", text)


def feature_description(text: str, index: int = 1) -> Mutation:
    return put(f"data.features[{index}].description", text)


def split_text(text: str) -> Mutation:
    return put("modeling.model_description", text)


def random_split_of(path: str, text: str) -> Mutation:
    """A random split of data that is not time-ordered, with ``text`` at ``path``."""
    return both(put("modeling.evaluation_split", "random"), put("data.time_ordered", False), put(path, text))


FIRES: list[tuple[str, Mutation]] = [
    # --- generalisation probes: wordings from other domains' habits
    ("DA-002", both(put("data.features[2].name", "handling_agent_team"),
                    feature_description("Team of the agent who eventually handled the ticket.", 2))),
    ("DA-002", both(put("data.features[2].name", "reopen_count"),
                    feature_description("How many times the ticket was reopened before it was closed.", 2))),
    ("DA-002", both(put("data.features[2].name", "final_priority"),
                    feature_description("The priority the ticket ended with.", 2))),
    ("DE-004", put("deployment.end_to_end_path", "Training features come from a dbt model; the service computes its "
                                                 "own versions in Kotlin.")),
    ("DE-001", rollback("There is no going back once the new model is live; we fix forward.")),
    ("DE-001", rollback("To be designed during hardening.")),
    ("DE-015", put("deployment.fallback", "Requests are retried until the service answers.")),
    ("DE-002", put("deployment.quality_gate", "An engineer looks over the metrics before each release.")),
    ("DE-002", put("deployment.quality_gate", "A failing check raises a warning in the pipeline but the deploy "
                                              "continues.")),
    ("MN-004", put("monitoring.alert_owner", "whoever is around")),
    ("MN-002", put("monitoring.signals[1].threshold", "to be calibrated after launch")),
    ("DA-017", put("data.access_and_privacy", "Nothing special; it is internal data.")),
    ("DE-003", put("deployment.rollout_plan", "Flip the switch for every ticket on launch day.")),
    ("MO-013", both(put("modeling.feedback_loop", False),
                    put("monitoring.feedback_collection", "Agents' corrections of our routing become next month's "
                                                          "labels."))),
    ("MO-025", put("modeling.error_analysis", "The eight test weeks were re-scored after every change to pick the "
                                              "best features.")),
    ("DA-017", put("data.access_and_privacy", "Engineers work on the full ticket export with names and e-mail "
                                              "addresses; no restrictions beyond the VPN.")),
    ("MO-024", random_split_of("modeling.model_description", "Logistic regression on monthly snapshots of open "
                                                             "tickets; a random fifth of the rows is the test set.")),
    ("DA-002", feature_description("Product area as corrected once the quality review is done.")),
    ("MN-004", put("monitoring.alert_owner", "support-ml@corp.example")),
    ("DE-002", put("deployment.quality_gate", "The numbers go to the support lead, who decides whether to ship.")),
    ("DE-002", put("deployment.quality_gate", "Release is at the product manager's discretion once the report is in.")),
    ("MO-025", put("modeling.error_analysis", "We kept adjusting features until the test weeks looked right.")),
    ("MO-004", split_text("TF-IDF weights were fit on all tickets before splitting by month.")),
    ("DE-014", put("deployment.end_to_end_path", "While the customer types the ticket, the form calls the service and "
                                                 "shows the suggested queue.")),
    # --- rollback deferred or denied
    ("DE-001", rollback("Rollback: to be agreed with the platform team before go-live.")),
    ("DE-001", rollback("The previous model stays in the registry; how we switch back is still being worked out "
                        "with SRE.")),
    ("DE-001", rollback("We'll figure the rollback out once the service is live.")),
    ("DE-001", rollback("No way back is planned: a bad model is retrained and redeployed.")),
    ("DE-001", rollback("Reverting follows the company change process, which is being rewritten this quarter.")),
    # --- fallback
    ("DE-015", put("deployment.fallback", "To be decided with the helpdesk vendor.")),
    ("DE-015", put("deployment.fallback", "Not needed: the service runs on three pods, so it will not go down.")),
    ("DE-015", put("deployment.fallback", "If the service breaks, the on-call engineer will restart it.")),
    # --- quality gate not enforced
    ("DE-002", put("deployment.quality_gate", "The numbers are posted in the release channel; the team lead can ship "
                                              "anyway if a miss looks small.")),
    ("DE-002", put("deployment.quality_gate", "Advisory for now: nobody is blocked by a failing row.")),
    ("DE-002", put("deployment.quality_gate", "We eyeball the report before each deploy.")),
    # --- all at once
    ("DE-003", put("deployment.rollout_plan", "Big-bang switch for every queue on the first Monday of June.")),
    ("DE-003", put("deployment.rollout_plan", "All agents move to the new routing on the same day, to keep one "
                                              "process.")),
    ("DE-003", put("deployment.rollout_plan", "Canary means the first week after go-live, across all queues at "
                                              "once.")),
    # --- feature code written twice, though the answer says shared
    ("DE-004", put("deployment.end_to_end_path", "Training features come from a pandas notebook; the routing "
                                                 "service re-implements them in Java for speed.")),
    ("DE-004", put("deployment.end_to_end_path", "The webhook handler has its own tokenizer, hand-written in "
                                                 "TypeScript, instead of the training pipeline's.")),
    ("DE-004", put("deployment.serving_environment", "A Go port of the feature code runs in the API; training "
                                                     "uses the Python package.")),
    # --- consumers nobody agreed with
    ("DE-010", put("deployment.consumers", "The routing webhook. The billing team has started reading the "
                                           "scores from the warehouse for their churn report.")),
    ("DE-010", put("deployment.consumers", "The webhook, plus whoever reads the predictions topic.")),
    ("DE-010", put("deployment.consumers", "The routing webhook; the sales team may use the queue guess for "
                                           "upsell campaigns (not agreed yet).")),
    # --- rollback not rehearsed although ticked
    ("DE-011", rollback("The registry alias is switched back in five minutes; the drill is scheduled for after "
                        "launch.")),
    ("DE-011", rollback("Switch the alias back to the previous version. Never tried so far.")),
    ("DE-011", rollback("Flip the alias back; a dry run is planned but has not happened.")),
    # --- serving mode contradicted
    ("DE-014", put("deployment.serving_mode", "batch")),
    ("DE-014", both(put("deployment.serving_mode", "online"),
                    put("deployment.serving_environment", "Python job on the analytics cluster."),
                    put("problem_framing.decision_supported", "Agents start the day from the suggested queues."),
                    put("deployment.end_to_end_path", "A nightly job scores all open tickets at 02:00 and writes "
                                                      "the queue suggestions to a table the helpdesk reads."))),
    ("DE-014", both(put("deployment.serving_mode", "streaming"),
                    put("deployment.serving_environment", "Scheduled container in the data platform."),
                    put("problem_framing.decision_supported", "Team leads rebalance the queues on Monday."),
                    put("deployment.end_to_end_path", "Every Sunday evening the pipeline ranks last week's tickets "
                                                      "and exports the list to the support dashboard."))),
    # --- owners
    ("MN-004", put("monitoring.alert_owner", "Support Tools ML, owner to be named after the reorganisation")),
    ("MN-004", put("monitoring.alert_owner", "#ml-alerts channel in Slack")),
    ("MN-004", put("monitoring.alert_owner", "The platform team, once they agree to take it on")),
    ("MN-004", put("monitoring.signals[0].owner", "TBC")),
    # --- staleness
    ("MN-005", put("monitoring.staleness_impact", "Should hold up for a year or so; we have not looked.")),
    ("MN-005", put("monitoring.staleness_impact", "Unknown for now. We will measure decay after the first quarter "
                                                  "live.")),
    ("MN-005", put("monitoring.staleness_impact", "Probably fine: tickets do not change much.")),
    # --- manual inspection
    ("MN-007", put("monitoring.manual_inspection", "Nobody looks at the routed tickets unless someone complains.")),
    ("MN-007", put("monitoring.manual_inspection", "A weekly review is planned once the team has capacity.")),
    ("MN-007", put("monitoring.manual_inspection", "TBD")),
    # --- retraining waits for time
    ("MN-003", put("monitoring.retraining_cadence", "When the drift alarm fires and someone has a free sprint.")),
    ("MN-003", put("monitoring.retraining_cadence", "As and when needed; we will judge from the dashboard.")),
    ("MN-003", put("monitoring.retraining_cadence", "Monthly if the roadmap allows.")),
    # --- quality signal on paper only
    ("MN-002", put("monitoring.signals[1].threshold", "to be defined once we have live data")),
    ("MN-002", put("monitoring.signals[1].threshold", "tbd")),
    ("MN-002", put("monitoring.signals[1].threshold", "we will set a level after the pilot")),
    # --- vague threshold
    ("MN-014", put("monitoring.signals[0].threshold", "when the numbers look off")),
    ("MN-014", put("monitoring.signals[0].threshold", "if it seems unusual")),
    ("MN-014", put("monitoring.signals[4].threshold", "visual check of the chart")),
    # --- privacy controls
    ("DA-017", put("data.access_and_privacy", "Ticket text is copied as it is into the team bucket; masking will "
                                              "be added after the pilot.")),
    ("DA-017", put("data.access_and_privacy", "Anyone in engineering can read the extract for now; the privacy "
                                              "review is pending.")),
    ("DA-017", put("data.access_and_privacy", "The full identifiable extract is used until the DPIA comes through.")),
    # --- baseline
    ("PF-002", put("problem_framing.non_ml_baseline", "There is nothing to compare with: routing is done by "
                                                      "whoever picks the ticket up.")),
    ("PF-002", put("modeling.baseline_comparison", "Not applicable, no baseline exists.")),
    ("PF-002", put("problem_framing.baseline_kind", "not_applicable")),
    ("PF-015", put("problem_framing.non_ml_baseline", "Keyword rules; the queue leads reckon they are right about "
                                                      "four times in five, nobody has counted.")),
    ("PF-015", put("problem_framing.non_ml_baseline", "Keyword rules, ballpark 80% right from memory.")),
    ("PF-015", put("problem_framing.baseline_value", None)),
    ("MO-023", put("modeling.baseline_comparison", "Published benchmarks put keyword routing at 70% accuracy; "
                                                   "our model reaches 0.92 precision.")),
    ("MO-023", put("modeling.baseline_comparison", "Last year's support audit found the rules right 79% of the "
                                                   "time; the model gets 92% on the test weeks.")),
    ("MO-023", put("modeling.baseline_comparison", "Against the vendor's quoted figure of 0.75 for rule routing, "
                                                   "the model is much better.")),
    # --- business metric owner
    ("PF-016", put("problem_framing.business_metrics[1].owner", "Support leadership (tbc)")),
    ("PF-016", put("problem_framing.business_metrics[1].owner", "to be nominated")),
    ("PF-016", put("problem_framing.business_metrics[1].owner", "Someone from finance will own it")),
    # --- labels from rules
    ("PF-011", put("problem_framing.label_definition", "Label = the queue the keyword rules assigned, unless an "
                                                       "agent moved the ticket.")),
    ("PF-011", put("problem_framing.label_definition", "Tickets the rules routed and nobody moved keep the "
                                                       "rule's queue as their label.")),
    ("PF-011", put("data.label_source", "Weak supervision: labels come from the keyword rules' output.")),
    # --- label mismatch
    ("PF-017", put("problem_framing.label_definition", "The resolving queue; tickets closed as duplicates or "
                                                       "abandoned by the customer while waiting are dropped.")),
    ("PF-017", both(put("problem_framing.prediction_target", "The queue for a first-time contact, at creation."),
                    put("problem_framing.label_definition", "The resolving queue of any contact, whatever the "
                                                            "reason for contact."))),
    ("PF-017", both(put("problem_framing.prediction_target", "Daily demand per queue."),
                    put("problem_framing.label_definition", "Tickets handled per queue and day, counted as they "
                                                            "are when agents ran out of time."))),
    # --- leakage in prose
    ("DA-002", feature_description("The product area an agent confirms when closing the ticket.")),
    ("DA-002", feature_description("Final resolution category from the helpdesk export.")),
    ("DA-002", feature_description("Tags on the ticket, including the ones agents add while they work on it.")),
    ("DA-002", feature_description("Product area as of the training extract (agents correct it later).")),
    ("DA-003", both(put("data.features[1].source", "Chargebacks ledger"),
                    feature_description("Disputed amount on the customer's account."))),
    ("DA-003", feature_description("Mean of the outcome per product area, taken from the labels.")),
    ("DA-003", put("data.features[1].source_records_outcomes", True)),
    # --- sampling / logging / duplicates in prose
    ("DA-004", put("data.quality_notes", "Tickets from the quiet months were downsampled to 10% to save time; no "
                                         "weights.")),
    ("DA-004", put("data.quality_notes", "We only use the last three months of each year; the rest was lost in a "
                                         "migration and not reloaded.")),
    ("DA-004", put("data.quality_notes", "One in five tickets is kept at random for training.")),
    ("DA-006", put("data.quality_notes", "The routing service does not keep its inputs; for training we rebuild "
                                         "them from the warehouse.")),
    ("DA-006", put("data.quality_notes", "Served features are not stored anywhere.")),
    ("DA-006", put("data.quality_notes", "Inputs used at scoring time are overwritten by the next run.")),
    ("DA-013", put("data.quality_notes", "Customers often write twice; we keep both copies since they are real "
                                         "tickets.")),
    ("DA-013", put("data.quality_notes", "Follow-ups arrive as new tickets with the same text and stay as separate "
                                         "rows.")),
    ("DA-013", put("data.quality_notes", "Monthly exports were appended as they are, overlapping by a day.")),
    # --- personal data in a source marked without
    ("DA-019", both(put("data.sources[0].contains_pii", False), put("data.sources[1].contains_pii", False))),
    ("DA-019", both(put("data.sources[1].contains_pii", False),
                    put("data.features[3].name", "customer_email_domain"))),
    ("DA-019", both(put("data.sources[1].contains_pii", False), put("data.sources[1].name", "Customer accounts "
                                                                    "table (names and home addresses)"),
                    put("data.features[3].source", "Customer accounts table (names and home addresses)"))),
    # --- season
    ("DA-020", both(put("data.training_window_months", 6),
                    put("data.quality_notes", "Volumes peak every January with the tax season."))),
    ("DA-020", both(put("data.training_window_months", 4),
                    put("monitoring.staleness_impact", "The queue mix changes with the seasons; back-tests show 1 "
                                                       "point a month."))),
    ("DA-020", put("data.training_window_months", 0.2)),
    # --- split read from prose
    ("MO-003", split_text("Logistic regression; rows were shuffled and a fifth kept aside for testing.")),
    ("MO-003", split_text("Evaluated with 10-fold cross-validation over all two years of tickets.")),
    ("MO-003", split_text("The test set is one ticket in five, drawn at random across 2023 and 2024.")),
    ("MO-003", split_text("train_test_split(test_size=0.25, stratify=queue) on the whole table.")),
    # --- preprocessing before split in prose
    ("MO-004", split_text("TF-IDF vocabulary and idf weights were computed on the full ticket history before we "
                          "split.")),
    ("MO-004", split_text("We oversampled rare queues with SMOTE over all the data, then split by date.")),
    ("MO-004", split_text("Missing values were imputed with medians of the entire dataset first.")),
    # --- slices
    ("MO-010", put("modeling.slices", "Overall only for v1.")),
    ("MO-010", put("modeling.slices", "Per language later, if volumes allow.")),
    ("MO-010", put("modeling.slices", "Not broken down: one number covers all queues.")),
    # --- bias testing deferred
    ("MO-011", put("modeling.bias_testing", "We will look at languages if complaints come in.")),
    ("MO-011", put("modeling.bias_testing", "After the pilot, together with compliance.")),
    ("MO-011", put("modeling.bias_testing", "Not planned: the model routes tickets, not people.")),
    # --- feedback loop denied by the answer
    ("MO-013", both(put("modeling.feedback_loop", False),
                    put("data.label_source", "Resolving queue; tickets the model sends to a queue are only ever "
                                             "labelled with that queue or a reassignment."))),
    ("MO-013", both(put("modeling.feedback_loop", False), put("monitoring.long_term_holdout", False),
                    put("problem_framing.decision_supported", "Agents see the predicted queue and the score, and "
                                                              "treat the suggestion as their target."))),
    ("MO-013", both(put("modeling.feedback_loop", False), put("monitoring.long_term_holdout", False),
                    put("data.quality_notes", "We never observe what a ticket sent to triage would have done in "
                                              "the predicted queue."))),
    # --- test set used for tuning
    ("MO-025", put("modeling.error_analysis", "After each run we looked at the test weeks, adjusted the features and "
                                              "ran the test again until precision stopped improving.")),
    ("MO-025", put("modeling.error_analysis", "The threshold was picked by its precision on the test set.")),
    ("MO-025", put("modeling.error_analysis", "We kept the settings that gave the best test accuracy.")),
    # --- the same entities on both sides of the split
    ("MO-024", random_split_of("modeling.model_description", "Gradient boosting on ticket text; some customers have "
                                                             "tickets in both the training and the test data.")),
    ("MO-024", random_split_of("data.quality_notes", "One row per customer per month, every customer of the last two "
                                                "years.")),
    ("MO-024", random_split_of("modeling.model_description", "Tickets of one customer can land in train and test.")),
    ("MO-024", random_split_of("data.quality_notes", "Rows are not grouped by customer before splitting.")),
    ("MO-024", both(put("modeling.evaluation_split", "grouped"),
                    put("modeling.model_description", "The same customers show up on both sides of the split."))),
    # --- threshold and costs
    ("PF-012", put("problem_framing.threshold_rule", "Tickets are routed when the top score is above 0.5.")),
    ("PF-012", put("problem_framing.threshold_rule", "We route to whichever queue scores highest.")),
    ("PF-012", put("problem_framing.threshold_rule", "A confidence of 0.6 felt right in the demo.")),
    ("PF-018", both(put("problem_framing.false_positive_cost", 6), put("problem_framing.false_negative_cost", 25),
                    put("problem_framing.cost_of_errors", "A false positive (a ticket routed to the wrong queue) "
                        "costs about 25 minutes of agent time; a false negative, left in triage, costs about 6."))),
    ("PF-018", both(put("problem_framing.false_positive_cost", 250), put("problem_framing.cost_of_errors",
                    "A ticket in the wrong queue costs about 25 minutes of agent time; one sent to triage about 6."))),
    ("PF-018", both(put("problem_framing.cost_unit", "EUR per ticket"), put("problem_framing.cost_of_errors",
                    "A wrong queue costs about 25 minutes of agent time; triage about 6 minutes."))),
    # --- label delay contradicted
    ("PF-014", put("problem_framing.label_definition", "The resolving queue, known when the ticket closes, "
                                                       "typically 45 days after it is opened.")),
    ("PF-014", put("problem_framing.label_delay_worst_days", 1)),
    ("PF-014", both(put("problem_framing.label_delay_typical_days", 30), put("problem_framing.label_delay_worst_days",
                                                                           60),
                    put("problem_framing.label_definition", "Minutes from ticket creation to the first reply."))),
    # --- proxies marked not sensitive in a decision about people
    ("DA-016", both(put("problem_framing.decision_supported", "Applicants above the threshold are declined for "
                                                              "credit."),
                    put("data.features[2].name", "home_postcode"))),
    ("DA-016", both(put("problem_framing.decision_supported", "Candidates above the threshold are shortlisted."),
                    put("data.features[2].name", "school_attended"))),
    ("DA-016", both(put("problem_framing.decision_supported", "Patients above the threshold are referred to a "
                                                              "nurse."),
                    put("data.features[2].description", "Where the patient lives, as a district code."))),
    # --- learned or external model as the main signal
    ("DA-008", both(put("data.features[5].origin", "external"),
                    put("data.features[5].description", "Queue suggested by a zero-shot LLM prompt."))),
    ("DA-008", both(put("data.features[5].origin", "external"),
                    put("data.features[5].description", "Intent predicted by the helpdesk vendor's AI add-on."))),
    ("DA-008", both(put("data.features[5].origin", "learned"),
                    put("data.features[5].description", "Output of last year's model; the strongest single feature."))),
]

FIRES += [
    # --- issue 11 generalisation: gaps written the way other teams write them
    ("DA-002", feature_description("Same-day escalation count for the product area, from the nightly rollup.")),
    ("DA-002", feature_description("Number of agent replies on the ticket, from the helpdesk thread table.")),
    ("DA-002", feature_description("Quality score, for tickets that were escalated by a team lead.")),
    ("PF-017", put("problem_framing.label_definition", "The queue the ticket was first assigned to, spam and test "
                                                       "tickets included.")),
    ("PF-017", both(put("problem_framing.prediction_target", "Whether the borrower repays the loan in full."),
                    put("problem_framing.label_definition", "1 when an underwriter approved the application."))),
    ("PF-017", both(put("problem_framing.prediction_target", "Whether a post would be taken down under the community "
                                                             "guidelines."),
                    put("problem_framing.label_definition", "1 when moderators removed the post, whatever the "
                                                            "reason."))),
    ("MO-014", put("data.features[3].name", "display_slot")),
    ("MO-014", both(put("problem_framing.ml_task", "ranking"), put("modeling.position_bias", "other"),
                    put("modeling.ranking_feedback_mitigation", "Agents are told to look past the first page."))),
    ("MO-014", both(put("data.features[3].name", "result_rank"), put("modeling.position_bias", "other"),
                    put("modeling.ranking_feedback_mitigation", "Rank goes in as a normal feature, crossed with "
                                                                "channel."))),
    ("DE-003", put("deployment.rollout_plan", "Canary on 60% of tickets for a week, then everyone.")),
    ("DE-003", put("deployment.rollout_plan", "Straight to a 50/50 split of all queues for a fortnight.")),
    ("DE-003", put("deployment.rollout_plan", "Alternate days between the old router and the new model for a "
                                              "month.")),
    ("DA-017", put("data.access_and_privacy", "We don't mask phone numbers in the ticket text yet; access is the "
                                              "Support Tools ML group.")),
    ("DA-017", put("data.access_and_privacy", "Access is the Support Tools ML group; redaction of names will be "
                                              "switched on when the new DLP service lands.")),
    ("DA-017", put("data.access_and_privacy", "The full ticket text is copied to the analysts' shared drive; a "
                                              "privacy review has not been needed so far.")),
]

FIRES += [
    ("MO-025", put("modeling.error_analysis", "Of forty feature sets, we quote the winning model's accuracy on the "
                                              "test weeks.")),
    ("MO-025", put("modeling.error_analysis", "Random search over depth and learning rate; we ship the run with the "
                                              "highest test-set F1.")),
    ("DE-002", put("deployment.quality_gate", "Support ops reviews the evaluation before each release; misses are "
                                              "logged as action items.")),
    ("DE-002", put("deployment.quality_gate", "The gate metrics are shared with the steering group after every "
                                              "deployment.")),
    ("DE-010", put("deployment.consumers", "The routing webhook. The finance team pulls the queue scores from the "
                                           "warehouse table for staffing plans.")),
    ("DE-010", put("deployment.consumers", "The routing webhook; sales wants the scores too and IT has granted them "
                                           "read access meanwhile.")),
    ("DE-001", rollback("If it goes wrong, agents can just ignore the suggested queue.")),
    ("DE-001", rollback("Switching back needs a helpdesk change request; the vendor is checking how long that "
                        "takes.")),
    ("DE-004", put("deployment.end_to_end_path", "Training features come from Spark; for the app, the mobile team "
                                                 "ported the tokenising and bucketing logic to Swift.")),
    ("PF-011", put("problem_framing.label_definition", "The resolving queue; where the closing queue is missing it is "
                                                       "filled in from the product-area rule, known when the ticket "
                                                       "closes.")),
]

QUIET: list[tuple[str, Mutation]] = [
    ("MO-025", put("modeling.error_analysis", "Forty feature sets were compared on the validation month only; the "
                                              "held-out weeks were scored once with the chosen one.")),
    ("DE-002", put("deployment.quality_gate", "The pipeline refuses to promote a model that misses any row; the "
                                              "review after each release only adds stops, never waivers.")),
    ("DE-001", rollback("One command moves the alias back to the previous model; agents can ignore the suggestion in "
                        "the meantime. Rehearsed last month, five minutes.")),
    # --- issue 11: repairs that keep the tempting words
    ("DA-002", feature_description("Replies on the customer's earlier tickets in the 30 days before this one; replies "
                                   "on this ticket come later, so they are not used.")),
    ("DA-002", feature_description("Escalation rate of the product area over the 7 days before the ticket; the "
                                   "same-day rollup is not used, because it includes later tickets.")),
    ("PF-017", put("problem_framing.label_definition", "The queue that resolved the ticket; spam and test tickets are "
                                                       "removed before labelling.")),
    ("PF-011", put("problem_framing.label_definition", "The queue a reviewer moved the ticket to after it broke the "
                                                       "house rules on abuse, known when the ticket closes.")),
    ("MO-014", both(put("data.features[3].name", "display_slot"), put("modeling.position_bias", "serving_default"),
                    put("modeling.ranking_feedback_mitigation", "The slot is a training input only, set to a fixed "
                                                                "default at serving."))),
    ("DE-003", put("deployment.rollout_plan", "Shadow on 100% of tickets for two weeks, then 5%, then 25%, then "
                                              "everyone.")),
    ("DE-004", put("deployment.end_to_end_path", "One feature library serves training and the API; a second "
                                                 "implementation is exactly what we want to avoid.")),
    ("DE-010", put("deployment.consumers", "The helpdesk routing webhook. Finance asked for the scores to forecast "
                                           "staffing; declined for now, since routing changes must not move budgets.")),
    ("DA-003", both(put("data.features[1].source_records_outcomes", True),
                    put("data.features[1].value_fixed", "before_prediction"),
                    feature_description("Whether the customer had a refund; the ledger also records refunds on this "
                                        "ticket, but only refunds that ended before this ticket count."))),
    # --- generalisation probes: sound answers with tempting words
    ("DE-002", put("deployment.quality_gate", "The pipeline blocks export when a gate row fails; the lead also "
                                              "looks over the metrics before each release.")),
    ("DE-015", put("deployment.fallback", "Requests are retried once; if the service still fails, the keyword rules "
                                          "route the ticket.")),
    ("DA-002", feature_description("Number of earlier tickets from the customer, counted up to this ticket's "
                                   "creation.", 2)),
    ("DA-002", feature_description("Customer lifetime value as of the day before the ticket.", 2)),
    ("DE-001", rollback("Going back is one command: the registry alias moves to the previous model; tried in "
                        "staging.")),
    ("MN-004", put("monitoring.alert_owner", "Support Tools ML on-call (whoever holds the pager that week)")),
    ("DE-003", put("deployment.rollout_plan", "Every ticket goes through the shadow model for two weeks before any "
                                              "routing changes; then 10% for a week.")),
    ("DA-002", feature_description("Tags present when the ticket was created; tags added later by agents are "
                                   "excluded.")),
    ("MO-004", put("data.quality_notes", "Duplicate tickets are dropped before features are built and before the "
                                         "split.")),
    ("DE-014", both(put("deployment.serving_mode", "batch"),
                    put("deployment.serving_environment", "Scheduled Spark job; scores land in a key-value store."),
                    put("deployment.end_to_end_path", "A nightly job precomputes the queue scores of open tickets; "
                                                      "the helpdesk reads them when the ticket page loads."))),
    # --- entities: grouped splits, temporal splits, denials
    ("MO-024", random_split_of("data.quality_notes", "Each customer contributes several tickets; the split is by customer, "
                                                "so every ticket of a customer stays on one side.")),
    ("MO-024", put("modeling.model_description", "Customers appear in both the training and the test period; the "
                                                 "test months come after the training months.")),
    ("MO-024", random_split_of("modeling.model_description", "No customer appears in both sets.")),
    ("MO-024", random_split_of("modeling.model_description", "GroupKFold on the customer id, five folds.")),
    ("MO-024", random_split_of("data.quality_notes", "The model ranks queues for each customer's ticket.")),
    ("DE-001", rollback("None of the steps needs manual approval; rollback is one command that moves the alias "
                        "back.")),
    ("DE-001", rollback("No downtime: the alias is switched back to the previous model by the on-call engineer "
                        "in under five minutes.")),
    ("DE-001", rollback("We discussed agreeing the rollback with SRE, but it needs no one else: the on-call "
                        "engineer moves the alias back.")),
    ("DE-015", put("deployment.fallback", "If the service is slow or down, the keyword rules route the ticket; the "
                                          "on-call engineer will restart the service afterwards.")),
    ("DE-015", put("deployment.fallback", "Falls back to today's keyword rules whenever the service times out.")),
    ("DE-002", put("deployment.quality_gate", "The release pipeline refuses a model that misses any row; nobody can "
                                              "override it, so the previous model keeps serving.")),
    ("DE-002", put("deployment.quality_gate", "We used to eyeball the report; now the CI job blocks the release on "
                                              "any failing row.")),
    ("DE-003", put("deployment.rollout_plan", "5% of tickets for a week, then 50%, then all queues; we rejected a "
                                              "big-bang switch.")),
    ("DE-004", put("deployment.end_to_end_path", "The same Python package computes features in training and in the "
                                                 "service; we considered porting it to Java but that would be a "
                                                 "second implementation.")),
    ("DE-010", put("deployment.consumers", "The routing webhook only. The billing team asked to read the scores; "
                                           "we declined, and the table is restricted to the ML group.")),
    ("DE-011", rollback("The alias is switched back in five minutes by the on-call engineer; rehearsed twice in "
                        "staging.")),
    ("DE-014", put("deployment.serving_mode", "online")),
    ("MN-004", put("monitoring.alert_owner", "Dana Kim, with the Support Tools ML on-call rota")),
    ("MN-004", put("monitoring.alert_owner", "CRM team on-call")),
    ("MN-005", put("monitoring.staleness_impact", "Back-tests: precision drops about a point a month; we do not "
                                                  "assume it will hold up for a year.")),
    ("MN-007", put("monitoring.manual_inspection", "Every Monday a queue lead reads 50 routed tickets; nobody "
                                                   "else needs to.")),
    ("MN-003", put("monitoring.retraining_cadence", "Every 30 days, and within a week of a product launch.")),
    ("MN-002", put("monitoring.signals[1].threshold", "below 0.90 on tickets closed in the last 7 days")),
    ("MN-014", put("monitoring.signals[0].threshold", "PSI above 0.2 on any feature")),
    ("DA-017", put("data.access_and_privacy", "Names and e-mail addresses are removed before training; only the ML "
                                              "group can read the extract; it is deleted after 18 months.")),
    ("DA-017", put("data.access_and_privacy", "Unlike the raw export, which nobody outside the helpdesk can read, "
                                              "the training extract is pseudonymised and kept for a year.")),
    ("PF-002", put("problem_framing.non_ml_baseline", "None of the tickets is routed by a model today; keyword rules "
                                                      "route 79% correctly and agents triage the rest.")),
    ("PF-015", put("problem_framing.non_ml_baseline", "Keyword rules route 79% correctly, measured on the last 8 "
                                                      "weeks; we used to reckon it was 70%.")),
    ("MO-023", put("modeling.baseline_comparison", "Both scored on the same 8 test weeks: rules 0.79, model 0.92. "
                                                   "The published figure of 70% is context only.")),
    ("PF-016", put("problem_framing.business_metrics[1].owner", "Head of Customer Support")),
    ("PF-011", put("problem_framing.label_definition", "The resolving queue, known when the ticket closes; the "
                                                       "keyword rules' queue never becomes a label by itself.")),
    ("PF-017", put("problem_framing.label_definition", "The resolving queue; tickets abandoned while waiting are "
                                                       "kept as censored rather than dropped.")),
    ("DA-002", feature_description("Product area the customer picked in the web form, as it was at creation; the "
                                   "area agents correct after closing is not used.")),
    ("DA-002", feature_description("Number of tickets the customer closed in the 90 days before this one.")),
    ("DA-002", feature_description("Expected resolution date shown to the customer at creation.")),
    ("DA-003", both(put("data.features[1].source", "Chargebacks ledger"),
                    feature_description("Number of chargebacks on the account in the 12 months before the "
                                        "ticket."))),
    ("DA-004", put("data.quality_notes", "Quiet months are downsampled to 10% with a weight of 10 on the kept "
                                         "rows.")),
    ("DA-006", put("data.quality_notes", "The service logs every input it used; training reads those logs.")),
    ("DA-013", put("data.quality_notes", "Customers often write twice; the copies are merged before the split.")),
    ("DA-019", put("data.sources[0].contains_pii", False)),
    ("DA-020", both(put("data.training_window_months", 24),
                    put("data.quality_notes", "Volumes peak every January with the tax season."))),
    ("MO-003", split_text("We considered a random split, but the tickets are time-ordered, so we test on the last "
                          "eight weeks.")),
    ("MO-003", split_text("Hyper-parameters are tuned with 5-fold cross-validation inside the training period; the "
                          "test set is the last quarter.")),
    ("MO-003", split_text("A shuffled hold-out was our first try; it overstated precision, so it was dropped.")),
    ("MO-004", split_text("Scaling and the TF-IDF vocabulary are fitted on the training weeks only; we rejected "
                          "fitting them on the full history.")),
    ("MO-010", put("modeling.slices", "Per language, per product area and per channel, each with its own "
                                      "threshold.")),
    ("MO-011", put("modeling.bias_testing", "Precision compared across ticket languages on the test weeks and "
                                            "monthly in production; a gap over 5 points blocks the release.")),
    ("MO-013", both(put("modeling.feedback_loop", True),
                    put("data.label_source", "Resolving queue; 2% of tickets are routed by the rules instead, so "
                                             "their labels do not depend on the model."))),
    ("MO-025", put("modeling.error_analysis", "Settings were tuned on the validation month only; the test weeks "
                                              "were scored once at the end, without going back to tuning.")),
    ("PF-012", put("problem_framing.threshold_rule", "We first tried 0.5, but the costs are lopsided, so tickets are "
                                                     "routed when p > 25 / (25 + 6), about 0.8.")),
    ("PF-012", put("problem_framing.threshold_rule", "The triage desk takes at most 200 tickets a day, so the 200 "
                                                     "lowest-scoring tickets go there; the rest are routed.")),
    ("PF-018", put("problem_framing.cost_of_errors", "A wrong queue costs about 25 minutes of agent time; triage "
                                                     "about 6 minutes.")),
    ("PF-014", put("problem_framing.label_definition", "The resolving queue, known when the ticket closes, usually "
                                                       "within 2 days and almost always within 10.")),
    ("DA-016", both(put("problem_framing.decision_supported", "Applicants above the threshold are declined for "
                                                              "credit."),
                    put("data.features[2].name", "loan_term_months"))),
    ("DA-016", put("data.features[2].name", "home_postcode")),  # routing tickets decides nothing about a person
    ("DA-008", both(put("data.features[5].origin", "external"),
                    put("data.features[5].description", "Exchange rate of the customer's currency from the "
                                                        "central bank feed."))),
]

# --- issue 11, second opened holdout: the concepts behind its misses, in wordings of our own
def model_description(text: str) -> Mutation:
    return put("modeling.model_description", text)


FIRES += [
    # k-fold evaluation however it is named, and ids hashed into folds, on time-ordered tickets
    ("MO-003", model_description("Logistic regression; the quoted precision is the mean over ten folds of all tickets "
                                 "since 2022.")),
    ("MO-003", model_description("Logistic regression. Tickets go to test or train by a hash of the ticket number; the "
                                 "report uses the test bucket.")),
    ("MO-003", model_description("Logistic regression; every figure we report is out-of-fold, each ticket scored by a "
                                 "model that never saw it.")),
    ("MO-003", model_description("Settings were picked, and accuracy estimated, with GroupKFold over the whole archive.")),
    ("MO-003", model_description("Each time a different tenth of the tickets was kept aside and the model refitted on "
                                 "the rest; we quote the average.")),
    # consumers who helped themselves, or were let in on the side
    ("DE-010", put("deployment.consumers", "The routing webhook. The score topic is open to every team on the bus, "
                                           "and a couple have subscribed.")),
    ("DE-010", put("deployment.consumers", "The routing webhook; the scores also flow into the support dashboards "
                                           "that read the same view.")),
    ("DE-010", put("deployment.consumers", "The routing webhook. The churn squad picked the scores up for a retention "
                                           "pilot.")),
    # labels a rule settled on its own, or filled from a guide value
    ("PF-011", put("problem_framing.label_definition", "The queue an agent moved the ticket to; tickets the keyword "
                                                       "router closed automatically are counted as spam.")),
    ("PF-011", put("problem_framing.label_definition", "The final queue. Tickets that were never reassigned get the "
                                                       "rule book value for their subject, so no row is lost.")),
    # feature code written a second time for serving, however it is said
    ("DE-004", put("deployment.end_to_end_path", "The service recomputes the features in Go; training features come "
                                                 "from a Spark job.")),
    ("DE-004", put("deployment.end_to_end_path", "At serving time the app team rebuilds the same aggregates in their "
                                                 "Java code.")),
    ("DE-004", put("deployment.end_to_end_path", "Offline features are SQL in the warehouse; online they are "
                                                 "reimplemented in the API.")),
    # redundancy, restarts and "try again" are not a fallback
    ("DE-015", put("deployment.fallback", "Four pods behind the balancer, so downtime is unlikely; ops restarts them "
                                          "if needed.")),
    ("DE-015", put("deployment.fallback", "Agents can reload and resubmit the ticket; we fix forward.")),
    # one period scored over and over while tuning, then reported
    ("MO-025", put("modeling.error_analysis", "About 20 rounds until the precision stopped moving on the March "
                                              "tickets; that is the figure we quote.")),
    ("MO-025", put("modeling.error_analysis", "We kept the config with the best precision across ~300 runs on the "
                                              "2025 tickets.")),
    ("MO-025", put("modeling.error_analysis", "A parameter sweep in which the spring tickets were the scoring set; the "
                                              "same set's precision is what we report.")),
    # a feature praised as the strongest, with nothing saying when its value is fixed
    ("DA-021", feature_description("Whether a senior agent touched the ticket; by far the strongest predictor we have.")),
    ("DA-021", feature_description("Count of internal notes on the ticket. Top feature by SHAP in every run.")),
    ("DA-021", feature_description("Agent-assigned urgency; it dominates the model's gain.")),
    # values that are final only once the work is done
    ("DA-002", feature_description("Handling minutes, from the time sheet totals that close when the ticket is "
                                   "solved.")),
    ("DA-002", feature_description("Product area as it stands in the helpdesk when the quarterly extract is built.")),
    ("DA-002", feature_description("Actual handling time of the ticket, from the agents' time log.")),
    ("DA-002", feature_description("Customer complaints referencing the ticket, from the complaints tracker.")),
]
QUIET += [
    ("MO-003", model_description("Settings were tuned with 5-fold cross-validation inside the training weeks; the "
                                 "figures we report come from the last eight weeks, held out.")),
    ("MO-003", model_description("A hash of the ticket id assigns tickets to shadow traffic; the evaluation is the "
                                 "last eight weeks, held out after the training period.")),
    ("DA-021", feature_description("Product area the customer picked in the form, as of ticket creation; the strongest "
                                   "single feature.")),
    ("DA-021", feature_description("Keyword-rule queue, computed at scoring time from the subject; the top feature by "
                                   "gain.")),
    ("DA-002", feature_description("Share of the ticket's attachments that are screenshots, read at creation.")),
    ("DA-002", feature_description("Estimated handling minutes from the intake form. The actual minutes close with the "
                                   "ticket and are never used as a model input.")),
    ("DE-010", put("deployment.consumers", "Only the routing webhook. The finance team asked for access and was "
                                           "declined until the steering group decides.")),
    ("PF-011", put("problem_framing.label_definition", "The queue an agent finally resolved the ticket in; tickets the "
                                                       "keyword router closed automatically are left out of training.")),
    ("DE-015", put("deployment.fallback", "If the model is down the keyword rules route the ticket; the on-call "
                                          "restarts the pods.")),
    ("MO-025", put("modeling.error_analysis", "About 20 rounds of tuning on the validation weeks; the test weeks were "
                                              "scored once, at the end.")),
    ("PF-002", put("modeling.baseline_comparison", "On the same test weeks the keyword rules score 0.79 precision and "
                                                   "the model 0.93. Last year's audit figure covers other queues, so it "
                                                   "is quoted for context only and never used in the comparison.")),
    ("DE-003", put("deployment.rollout_plan", "We thought of moving every queue at once, but support ops prefers 5% "
                                              "of tickets for a week, then half.")),
    ("PF-011", put("data.label_source", "The queue an agent finally solved the ticket in. 2% of tickets stay on the "
                                        "keyword rules as a long-term control group.")),
    ("DA-002", feature_description("Escalations on the product area over the 14 days up to the nightly file, so the "
                                   "window ends at least a day before the ticket arrives.")),
    # sound answers that share words with a gap
    ("DA-016", put("data.features[2].name", "onboarding_orientation_attended")),  # a welcome session, not a person's
    ("MO-014", put("data.features[2].name", "customer_credit_rank")),  # a rank on a scale, not a slot on screen
    ("DA-013", put("data.quality_notes", "A few customers write in twice a year about the same product; those are kept "
                                         "as separate requests, and merged copies are removed.")),
    ("DE-003", put("deployment.rollout_plan", "5% of tickets for a week, then half; all queues at once only after "
                                              "both steps read clean.")),
    ("MO-025", model_description("Trained on 2022-2023 tickets, settings chosen on the 2024 tickets, and the 2025 "
                                 "tickets scored once at the end as the test set.")),
    ("DA-001", put("data.sources[0].owner", "Helpdesk vendor service desk, via Marta Kowalska")),
]


# a gate described by what it computes and who sees it, never by what happens to a model that fails
FIRES += [
    ("DE-002", put("deployment.quality_gate", "Each retrain writes the rows to the evaluation report, which the lead "
                                              "reads before Monday's scores go out.")),
    ("DE-002", put("deployment.quality_gate", "The gate rows are computed nightly and the results are attached to the "
                                              "change request.")),
    ("DE-002", put("deployment.quality_gate", "A red row is raised at the fortnightly model review.")),
]
QUIET += [
    ("DE-002", put("deployment.quality_gate", "Each retrain writes the rows to the evaluation report; a candidate "
                                              "that misses one is not promoted, and the report says why.")),
    ("DE-002", put("deployment.quality_gate", "The nightly job computes the rows, and the scoring alias only moves "
                                              "when every row passes.")),
    ("DE-002", put("deployment.quality_gate", "Results go to the change request; a failing row halts the deploy "
                                              "job and no one can bypass it.")),
]

# readers heard of rather than agreed with; a validation period placed before the test; an option weighed and dropped
FIRES += [
    ("DE-010", put("deployment.consumers", "The routing webhook. We understand the billing analysts have lately begun "
                                           "exporting the scores into their own spreadsheets; nothing formal exists.")),
    ("DE-010", put("deployment.consumers", "The routing webhook. Marketing mentioned in passing that they may show "
                                           "the queue on the public status page.")),
    ("DE-010", put("deployment.consumers", "The routing webhook; a few support leads copy the daily file into their "
                                           "own trackers.")),
]
QUIET += [
    ("MO-025", put("modeling.error_analysis", "The threshold is calibrated on the six validation weeks before the test "
                                              "period, which is scored once.")),
    ("MO-025", put("modeling.model_description", "Train Jan 2023 to May 2025, tuning on Jun-Aug 2025, a 14-day gap, "
                                                 "test Sep-Dec 2025.")),
    ("MO-003", put("modeling.model_description", "Five-fold cross-validation stratified by product was considered, "
                                                 "since it gives a larger test set, but the split stays temporal.")),
    ("DE-010", put("deployment.consumers", "The routing webhook only. Billing asked to export the scores into their "
                                           "own spreadsheets; we declined, and the table is closed to other readers.")),
]

# values that cover the window being predicted or arrive after it; privacy review judged unnecessary or left to a pilot
FIRES += [
    ("DA-002", feature_description("Reopened tickets for the 14-day period of the prediction, from the report that "
                                   "support closes every second Friday.")),
    ("DA-002", feature_description("Refunds on the account in the month, as reconciled by finance at the close of "
                                   "the month.")),
    ("DA-002", feature_description("Open defect tags on the device. The post-failure visit also logs the cause "
                                   "as a tag on that same record.")),
    ("DA-017", put("data.access_and_privacy", "The ticket export keeps the customers' names; as it is internal use, "
                                              "we do not foresee any extra formality.")),
    ("DA-017", put("data.access_and_privacy", "We have not thought it necessary to involve the data protection officer "
                                              "at this exploratory stage.")),
    ("DA-017", put("data.access_and_privacy", "The export sits on the shared drive, readable by the analytics users; "
                                              "we will ask the privacy office for a review when the pilot has shown its "
                                              "value.")),
]
QUIET += [
    ("DA-002", feature_description("Open defect tags counted by creation time before the scoring date. Post-incident "
                                   "tags are left out: they are booked to the last review record.")),
    ("DA-002", feature_description("Refunds in the 28 days up to the Sunday close; the reconciliation of the period "
                                   "being scored closes only after it, so it is not used.")),
    ("DA-017", put("data.access_and_privacy", "Names are removed at extract; the table is readable by the three named "
                                              "analysts of the team, and the privacy office signed the assessment in "
                                              "March.")),
]


def _case_id(case: tuple[str, Mutation]) -> str:
    return f"{case[0]}:{case[1].__name__}"


def test_every_prose_case_names_a_registered_check() -> None:
    assert {check_id for check_id, _ in FIRES + QUIET} <= set(REGISTRY)


def test_text_reading_checks_have_three_wordings_that_fire_and_a_quiet_repair() -> None:
    fired = Counter(check_id for check_id, _ in FIRES)
    quiet = {check_id for check_id, _ in QUIET}
    reading = {c.id for c in REGISTRY.values() if c.reads}
    thin = {check_id for check_id in reading if fired[check_id] < 3}
    assert thin <= _COVERED_ELSEWHERE, f"text-reading checks with fewer than three wordings here: {sorted(thin)}"
    assert (reading - _COVERED_ELSEWHERE) - quiet == set()


# Checks whose prose reading is covered in test_checks_cases (placeholder-style answers) rather than here.
_COVERED_ELSEWHERE = frozenset({
    "PF-009", "PF-013", "DA-001", "DA-007", "DA-011", "MO-005", "MO-008", "MO-015", "MO-017", "DE-009", "MN-010",
})


@pytest.mark.parametrize("case", FIRES, ids=_case_id)
def test_prose_gap_is_found_and_quotes_what_it_read(case: tuple[str, Mutation]) -> None:
    check_id, mutation = case
    project = _mutated(mutation)
    findings = [f for f in run_checks(project) if f.check_id == check_id]
    assert findings, f"{check_id} should fire after {mutation.__name__}"
    for finding in findings:
        if finding.basis in (TEXT, CROSS) and finding.evidence:
            assert finding.read_from_text


@pytest.mark.parametrize("case", QUIET, ids=_case_id)
def test_sound_prose_is_left_alone(case: tuple[str, Mutation]) -> None:
    check_id, mutation = case
    assert [f.message for f in run_checks(_mutated(mutation)) if f.check_id == check_id] == []


# --- issue 11: severity in context, read from answers other teams would write --------------------------------------


def _by_check(mutation: Mutation, check_id: str):
    return [f for f in run_checks(_mutated(mutation)) if f.check_id == check_id]


def test_an_in_house_embedding_among_other_inputs_is_a_tip_and_a_vendor_score_a_warning() -> None:
    in_house = both(put("data.features[0].origin", "learned"),
                    feature_description("A 16-dimensional embedding of the subject, trained in-house on our tickets.", 0))
    vendor = both(put("data.features[0].origin", "learned"),
                  feature_description("Embeddings of the subject from a pretrained vendor model.", 0))
    assert [f.severity.value for f in _by_check(in_house, "DA-008")] == ["advice"]
    assert [f.severity.value for f in _by_check(vendor, "DA-008")] == ["warning"]


def test_a_complex_model_beside_a_kept_simple_one_is_a_tip() -> None:
    deep = put("modeling.model_family", "neural_network")
    kept = both(deep, put("modeling.model_description", "A fine-tuned transformer on the subject; the first version "
                                                        "was TF-IDF with logistic regression, which stays as the "
                                                        "fallback."))
    assert [f.severity.value for f in _by_check(deep, "MO-001")] == ["warning"]
    [tip] = _by_check(kept, "MO-001")
    assert tip.severity.value == "advice" and "logistic regression" in tip.evidence


def test_overall_thresholds_with_named_slices_are_a_tip_but_pooled_slices_a_warning() -> None:
    overall = put("modeling.offline_metrics[0].slice", "overall")
    assert all(f.severity.value == "advice" for f in _by_check(overall, "MO-010"))
    pooled = put("modeling.slices", "Languages and product areas, all queues pooled into one figure.")
    assert [f.severity.value for f in _by_check(pooled, "MO-010")] == ["warning"]


def test_a_daily_refit_follows_the_season_but_a_monthly_one_does_not() -> None:
    seasonal = both(put("data.training_window_months", 2),
                    put("data.quality_notes", "Volumes peak every January with the tax season."))
    assert _by_check(both(seasonal, put("monitoring.retraining_interval_days", 1)), "DA-020") == []
    assert _by_check(both(seasonal, put("monitoring.retraining_interval_days", 30)), "DA-020")


def test_drift_watched_through_unseen_categories_counts_as_drift_monitoring() -> None:
    no_drift = both(put("monitoring.signals[0].kind", "feature_coverage"),
                    put("monitoring.signals[0].name", "Missing product area share"),
                    put("monitoring.signals[0].threshold", "above 2% of tickets in a day"))
    assert _by_check(no_drift, "MN-001")  # a missing-value share says nothing about how the inputs are spread
    unseen = both(no_drift, put("monitoring.signals[0].name", "Share of unseen product areas"),
                  put("monitoring.signals[0].threshold", "above 5% of tickets in a day"))
    assert _by_check(unseen, "MN-001") == []


def test_a_calibration_signal_on_a_dashboard_reaches_nobody() -> None:
    calibration = both(put("monitoring.signals[6].kind", "prediction_distribution"),
                       put("monitoring.signals[6].name", "Predicted / observed share per queue"),
                       put("monitoring.signals[6].threshold", "outside 0.9-1.1 for a day"))
    assert _by_check(both(calibration, put("monitoring.signals[6].action", "dashboard")), "MN-014")
    assert _by_check(both(calibration, put("monitoring.signals[6].action", "ticket")), "MN-014") == []


def test_a_screening_decision_as_the_label_is_a_blocker_when_people_are_decided_about() -> None:
    parts = both(put("problem_framing.prediction_target", "Whether the pump survives its first year in service."),
                 put("problem_framing.label_definition", "1 when a quality analyst passed the pump to the next "
                                                         "stage."))
    about_people = both(put("problem_framing.prediction_target", "Whether the borrower repays the loan in full."),
                        put("problem_framing.label_definition", "1 when an underwriter approved the application."))
    assert [f.severity.value for f in _by_check(parts, "PF-017")] == ["warning"]
    assert [f.severity.value for f in _by_check(about_people, "PF-017")] == ["blocker"]


# --- issue 11 (2026-12-03): a loop the answer denies while people work down a ranked list; figures dated apart;
# every kind of outcome lumped into the label; 'disabled' of a thing; 'copy' as a noun

def _denied_loop(decision: str) -> Mutation:
    return both(put("modeling.feedback_loop", False), put("problem_framing.decision_supported", decision))


FIRES += [
    ("MO-013", _denied_loop("Every morning the field team works down the ranked list of sites and visits the first "
                            "twenty.")),
    ("MO-013", _denied_loop("The top 50 accounts by score are handed to the retention desk each Monday.")),
    ("MO-013", _denied_loop("Supervisors get a risk list per depot and send an engineer to the highest-risk "
                            "pumps.")),
    ("MO-023", put("modeling.baseline_comparison", "In 2021 the keyword rules got 64% of tickets right, and the model "
                                                   "gets 81% on the 2024 test weeks.")),
    ("MO-023", put("modeling.baseline_comparison", "The rules scored 0.62 back in 2022; the new model scores 0.79 on "
                                                   "tickets from 2025.")),
    ("MO-023", put("modeling.baseline_comparison", "Routing accuracy: rules 58% (as measured over 2019), model 77% "
                                                   "(test months of 2023).")),
    ("MO-023", put("modeling.baseline_comparison", "The helpdesk's 2023 annual report put rule routing at 0.7; the "
                                                   "model routes 0.83 of the test tickets correctly.")),
    ("MO-023", put("modeling.baseline_comparison", "Published studies of keyword routers report 65-70% accuracy, "
                                                   "below our 81% on the test weeks.")),
    ("PF-017", put("problem_framing.label_definition", "A ticket is positive when it was reassigned at least once, "
                                                       "whatever the cause.")),
    ("PF-017", put("problem_framing.label_definition", "We count all reassignment reasons alike, agent slips and "
                                                       "customer follow-ups included.")),
    ("PF-017", put("problem_framing.label_definition", "Positive: any reassignment in the first week. There is no "
                                                       "filter by reason code, since the log does not keep it.")),
    ("DA-016", feature_description("Whether the applicant is disabled, from the application form.")),
]

QUIET += [
    # the loop is acknowledged, or the forecast is published to people who do not act on a selection of cases
    ("MO-013", both(put("modeling.feedback_loop", True), put("monitoring.long_term_holdout", True),
                    put("problem_framing.decision_supported", "The field team works down the ranked list of sites."))),
    ("MO-013", _denied_loop("The forecast is published to the desk each evening, which adjusts its cover.")),
    # both figures on the same period, a span of years covering both, an old figure quoted for context only
    ("MO-023", put("modeling.baseline_comparison", "Over tickets from 2023 to 2024 the rules route 64% and the model "
                                                   "81% correctly.")),
    ("MO-023", put("modeling.baseline_comparison", "Rules 64%, model 81%, on the same 2024 test weeks. The 58% from "
                                                   "the 2021 review is quoted for context only.")),
    ("MO-023", put("modeling.baseline_comparison", "Re-run over the same test tickets, the rules route 0.70 and the "
                                                   "model 0.83; the annual report's figure is background only.")),
    # the label is as wide as the target, or the wide reading was considered and rejected
    ("PF-017", both(put("problem_framing.prediction_target", "Whether the ticket will be reassigned for any reason."),
                    put("problem_framing.label_definition", "Positive when the ticket was reassigned, whatever the "
                                                            "cause."))),
    ("DA-016", feature_description("Kerb restrictions on the street (loading bay, disabled bays, bus lane).")),
    ("DE-004", put("deployment.end_to_end_path", "The scoring job reuses the training feature package and discards "
                                                 "its working copy, computed feature values included, once the "
                                                 "scores are written.")),
]

# one figure for everything, in other words, and 'overall only for v1' (overall only today)
FIRES += [
    ("MO-010", put("modeling.slices", "We report one company-wide figure; the queues are too alike to split.")),
    ("MO-010", put("modeling.slices", "Accuracy is given for the whole catalogue, and we do not break it down "
                                      "further.")),
    ("MO-010", put("modeling.slices", "Overall only for the first release; per-language figures may come later.")),
]
QUIET += [
    # a period pooled for the estimate is not segments pooled into one figure
    ("MO-010", put("modeling.slices", "Per language and per product area, each scored on the eight test weeks "
                                      "pooled, with bootstrap intervals because some areas are small.")),
]

# decision costs: the error named as an action nobody needed or a case nobody acted on, or in the sentence before
def _costs(fp: float, fn: float, prose: str) -> Mutation:
    return both(put("problem_framing.false_positive_cost", fp), put("problem_framing.false_negative_cost", fn),
                put("problem_framing.cost_of_errors", prose))


FIRES += [
    ("PF-018", _costs(6, 25, "Routing a ticket where it was not needed wastes about 25 minutes of agent time. A "
                             "ticket we did not flag stays in triage, about 6 minutes.")),
    ("PF-018", _costs(6, 25, "A ticket lands in the wrong queue and is handed on (we count this as the false "
                             "positive). We put this at about 25 minutes. Leaving a ticket in triage is the false "
                             "negative. It costs about 6 minutes.")),
]
QUIET += [
    # a relative 'that' does not carry the error of the sentence before
    ("PF-018", _costs(25, 6, "A ticket routed for the wrong queue costs about 25 minutes. A ticket left in triage "
                             "that the model would have routed well costs about 6 minutes.")),
]

# personal identifiers kept in the copy the team works on, said without 'unmasked' or 'raw data'
FIRES += [
    ("DA-017", put("data.access_and_privacy", "Tickets are exported raw to the team bucket; customers often paste "
                                              "account numbers into them.")),
    ("DA-017", put("data.access_and_privacy", "The extract keeps the e-mail text as typed, phone numbers and "
                                              "addresses included, because the matching needs them.")),
    ("DA-017", put("data.access_and_privacy", "No masking yet; the team's analytics role can read the table.")),
]
QUIET += [
    # the identifiers stay in the source system; only counts are copied
    ("DA-017", put("data.access_and_privacy", "Names and phone numbers stay in the CRM; the extract holds ticket "
                                              "text with account numbers masked as <ACCOUNT>, readable by the three "
                                              "named team members, kept 12 months.")),
]

# who lives in an area by income or tenure, even when the model decides about streets or sites rather than people
def _area_feature(name: str, description: str) -> Mutation:
    return both(put("data.features[1].name", name), feature_description(description),
                put("data.features[1].sensitivity", "none"))


FIRES += [
    ("DA-016", _area_feature("council_housing_share", "Share of homes on the street owned by the council.")),
    ("DA-016", _area_feature("area_deprivation_decile", "Small-area deprivation decile of the site.")),
    ("DA-016", _area_feature("frontage_mix", "Share of the frontage that is social housing tenancies.")),
]
QUIET += [
    ("DA-016", _area_feature("housing_type", "Detached, terraced or flat, from the address register.")),
]

# some labels filled in by a lookup rather than observed
FIRES += [
    ("PF-011", put("problem_framing.label_definition", "The queue that resolved the ticket. For tickets the bot closed "
                                                       "we look up the product's default queue in the routing table "
                                                       "and use that.")),
    ("PF-011", put("problem_framing.label_definition", "The resolving queue; tickets merged into others are filled "
                                                       "in from the routing rule so they are not lost.")),
    ("PF-011", put("data.label_source", "Helpdesk export; for auto-closed tickets the nightly job writes the default "
                                        "queue into resolved_queue.")),
]
QUIET += [
    ("PF-011", put("problem_framing.label_definition", "The queue that resolved the ticket. Tickets closed without a "
                                                       "queue are left out rather than given the routing table's "
                                                       "default, which would teach the model our own rule.")),
]


# --- a feature that counts events over the very period being predicted ----------------------------------------------

def _per_visit(description: str) -> Mutation:
    return both(put("problem_framing.prediction_target", "For each clinic and each upcoming session: the number of "
                                                         "patients who will not attend."),
                feature_description(description))


def test_a_count_over_the_predicted_period_is_a_leak_whatever_the_ticks_say() -> None:
    for text in ("Number of walk-ins registered at the desk for the session.",
                 "Cancellations logged between the start and the end of the session, from the booking system.",
                 "Patients seen at the clinic on the day, from the attendance export."):
        findings = _by_check(_per_visit(text), "DA-002")
        assert findings and findings[0].severity == "blocker", text
        assert findings[0].evidence == text and findings[0].read_from_text


def test_an_earlier_period_or_a_planned_value_is_not_a_count_over_the_predicted_one() -> None:
    for text in ("Number of walk-ins registered for the previous session of the same clinic.",
                 "Appointments booked in advance for the session, as the rota stood the evening before.",
                 "Cancellations logged for the session are not used as an input.",
                 "Bank holiday on the day (yes/no), from the calendar.",
                 "Clinicians on duty for the session, from the rota."):
        assert _by_check(_per_visit(text), "DA-002") == [], text



def _joined(mitigation: str, notes: str) -> Mutation:
    return both(put("data.features[1].from_joined_table", True), put("data.joined_tables", mitigation),
                put("data.quality_notes", notes))


# logging or snapshots from go-live on do not mend a training history joined to today's tables
FIRES += [
    ("DA-005", _joined("serving_log", "The scoring job keeps what it joined from go-live; for the 2021-2024 training "
                                      "months the depot attributes come from the current depot master.")),
    ("DA-005", _joined("snapshot", "Snapshots start with the pilot. Historical rows use the depot table as it stands "
                                   "when the training extract runs.")),
    ("DA-005", _joined("serving_log", "Older training weeks are joined to today's depot register, since nothing else "
                                      "was kept.")),
]
QUIET += [
    ("DA-005", _joined("snapshot", "Training months take the depot attributes from the nightly snapshot of their own "
                                   "day, not from the current depot master.")),
]


def test_a_history_joined_to_todays_table_is_reported_on_the_join_answer_with_the_sentence() -> None:
    notes = ("The scoring job keeps what it joined from go-live; for the 2021-2024 training months the depot "
             "attributes come from the current depot master.")
    findings = _by_check(_joined("serving_log", notes), "DA-005")
    assert findings and findings[0].field == "data.joined_tables" and findings[0].evidence == notes


# --- holdout7's lessons, in other words: sound plans that must not raise blockers -----------------------------------

QUIET += [
    # a rollback that needs nobody's decision is not put off
    ("DE-001", rollback("The on-call engineer flips the model flag back to the rules; the change board confirmed that "
                        "this needs no decision of theirs, because the rules stay the approved method. Rehearsed "
                        "in staging in May.")),
    # a port that was offered and declined is not a second implementation
    ("DE-004", put("deployment.end_to_end_path", "Serving reads the features from the online store, materialised by "
                                                 "the same Spark definitions as training. The app team offered to "
                                                 "port the transforms to Kotlin, but we kept one code path.")),
]


def test_returns_in_a_tax_plan_are_filings_not_an_outcome_record() -> None:
    feature = both(put("data.features[1].source", "Returns database"),
                   put("data.features[1].description", "Declared turnover against the sector median."),
                   put("data.features[1].source_records_outcomes", False))
    tax = put("problem_framing.prediction_target", "For each VAT return filed this quarter: the probability that an "
                                                   "audit finds an under-declaration.")
    assert _by_check(both(feature, tax), "DA-003") == []
    assert _by_check(feature, "DA-003"), "in a plan about orders, a returns database records what came back"


def test_a_count_before_a_named_date_is_history() -> None:
    from lifecycle.text.cues import history_qualified

    assert history_qualified("Complaints received before the selection date.")
    assert history_qualified("Input VAT over the last four VAT quarters.")


def test_missing_input_drift_beside_a_watch_on_the_predictions_is_a_warning() -> None:
    from tests.unit.test_checks_cases import drop_signals
    from lifecycle.model import SignalKind

    def predictions_watched(project: Project) -> None:
        signal = project.monitoring.signals[0]  # the data_drift row, retyped to watch the predicted queues
        signal.kind, signal.name = SignalKind.PREDICTION_DISTRIBUTION, "Share of tickets routed to each queue"
        signal.threshold = "any queue's share 10 points away from the previous month's"

    assert [f.severity for f in _by_check(predictions_watched, "MN-001")] == ["warning"]
    dropped = drop_signals(SignalKind.DATA_DRIFT)
    assert [f.severity for f in _by_check(dropped, "MN-001")] == ["blocker"]


def test_a_first_region_with_the_rest_as_comparison_and_a_stop_rule_is_a_cautious_step() -> None:
    controlled = both(put("deployment.rollout_strategy", "phased"),
                      put("deployment.rollout_plan", "Two regions first, 38% of volume; the other regions stay on the "
                                                     "rules as the comparison, and we stop if complaints double."))
    assert _by_check(controlled, "DE-003") == []
    uncontrolled = both(put("deployment.rollout_strategy", "phased"),
                        put("deployment.rollout_plan", "Two regions first, 38% of volume, then everyone in March."))
    assert _by_check(uncontrolled, "DE-003")


def _network(description: str) -> Mutation:
    return both(put("modeling.model_family", "neural_network"), put("modeling.model_description", description))


FIRES += [
    ("MO-001", _network("A three-layer MLP over the ticket features, trained with Adam.")),
    ("MO-001", _network("Deep network with entity embeddings for product area and plan tier.")),
    ("MO-001", _network("A transformer over the ticket's structured fields; nothing simpler was tried.")),
]
QUIET += [
    ("MO-001", both(put("modeling.model_family", "tree_ensemble"),
                    put("modeling.model_description", "Gradient-boosted trees over the ticket features."))),
]


def test_a_network_on_images_is_a_tip_to_start_from_a_pretrained_one() -> None:
    findings = _by_check(_network("A pretrained ResNet-18 fine-tuned on the photos of each returned parcel."),
                         "MO-001")
    assert [f.severity for f in findings] == ["advice"] and "photos" in findings[0].message


def _loop_denied_with(label_source: str) -> Mutation:
    return both(put("modeling.feedback_loop", False), put("data.label_source", label_source))


FIRES += [
    ("MO-013", _loop_denied_with("Reassignment log; tickets nobody escalated have no label and are skipped.")),
    ("MO-013", _loop_denied_with("We only have an outcome where an agent picked the suggested queue.")),
    ("MO-013", _loop_denied_with("Each row is a ticket the triage bot actually routed; if nobody routed it, there "
                                 "is no example.")),
]


def test_outcomes_only_for_the_acted_on_cases_with_the_loop_denied_is_a_blocker() -> None:
    findings = _by_check(_loop_denied_with("Tickets that were never escalated have no label."), "MO-013")
    assert [f.severity for f in findings] == ["blocker"]
    assert findings[0].evidence == "Tickets that were never escalated have no label."


def _privacy(text: str) -> Mutation:
    return both(put("data.sources[0].contains_pii", True), put("data.access_and_privacy", text))


FIRES += [
    ("DA-017", _privacy("Names and e-mails stay in the extract while we build; the DPIA follows once the features "
                        "are settled.")),
    ("DA-017", _privacy("Access for the squad. No separate privacy review, as support already uses the tickets.")),
    ("DA-017", _privacy("Pseudonymisation will be done during the rollout, with the privacy office.")),
]
QUIET += [
    ("DA-017", _privacy("Customer ids are hashed at extraction; the DPIA was signed by the DPO in March, before the "
                        "first extract; access is limited to the four analysts and extracts are kept 90 days.")),
]


# the state after the event, in other words than 'final' or 'closed'
FIRES += [
    ("DA-002", feature_description("Number of seats sold on the train, from the post-departure occupancy report.")),
    ("DA-002", feature_description("Parcels per route as delivered, from the end-of-day close-out list.")),
    ("DA-002", feature_description("Messages exchanged with the customer up to the extraction of the training set.")),
    ("DA-002", feature_description("Support contacts of the account over its whole life, as on file today.")),
]
QUIET += [
    ("DA-002", feature_description("Seats sold on the train at the scoring moment, from the hourly inventory "
                                   "snapshot; the post-departure occupancy report is not used.")),
]


def _floor_target(label: str) -> Mutation:
    return both(put("problem_framing.prediction_target", "For each ticket: whether the refund will be at least "
                                                         "EUR 200"),
                put("problem_framing.label_definition", label))


FIRES += [
    ("PF-017", _floor_target("Positive when a refund was paid, however small.")),
    ("PF-017", _floor_target("1 when the refund amount is different from zero, 0 otherwise.")),
    ("PF-017", _floor_target("Any refund counts, whatever its amount.")),
    ("PF-017", put("problem_framing.label_definition", "Positive when the customer renewed, whatever the channel "
                                                       "(web, phone or shop).")),
]
QUIET += [
    ("PF-017", _floor_target("Positive when the refund paid is EUR 200 or more; smaller refunds are negatives.")),
]


def test_a_label_of_any_size_for_a_target_with_a_floor_names_the_floor() -> None:
    findings = _by_check(_floor_target("Positive when a refund was paid, however small."), "PF-017")
    assert findings and "at least EUR 200" in findings[0].message and "however small" in findings[0].message


def _shared_code(path_text: str) -> Mutation:
    return both(put("deployment.shared_feature_code", True), put("deployment.end_to_end_path", path_text))


def test_training_in_python_and_serving_in_csharp_contradicts_shared_feature_code() -> None:
    two = _shared_code("The C# desktop client resizes and normalises each scan before calling the ONNX model. "
                       "Training runs in PyTorch with torchvision transforms.")
    assert [f.severity for f in _by_check(two, "DE-004")] == ["blocker"]
    one = _shared_code("The C# desktop client passes the raw scan to the ONNX graph, which contains the "
                       "preprocessing exported from the same module the PyTorch training loader calls.")
    assert _by_check(one, "DE-004") == []


def test_people_judging_each_case_listed_as_a_heuristic_is_labelling_not_a_rule() -> None:
    def listed(name: str, description: str) -> Mutation:
        return both(put("problem_framing.heuristics[0].name", name),
                    put("problem_framing.heuristics[0].description", description),
                    put("problem_framing.heuristics[0].disposition", "label_source"))

    assert _by_check(listed("Agent consensus", "Two senior agents vote on the right queue; a lead breaks ties."),
                     "PF-011") == []
    assert _by_check(listed("Keyword routing rules", "About 120 keyword-to-queue rules on the subject."), "PF-011")


def test_costs_in_hours_are_compared_in_hours_not_minutes() -> None:
    def costs(fp: float, fn: float) -> Mutation:
        return both(put("problem_framing.cost_unit", "engineer-hours per alert"),
                    put("problem_framing.false_positive_cost", fp), put("problem_framing.false_negative_cost", fn),
                    put("problem_framing.cost_of_errors", "A false alarm sends an engineer out for about 3 hours; a "
                                                          "missed fault costs about 40 hours of repair."))

    assert _by_check(costs(3, 40), "PF-018") == []
    assert _by_check(costs(40, 3), "PF-018"), "swapped costs are still found"


def test_people_seen_in_the_images_of_a_source_marked_as_holding_no_personal_data() -> None:
    def imagery(notes: str) -> Mutation:
        return both(put("data.sources[0].name", "Dock camera image archive"),
                    put("data.sources[0].contains_pii", False),
                    put("data.sources[1].contains_pii", True), put("data.access_and_privacy", notes))

    findings = _by_check(imagery("Roughly 5% of frames show workers on the loading bay."), "DA-019")
    assert [f.field for f in findings] == ["data.sources[0].contains_pii"]
    assert _by_check(imagery("Frames are of pallets only; the cameras point at the conveyor."), "DA-019") == []


def _baseline(text: str) -> Mutation:
    return both(put("problem_framing.baseline_kind", "heuristic"), put("problem_framing.baseline_value", 0.7),
                put("problem_framing.non_ml_baseline", text))


FIRES += [
    ("PF-015", _baseline("Agents route by keyword rules; the 2021 helpdesk review put them at 0.7 accuracy.")),
    ("PF-015", _baseline("Keyword rules. A vendor white paper credits rules like ours with about 70 % accuracy.")),
    ("PF-015", _baseline("Keyword rules, at 0.7 accuracy; the rules have never been scored against the reassignment "
                         "log.")),
]
QUIET += [
    ("PF-015", _baseline("Keyword rules, replayed over the test weeks: 0.70 accuracy against the reassignment log, "
                         "and 0.9 recall on escalation reports.")),
]


def test_retraining_more_often_than_labels_arrive_is_sound_when_each_run_uses_matured_cases_only() -> None:
    def monthly(cadence: str) -> Mutation:
        return both(put("monitoring.retraining_interval_days", 1), put("monitoring.retraining_cadence", cadence))

    assert _by_check(monthly("Every day, on everything logged so far."), "MN-015")
    assert _by_check(monthly("Every day, on tickets at least 10 days old, so every ticket has its final queue."),
                     "MN-015") == []
    assert _by_check(monthly("Every day; tickets still open wait for the next run."), "MN-003") == []


def test_a_rollback_time_is_what_the_switch_takes_not_a_window_it_looks_back_over() -> None:
    def timed(plan: str) -> Mutation:
        return both(put("deployment.rollback_minutes", 15), put("deployment.rollback_plan", plan))

    assert _by_check(timed("The on-call flips the alias back; tickets routed in the preceding ten working days are "
                           "re-queued. The switch takes under fifteen minutes; rehearsed in May."), "DE-011") == []
    assert _by_check(timed("Redeploying the old image through the release train takes about two days."), "DE-011")


def test_moving_slowly_beside_a_measured_back_test_is_a_measured_staleness_impact() -> None:
    measured = put("monitoring.staleness_impact", "A model frozen in March and scored on April to June loses 0.4 "
                                                  "points of accuracy a month; tickets do move slowly otherwise.")
    assert _by_check(measured, "MN-005") == []
    assert _by_check(put("monitoring.staleness_impact", "Tickets move slowly, so staleness hardly matters."), "MN-005")
