"""The Data Sheet: the questions about the training data that the phase forms do not already ask.

The sections follow "Datasheets for Datasets" (Gebru et al.): motivation, composition,
collection, preprocessing and labelling, uses, distribution, maintenance. Most of what a
data sheet says is already in the Problem Framing and Data answers; ``lifecycle.handoff.datasheet``
fills those parts in and these models hold only what is left to ask, in our own words.
"""

from __future__ import annotations

from pydantic import Field

from .base import Section
from .fields import answer, text


class DatasheetMotivation(Section):
    name: str = text(
        "Data set name", "What people call this data set; the project name is used when empty.",
    )
    funded_by: str = text(
        "Who paid for it", "The budget or grant behind collecting and preparing the data.",
    )


class DatasheetComposition(Section):
    relationships: str = text(
        "How examples relate to one another",
        "Repeated entities (the same customer in several snapshots), households, sessions, or links between records.",
        long=True,
    )
    subpopulations: str = text(
        "Groups of people in the data",
        "Which groups (age band, region, new or existing customers…) can be told apart, and roughly how large "
        "each is.",
        long=True,
    )
    reidentification: str = text(
        "Could a person be identified?",
        "Directly, or by combining fields (postcode with birth date, for example), and what prevents it.",
        long=True,
    )
    confidential_content: str = text(
        "Confidential or offensive content",
        "Anything covered by secrecy (legal privilege, trade secrets) or that people could find offensive; "
        "'none' if so.",
        long=True,
    )
    external_resources: str = text(
        "Outside resources it depends on",
        "Web pages, reference tables or other data sets the examples link to or need, whether they are archived, "
        "and any terms attached to them; 'self-contained' if there are none.",
        long=True,
    )


class DatasheetCollection(Section):
    collection_period: str = text(
        "Period the data covers", "First and last date of the examples, e.g. '2019-01 to 2023-12'.",
    )
    collected_by: str = text(
        "Who collected it", "The people or systems that recorded the data, and whether anyone was paid to do it.",
        long=True,
    )
    consent_and_notice: str = text(
        "Notice and consent",
        "Were people told their data is collected and used this way, on which legal basis, and can they opt out?",
        long=True,
    )
    ethics_review: str = text(
        "Ethics or impact review",
        "A data protection impact assessment, ethics board or similar review, and its outcome.",
        long=True,
    )


class DatasheetPreprocessing(Section):
    cleaning_steps: str = text(
        "Cleaning and transformation",
        "What was removed, imputed, bucketed or recoded on the way from the sources to training examples.",
        long=True,
    )
    raw_data_kept: bool | None = answer(
        "Raw data kept", "Is the data as it was before cleaning still available, for audits or other uses?",
    )
    code_location: str = text(
        "Where the preparation code lives", "A repository or path, so others can rerun or review it.",
    )


class DatasheetUses(Section):
    other_uses: str = text(
        "Other tasks it could serve", "Uses beyond this model that the data would support, or already supports.",
        long=True,
    )
    uses_repository: str = text(
        "Where its uses are recorded",
        "A page, catalogue entry or register that lists the models, reports and systems built on the data.",
    )
    misuse_risks: str = text(
        "What could make a use unfair or harmful",
        "Gaps or biases in how the data was made that a future user must know, and how to work around them.",
        long=True,
    )
    not_for: str = text(
        "Tasks it must not be used for", "Uses the data is unfit or not permitted for.", long=True,
    )


class DatasheetDistribution(Section):
    shared_outside: bool | None = answer(
        "Shared outside the team", "Is the data, or a derivative of it, given to other teams or organisations?",
    )
    how_shared: str = text(
        "How it is shared", "Warehouse table, export, API…, and to whom; 'not shared' if it stays with the team.",
    )
    identifier: str = text(
        "Identifier", "A DOI, catalogue id or table name by which others find and cite the exact data set.",
    )
    distribution_date: str = text(
        "When it is shared", "The date, or the event, from which others receive it, e.g. 'from 2026-03, monthly' "
        "or 'after the model is approved'.",
    )
    terms: str = text(
        "Licence or terms of use", "The licence, contract or internal policy that governs its use.", long=True,
    )
    third_party_restrictions: str = text(
        "Restrictions set by the data's sources",
        "Licences, contracts or intellectual-property terms of the vendors and partners the data comes from that "
        "limit what others may do with it.",
        long=True,
    )
    legal_limits: str = text(
        "Legal or regulatory limits", "Export controls, sector rules or contract clauses that restrict it.", long=True,
    )


class DatasheetMaintenance(Section):
    maintainer: str = text(
        "Who maintains it and how to reach them", "A team and a contact address or channel.",
    )
    update_policy: str = text(
        "How updates are made and announced", "How often the data is refreshed, and how users learn of changes.",
        long=True,
    )
    old_versions: str = text(
        "What happens to older versions", "How long earlier versions stay available, and how their end is announced.",
        long=True,
    )
    corrections: str = text(
        "How errors are reported and fixed", "Where someone reports a mistake in the data, and who corrects it.",
        long=True,
    )
    retention_limits: str = text(
        "How long data about people is kept",
        "Retention limits for the personal data in the examples, whether people were told, and how it is deleted.",
        long=True,
    )
    contributions: str = text(
        "How others contribute",
        "How someone outside the team extends or corrects the data set, how their contributions are checked, and "
        "how users learn of them.",
        long=True,
    )


class Datasheet(Section):
    """The questions of the Data Sheet that no phase form asks, one group per datasheet section."""

    motivation: DatasheetMotivation = Field(default_factory=DatasheetMotivation)
    composition: DatasheetComposition = Field(default_factory=DatasheetComposition)
    collection: DatasheetCollection = Field(default_factory=DatasheetCollection)
    preprocessing: DatasheetPreprocessing = Field(default_factory=DatasheetPreprocessing)
    uses: DatasheetUses = Field(default_factory=DatasheetUses)
    distribution: DatasheetDistribution = Field(default_factory=DatasheetDistribution)
    maintenance: DatasheetMaintenance = Field(default_factory=DatasheetMaintenance)
