"""Which answers of a project answer each question of "Datasheets for Datasets" (Gebru et al.).

The paper asks 50 questions in seven sections (not counting the "any other comments?" that ends
each one). Each is listed here, in our own words, with the dotted paths of the answers that
respond to it: a phase answer the Data Sheet quotes, or a question the Data Sheet asks itself.
A test resolves every path on the project model and checks that each is shown in the Data Sheet,
so no question of the paper is left without an answer to give.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DatasheetQuestion:
    section: str  # key of the Data Sheet section
    question: str  # the paper's question, paraphrased
    answers: tuple[str, ...]  # dotted paths of the answers that respond to it


def _q(section: str, question: str, *answers: str) -> DatasheetQuestion:
    return DatasheetQuestion(section, question, answers)


DS = "datasheet"
DATASHEET_QUESTIONS: tuple[DatasheetQuestion, ...] = (
    # Motivation (3)
    _q("motivation", "For what purpose was the data set created; what gap does it fill?",
       "problem_framing.problem_statement", "problem_framing.prediction_target"),
    _q("motivation", "Who created it, and on behalf of which entity?", "info.team"),
    _q("motivation", "Who funded its creation?", f"{DS}.motivation.funded_by"),
    # Composition (15)
    _q("composition", "What do the instances represent?", "problem_framing.label_definition"),
    _q("composition", "How many instances are there?", "data.labelled_examples"),
    _q("composition", "Is it a sample of a larger set, and is the sample representative?", "data.sampling"),
    _q("composition", "What data does each instance consist of?", "data.features"),
    _q("composition", "Is there a label or target for each instance?", "problem_framing.label_definition"),
    _q("composition", "Is any information missing from individual instances?", "data.quality_notes"),
    _q("composition", "Are relationships between instances made explicit?", f"{DS}.composition.relationships"),
    _q("composition", "Are there recommended data splits?", "modeling.evaluation_split"),
    _q("composition", "Are there errors, sources of noise or redundancies?", "data.quality_notes",
       "data.deduplicated"),
    _q("composition", "Is it self-contained, or does it rely on external resources?",
       f"{DS}.composition.external_resources"),
    _q("composition", "Does it contain confidential data?", f"{DS}.composition.confidential_content"),
    _q("composition", "Does it contain data that might be offensive or cause anxiety?",
       f"{DS}.composition.confidential_content"),
    _q("composition", "Does it identify subpopulations, and how are they distributed?",
       f"{DS}.composition.subpopulations"),
    _q("composition", "Can individuals be identified, directly or indirectly?", f"{DS}.composition.reidentification"),
    _q("composition", "Does it contain sensitive data (origin, health, beliefs, finances…)?", "data.features",
       "data.sources"),
    # Collection process (11)
    _q("collection", "How was the data of each instance acquired (observed, reported, inferred)?", "data.features",
       "data.sources"),
    _q("collection", "Which mechanisms or procedures collected it, and how were they validated?", "data.sources",
       "data.schema_validation"),
    _q("collection", "If it is a sample, what was the sampling strategy?", "data.sampling"),
    _q("collection", "Who was involved in collecting it, and how were they compensated?",
       f"{DS}.collection.collected_by"),
    _q("collection", "Over which timeframe was it collected?", f"{DS}.collection.collection_period"),
    _q("collection", "Were ethical review processes conducted?", f"{DS}.collection.ethics_review"),
    _q("collection", "Was it collected from the individuals directly or through third parties?", "data.sources",
       f"{DS}.collection.collected_by"),
    _q("collection", "Were the individuals notified about the collection?", f"{DS}.collection.consent_and_notice"),
    _q("collection", "Did the individuals consent to the collection and use?", f"{DS}.collection.consent_and_notice"),
    _q("collection", "Can consent be revoked?", f"{DS}.collection.consent_and_notice"),
    _q("collection", "Was an analysis of the impact on data subjects conducted?", f"{DS}.collection.ethics_review"),
    # Preprocessing, cleaning, labelling (3)
    _q("preprocessing", "Was any preprocessing, cleaning or labelling done?", f"{DS}.preprocessing.cleaning_steps",
       "data.label_source", "data.deduplicated", "data.inherited_filters"),
    _q("preprocessing", "Was the raw data saved as well?", f"{DS}.preprocessing.raw_data_kept"),
    _q("preprocessing", "Is the preprocessing software available?", f"{DS}.preprocessing.code_location"),
    # Uses (5)
    _q("uses", "Has it been used for any tasks already?", "problem_framing.decision_supported",
       f"{DS}.uses.other_uses"),
    _q("uses", "Is there a repository that links to the papers or systems that use it?",
       f"{DS}.uses.uses_repository"),
    _q("uses", "What other tasks could it be used for?", f"{DS}.uses.other_uses"),
    _q("uses", "Could its composition or collection make a future use unfair or harmful, and how can that be "
               "avoided?", f"{DS}.uses.misuse_risks"),
    _q("uses", "Are there tasks it should not be used for?", f"{DS}.uses.not_for", "problem_framing.out_of_scope"),
    # Distribution (6)
    _q("distribution", "Will it be distributed to third parties outside the entity that created it?",
       f"{DS}.distribution.shared_outside"),
    _q("distribution", "How will it be distributed, and does it have an identifier such as a DOI?",
       f"{DS}.distribution.how_shared", f"{DS}.distribution.identifier"),
    _q("distribution", "When will it be distributed?", f"{DS}.distribution.distribution_date"),
    _q("distribution", "Under which licence or terms of use?", f"{DS}.distribution.terms"),
    _q("distribution", "Have third parties imposed restrictions on the data?",
       f"{DS}.distribution.third_party_restrictions"),
    _q("distribution", "Do export controls or other regulatory restrictions apply?", f"{DS}.distribution.legal_limits"),
    # Maintenance (7)
    _q("maintenance", "Who supports, hosts and maintains it?", f"{DS}.maintenance.maintainer", "data.sources"),
    _q("maintenance", "How can its owner or curator be contacted?", f"{DS}.maintenance.maintainer"),
    _q("maintenance", "Is there an erratum?", f"{DS}.maintenance.corrections"),
    _q("maintenance", "Will it be updated, how often, by whom, and how are users told?",
       f"{DS}.maintenance.update_policy", "data.versioning"),
    _q("maintenance", "Are there limits on how long data about people is retained?",
       f"{DS}.maintenance.retention_limits"),
    _q("maintenance", "Will older versions stay available, and how is their end announced?",
       f"{DS}.maintenance.old_versions"),
    _q("maintenance", "Can others extend or contribute to it, and how are contributions checked and announced?",
       f"{DS}.maintenance.contributions"),
)
