"""The ML concepts the review recognises in prose, each a family of synonyms and paraphrases.

A ``Concept`` is a list of phrases in the phrase language of ``patterns`` (inflections and
spelling variants come free), plus phrases that look alike but mean something else
(``exclude``: "random forest" is not a random split). Phrases are written from ML
knowledge (the Rules of ML, the leakage taxonomy, the ML Test Score and common practice),
never from one plan's wording: each family names the idea several ways, so a reviewer who
writes "we shuffled the rows and kept a fifth for testing" is read like one who writes
"random 80/20 split".

``history_sensitive`` concepts describe a value that would leak only if it were taken
after the prediction; a history qualifier in the same clause ("previous chargebacks",
"in the 12 months before the application") makes the mention historical, not a leak.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .patterns import PhraseSet, compile_phrases


@dataclass(frozen=True)
class Concept:
    key: str
    label: str  # how a finding names what it read, e.g. "a shuffled or random split"
    phrases: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    history_sensitive: bool = False
    inner_negation: bool = True  # a negation inside the matched words ('rollback has never been tested') denies it
    pattern: PhraseSet = field(init=False, repr=False, compare=False)
    excluded: PhraseSet | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", compile_phrases(self.phrases))
        object.__setattr__(self, "excluded", compile_phrases(self.exclude) if self.exclude else None)


_SPLIT_NOUNS = "assigned|allocated|sampled|selected|divided|partitioned|drawn|chosen|picked|split|splits|partition|hold-out|holdout|held-out|test|test_set|validation|validation_set|sample|fold|subset|assignment|selection|division|allocation"

RANDOM_SPLIT = Concept(
    "random_split", "a shuffled or random split",
    (
        "random|randomly|randomised|randomized|stratified|shuffled|shuffle|uniform ~ split|splits|splitting|partition|"
        "hold-out|holdout|held-out|test_set|test_sample|validation_set|validation_sample|fold|folds|80/20|70/30|90/10|"
        "75/25|train/test|train-test",
        "split|splits|splitting|partition|partitioned|divided|divide ~~ at_random|randomly|by_random|uniformly|"
        "with_shuffling|with_shuffle",
        "hold|held|holding|keep|kept|set|put ~ out|aside|back|apart ~~ at_random|randomly",
        "k-fold", "@\\d+-fold", "@(?:five|ten|three|n)-fold", "fold cross-validation|cv", "cross-validat*",
        "cross validat*", "cv= score|scores|auc|folds|splits|estimate", "@train_test_split",
        "@random_state\\s*=", "leave-one-out", "@shuffle\\s*=\\s*true",
        "without_regard_to|ignoring|regardless_of|irrespective_of time|date|dates|order|time_order|chronology",
        "mixed|pooled|combined ~ across|all|every month|months|year|years|period|periods|time ~ and split|"
        "then_split|before_splitting",
        "same customers|accounts|users|patients|contracts|stores|machines|turbines ~ appear|appearing|end_up|in both "
        "train|training|sets",
        # k folds, however they are named: 'the mean over 5 folds', 'one of five folds', StratifiedKFold, out-of-fold
        "# fold|folds", "@(?:stratified|group|repeated|stratifiedgroup)?kfold", "out-of-fold", "fold model|models",
        # assignment by a hash of an id is random with respect to time: 'folds by VIN hash', 'a hash of listing_id'
        "fold|folds|split|hold-out|holdout|test_set|test_sample|bucket|buckets ~~ hash|hashed|hashing",
        "hash|hashed|hashing ~~ fold|folds|split|hold-out|holdout|test_set|test_sample",
        "test|testing|train|training ~~ by|via|using|from ~ hash|hashed|hashing",
        "@\\d{2}\\s*/\\s*\\d{2} cut|split|partition|division of|across|over all|the_whole|the_entire|the_full|every",
        # repeated hold-outs: 'a different fifth of the students was kept aside'
        "different|another|each|every fifth|tenth|quarter|third|fold|subset|part|share ~~ kept|held|set|left|put ~ "
        "aside|out|back|apart",
    ),
    exclude=(
        "random forest|forests|effect|effects|seed|seeds|search|baseline|guess|guessing|noise|intercept|walk",
        "randomised|randomized controlled|control|trial|experiment|experiments|a/b|ab",
        "time-series cross-validation|split|cv", "time series cross-validation|split|cv",
        "rolling|walk-forward|forward-chaining|blocked|time-based|temporal|expanding|sliding|purged|grouped|group "
        "~ cross-validation|k-fold|cv|folds",
        "timeseriessplit", "shuffle=false", "cross-validat* ~ within|inside|on the training|train ~ period|window|"
        "data|months|set|weeks|years",
    ),
    inner_negation=False,
)

RANDOM_SELECTION = Concept(
    "random_selection", "rows picked at random (a split when it makes the test set)",
    (
        "shuffl*", "reshuffl*", "random|randomly|at_random|uniformly ~ sample|sampled|sampling|select|selected|"
        "assigned|allocated|drawn|picked|chosen|subset|rows|records|examples|fifth|tenth|quarter|share",
        "sampled|selected|assigned|allocated|drawn|picked|chosen ~ at_random|randomly",
        "random @\\d+(?:\\.\\d+)?\\s*(?:%|percent|per\\s+cent)", "bootstrap sample|samples|resampl*",
    ),
    exclude=(
        "random|randomly ~ assigned|allocated|split|selected|bucketed ~ to|into|between ~ treatment|control|variant|"
        "variants|arm|arms|holdout_group|control_group|experiment|bucket|buckets|cohorts|a/b",
        "shuffl* ~ batch|batches|minibatch|minibatches|epoch|epochs|feature_values|permutation",
        "permutation importance", "random sample ~ reviewed|review|inspect|inspected|read|checked|label|labelled|"
        "audited|audit",
    ),
    inner_negation=False,
)

EVAL_CONTEXT = Concept(
    "eval_context", "an evaluation",
    ("test|tests|tested|testing|test_set|hold-out|holdout|held-out|held_out|validation|validate|validated|evaluation|"
     "evaluate|evaluated|offline_metric|offline_metrics|auc|accuracy|precision|recall|f1|wape|mape|rmse|mae|score_the|"
     "scored_on|benchmark|backtest",),
)

TEMPORAL_SPLIT = Concept(
    "temporal_split", "a test period after the training period",
    (
        "temporal|time-based|time_based|chronological|out-of-time|date-based|forward|time-ordered ~ split|splits|"
        "hold-out|holdout|test|validation|evaluation|cut-off|cutoff|partition|backtest",
        "split|partition|divide|hold_out ~ by time|date|month|week|timestamp|period|day|year|quarter|cohort",
        "last|latest|most_recent|final|newest|recent|following|later|subsequent|next # day|week|month|quarter|year "
        "~ as|for|are|is|was|were|form|forms|make_up ~ test|testing|hold-out|holdout|held-out|held_out|validation|"
        "evaluation|test_set|test_data|out-of-time",
        "hold|held|holding|keep|kept|set|reserve|reserved|put ~ out|back|aside|apart ~ the last|latest|most_recent|"
        "final|newest # day|week|month|quarter|year",
        "last|latest|most_recent|final|newest # day|week|month|quarter|year ~ held_out|held_back|kept_back|"
        "set_aside|reserved|untouched|never_seen",
        "test|tested|evaluate|evaluated|validate|validated|hold_out|held_out|holding_out ~~ last|latest|most_recent|"
        "final|newest|following|later|subsequent|next # day|days|week|weeks|month|months|quarter|quarters|year|years",
        "test|tested|evaluate|evaluated|validate|validated|holdout|hold-out ~~ last|latest|most_recent|final|following|"
        "later|subsequent|next|future week|month|quarter|year|period|cohort|season",
        "train|trained|fit|fitted ~~ before|until|up_to|through|prior_to ~~ and|then|test|tested|evaluate|evaluated|"
        "validate|validated|score|scored",
        "after the|each cut-off|cutoff|cut_off|training_period|training_window|training_cut-off|training_data",
        "train|trained|training|fit|fitted|learn|learned ~~ @(?:19|20)\\d{2} ~~ test|tested|testing|evaluate|evaluated|"
        "validate|validated|validation|holdout|hold-out|score|scored ~~ @(?:19|20)\\d{2}",
        "train|trained|training ~~ q1|q2|q3|q4|h1|h2|january|february|march|april|may|june|july|august|september|"
        "october|november|december ~~ test|tested|testing|evaluate|evaluated|validate|validated|validation ~~ q1|q2|q3|"
        "q4|h1|h2|january|february|march|april|may|june|july|august|september|october|november|december",
        "figures|numbers|metrics|results|scores ~~ from|on the last|latest|most_recent|final # day|week|month|"
        "quarter|year",
        "walk-forward", "rolling-origin", "rolling origin|window|windows ~ validation|evaluation|backtest|test",
        "expanding window", "backtest*", "back-test*", "forward-chaining", "time-series split|cross-validation|cv",
        "time series split|cross-validation|cv", "timeseriessplit", "out-of-time", "out of time",
        "future|later|subsequent|unseen month|months|weeks|quarter|period|periods|data ~ as|for test|testing|validation",
    ),
)

# What the numbers reported for the model come from: a split named here is the evaluation, even when the same
# sentence also says it chose the settings ('hyper-parameters were chosen, and performance estimated, by 5-fold CV').
REPORTED_EVALUATION = Concept(
    "reported_evaluation", "the figures reported for the model",
    (
        "performance|figures|numbers|metrics|scores|results|estimates ~ estimated|reported|measured|come_from|"
        "comes_from|came_from|averaged|average|mean",
        "report|reported|reporting figures|numbers|metrics|results|scores|performance",
        "estimate|estimated|estimating|measure|measured ~ performance|accuracy|error|the_score",
        "performance was|is estimated|measured",
    ),
)

# A feature praised as the model's strongest: the first place an expert looks for a leak (a value that is
# too good is usually one taken after the outcome).
# The value is computed or read when the prediction is made: 'called at scoring time', 'as of the submission day'.
AT_PREDICTION_TIME = Concept(
    "at_prediction_time", "a value taken when the prediction is made",
    (
        "at|during scoring|prediction|request|offer|serving|inference|submission|quote|appraisal|booking|check-in "
        "time|moment",
        "called|computed|calculated|read|fetched|looked_up|taken|queried ~ at|when|while ~ scoring|predicting|"
        "prediction|request|serving|the_request|the_offer|the_call",
        "as_of|as_at|at the scoring|prediction|submission|offer|request|quote|appraisal day|date|time|moment|monday",
        "as_of|as_at ~ creation|submission|intake|arrival|application|request|booking|scoring|prediction|check-in",
    ),
)

STANDOUT_FEATURE = Concept(
    "standout_feature", "a feature described as the strongest predictor",
    (
        "strongest|best|top|most_important|most_predictive|dominant|biggest|largest single|one ~ predictor|predictors|"
        "feature|features|signal|signals|input|inputs|variable|variables",
        "strongest|best|most_important|most_predictive|dominant predictor|predictors|feature|features|signal|signals",
        "among|one_of the strongest|best|most_predictive|most_important ~ signals|predictors|features|inputs",
        "top gain|importance|shap feature|features|input",
        "top|first|#1|number_one|highest ~ in|by ~ gain|importance|shap|feature_importance",
        "dominates|dominated|carries|carried ~ the|most_of_the model|importance|gain|lift|signal",
    ),
)

TUNING_CONTEXT = Concept(
    "tuning_context", "tuning inside the training period",
    (
        "hyperparameter*", "tune|tuning", "model selection", "early stopping", "inner fold|folds|loop|cv",
        "nested cross-validation", "within|inside|on the training|train period|window|months|data|set|weeks",
    ),
)

TIME_ORDERED_DATA = Concept(
    "time_ordered_data", "time-ordered data",
    (
        "time series", "time-series", "timestamp*", "monthly|weekly|daily|quarterly snapshot|snapshots|extract|"
        "extracts|cohort|cohorts",
        "event log|logs|stream", "transactions|events|sessions|orders|claims|visits|calls ~ from|since|between|over #",
        "history from|since #", "@(?:19|20)\\d{2}\\s*(?:-|to|until|through|–)\\s*(?:19|20)\\d{2}",
    ),
)

FEATURE_CODE_DIVERGENT = Concept(
    "feature_code_divergent", "feature code written twice (once for training, once for serving)",
    (
        "re-implement|reimplement|rewrite|rewritten|port|translate|re-code|recode|recreate|re-create|duplicate|"
        "replicate|hand-code|hand-coded|rebuild|rebuilt|re-engineer|mirror|copied|re-express ~ feature|features|"
        "logic|transformation|transformations|pipeline|code|calculation|calculations|computation|preprocessing|"
        "encoding|encodings|aggregation|aggregations|query|queries|sql|formula|formulas|definition|definitions|"
        "cleaning|cleanup|tokenizer|tokeniser|preprocessing|rules",
        # 'copy' as a verb ('copy the feature logic'), not the noun ('discards its working copy, computed features')
        "copy|copies the|our|their|its|that ~ feature|features|logic|transformations|pipeline|code|calculations|"
        "preprocessing|sql|queries|formulas|definitions|rules",
        "copy|copies feature|features|logic|transformations|code|calculations|preprocessing|sql|queries|formulas",
        "feature|features|logic|transformation|transformations|pipeline|code|calculation|calculations|"
        "preprocessing|encoding|encodings|aggregation|aggregations|formula|formulas ~~ re-implement|reimplement|"
        "rewrite|rewritten|port|translate|re-code|recode|recreate|duplicate|replicate|hand-coded|rebuilt|"
        "re-engineer|mirror|copied",
        "separate|different|second|independent|parallel|another|own implementation|implementations|codebase|"
        "code_base|code_path|code_paths|feature_pipeline|version_of_the_features|copy_of_the_logic",
        "two implementation|implementations|codebases|code_bases|code_paths|versions_of_the_feature|"
        "versions_of_the_features|feature_pipelines",
        "recompute|recalculate|re-derive|rederive|re-compute ~~ at_serving|online|in_the_service|in_production|"
        "separately|again|for_training|for_serving|independently|in_the_app|on_the_device",
        "in|into java|golang|go=|kotlin|scala|c#|.net|javascript|typescript|node|rust|c++|swift|php|ruby|pl/sql|"
        "stored_procedure|stored_procedures ~ for|at|in serving|production|the_service|runtime|online|the_api|the_app",
        "serving|online|production|platform|backend|app team|teams|side|stack|service ~~ compute|computes|"
        "re-implement|reimplement|rewrite|rewrites|build|builds|derive|derives ~ own|own_version|itself|separately|again",
        "service|services|api|endpoint|scorer|microservice|app|application|backend|frontend ~ compute|computes|"
        "build|builds|derive|derives|calculate|calculates|implement|implements|has|have|keeps|maintains ~ its|their "
        "own ~ version|versions|copy|copies|implementation|implementations|logic|features|feature_code|calculations|"
        "code",
        "port|ported|translate|translated|rewrite|rewritten|re-implement|reimplement|recode|re-code|re-write ~~ to|in|"
        "into java|golang|go=|kotlin|scala|c#|.net|javascript|typescript|node|rust|c++|swift|php|ruby|pl/sql|c=",
        "hand-written|handwritten|custom|home-grown|homegrown tokenizer|tokeniser|parser|preprocessing|cleaning|"
        "cleanup|feature_code|normalisation|normalization",
        "instead of the ~~ pipeline|library|package|code|preprocessing|tokenizer ~~ from|used_in|of training|the_training",
        "own|separate|custom tokenizer|tokeniser|parser|preprocessing|cleaning|feature_code|implementation|"
        "normalisation|normalization",
        "tokenizer|tokeniser|parser|preprocessing|cleaning|feature_code ~~ hand-written|handwritten|re-implemented|"
        "reimplemented|rewritten|ported",
        "port|ports|ported|rewrite|rewrites ~~ of the|our ~~ notebook|training|python|sklearn|feature|cleaning|"
        "preprocessing ~ code|logic|pipeline|features",
        "go port|service|binary|rewrite|version|implementation|code",
        "notebook|pandas|python|spark|sql|dbt ~~ training|offline ~~ java|golang|kotlin|scala|c#|javascript|typescript|"
        "node|rust|c++|swift|php|ruby ~~ serving|online|production|service|app",
        # 'online they are reimplemented in the API', 'the app team rebuilds the aggregates in their Java code'
        "reimplemented|re-implemented|rewritten|ported|recoded|re-coded|duplicated|hand-coded|rebuilt|recomputed ~ in|"
        "for|at|inside ~ the|our|their ~ api|service|app|backend|frontend|serving|production|runtime|online|client",
        "service|api|app|backend|serving|server|client|frontend ~~ recomputes|recompute|recalculates|rebuilds|rebuild|"
        "computes|derives ~~ features|aggregates|inputs|signals|variables ~~ in|with go=|golang|java|kotlin|scala|"
        "c#|javascript|typescript|node|rust|c++|swift|php|ruby",
        "rebuild|rebuilds|rebuilt|recompute|recomputes|recalculate|recalculates ~ the ~ same ~ aggregates|features|"
        "inputs|signals|variables|counts|ratios ~~ in|with ~ their|its|the_service's|the_app's|own java|golang|kotlin|"
        "scala|c#|javascript|typescript|node|rust|c++|swift|php|ruby|code",
    ),
    exclude=("same|shared|single|one|common|identical feature|code|library|pipeline|implementation|transformation",),
)

FEATURE_CODE_SHARED = Concept(
    "feature_code_shared", "one feature implementation for training and serving",
    (
        "same|shared|single|one|common|identical feature|code|library|pipeline|implementation|transformation|"
        "transformations|package|module|codebase",
        "feature store", "feature-store", "featurestore",
    ),
)

POST_OUTCOME = Concept(
    "post_outcome", "a value recorded after the prediction or the outcome",
    (
        "set|filled|filled_in|fills|entered|enters|recorded|written|writes|updated|updates|assigned|assigns|added|"
        "adds|logged|populated|completed|completes|computed|known|available|captured|coded|determined|finalised|"
        "back-filled|backfilled|amended|amends|corrected|corrects|revised|revises|overwritten|stamped|confirmed|"
        "confirms|labelled|labeled|tagged|derived|calculated|taken|selected|selects|chosen|chooses|picked|picks|"
        "marked|marks|reconciled|reconciles|tallied|totalled|totaled ~ after|once|when|upon|following|"
        "at_the_end_of|at_closure|on_closure|at_close|at_the_close|after_closure|later|afterwards|retrospectively|"
        "retroactively|post",
        "after|once|when|upon|following|at [the|a|an|its|their] ~ outcome|label|event|decision|case|claim|ticket|call|visit|loan|order|"
        "application|investigation|contract|account|dispute|appeal|incident|delivery|shipment|discharge|treatment|"
        "payment|repair|return|refund|cancellation|approval|prediction|scoring|default|churn|transaction|booking|"
        "stay|episode|admission|session ~ is|was|has_been|gets|got|are|were|have_been ~ known|closed|resolved|settled|"
        "decided|completed|finished|made|confirmed|investigated|reviewed|ended|cancelled|terminated|charged_off|"
        "written_off|paid|returned|shipped|delivered|discharged|approved|declined|rejected|processed|fulfilled|"
        "repaired|refunded|booked|assessed|adjudicated|concluded|finalised|recorded|observed|matured",
        "after|once|when|upon|following ~ closure|resolution|settlement|completion|discharge|cancellation|default|"
        "churn|investigation|adjudication|approval|decision|outcome|delivery|payment|repayment|write-off|charge-off|"
        "month-end|year-end|period-end|quarter-end|reclassification|reconciliation|audit|sign-off|verification|"
        "inspection|fulfilment|fulfillment|review|appeal|arbitration",
        # 'once month-end reclassification is done', 'after the audit has been completed'
        "after|once|when|upon ~~ month-end|year-end|period-end|quarter-end|close|closing|reclassification|"
        "reconciliation|audit|review|settlement|adjudication|verification|inspection|investigation|assessment|"
        "appeal|sign-off|closure|resolution ~ is|are|was|were|has_been|have_been|gets|got ~ done|complete|completed|"
        "finished|over|final|finalised|finalized|run|applied|signed_off|posted|closed",
        "when|after|on|upon|while|before ~ closing|resolving|solving|settling|completing|discharging|finishing|"
        "cancelling|returning|investigating|repairing|delivering ~ the|a|it|each",
        "post-outcome", "post-event", "post-decision", "post-prediction", "post-approval", "post-application",
        "post-visit", "post-discharge", "post-sale", "post-purchase", "post-incident", "post-closure",
        "post-resolution", "post-default", "post-churn", "post-treatment", "post-delivery", "post-booking",
        "post-outage", "post-failure", "post-fault", "post-crash", "post-inspection", "post-repair",
        "final|closing|closure|resolution|disposition|outcome|exit|termination|cancellation|churn|settlement|"
        "write-off|charge-off|recovery|collection|collections|adjudication|investigation|discharge status|code|reason|"
        "date|amount|flag|category|type|result|decision|note|notes|stage|outcome|label|grade|diagnosis|verdict",
        "in the future", "future value|values|outcome|outcomes|behaviour|activity|status|payments|usage",
        "next month's|week's|year's|quarter's", "subsequent month|months|payments|visits|activity|behaviour",
        "days|time|months|weeks until|to churn|default|resolution|closure|cancellation|return|repayment|discharge|"
        "readmission|failure|conversion",
        "eventually|ultimately|finally|subsequently|later ~ handled|resolved|solved|closed|worked|took_over|"
        "picked_up|processed|treated|answered|fixed|settled|approved|declined|paid|returned|cancelled|escalated|"
        "transferred|reassigned|reopened",
        "before|until|till|up_to ~ it|the|its ~ ticket|case|claim|loan|order|account|patient|application|contract|"
        "incident|job|visit|stay|episode|transaction|subscription ~ was|is|were|are|gets|got|has_been ~ closed|"
        "resolved|settled|completed|finished|discharged|cancelled|repaid|written_off|ended|terminated|fulfilled|paid",
        "before|until|till|up_to it|they was|is|were|are|got|gets closed|resolved|settled|completed|finished|"
        "discharged|cancelled|repaid|ended|terminated",
        "over|during|across|for the|its|their life|lifetime|lifespan|whole_life|entire_life ~ of ~ the ~ ticket|case|"
        "claim|loan|order|account|contract|policy|incident|subscription",
        "ended|ends|finished|finishes|closed|wound_up|ended_up|winds_up with|as|in|at",
        "final|resolved priority|severity|assignment|assignee|team|group|queue|owner|score|"
        "rating|value|state|stage|price|amount|balance|grade|handler|agent",
        "later|eventually|ultimately|subsequently|afterwards set|filled|updated|known|recorded|assigned|confirmed|"
        "resolved|added|entered",
        "updated|revised|overwritten|corrected|back-filled|backfilled|refreshed|amended as|when|while ~ case|claim|"
        "ticket|account|order|loan|it|investigation|episode progresses|evolves|closes|develops|moves|changes|matures",
        "current|latest|most_recent|today's|up-to-date value|status|state|balance|version|snapshot|stage ~ as_of|at|"
        "from|when ~ extract|extraction|export|snapshot_date|training_time|today|the_extract|the_export",
        "as_of|at extract|extraction|export time|date",
        "as of today", "taken|read|pulled|queried at training|extraction|export time",

        "add|adds|added|set|sets|change|changes|changed|update|updates|updated|edit|edits|edited|append|appends|"
        "appended|tag|tags|tagged ~~ while|as|during|after ~~ they|agents|staff|the_team|adjusters|engineers|nurses|"
        "handlers|reviewers|we|macros ~~ work|handle|process|investigate|resolve|treat|review|close|solve|progress",
        "as exported|extracted|replicated", "from|in the ~ nightly|daily|latest|current export|extract|replica|snapshot "
        "~~ used|taken ~ to build|for the training|training_set|training", "snapshot|extract|export|replica ~~ used to "
        "build the training|training_set|training_table", "as_of|at|in ~ the_training|training ~ extract|export|snapshot|"
        "build|table|run",
        "current|latest|up-to-date ~ record|records|state|status|value|values|snapshot|version|flag|flags",
        "at|on solve|close|closure|resolution|discharge|completion|settlement|delivery|exit|churn time|date|stage",
        "all|every ~ tag|tags|code|codes|note|notes|flag|flags ~~ on the ticket|case|claim|record ~~ at|when|by ~ solve|"
        "close|closure|resolution|end",
        "during the delivery|stay|visit|trip|journey|shift|episode|admission|treatment|repair|outage|event",
        "actual|actuals|observed ~ weather|rain|rainfall|temperature|wind|demand|traffic|conditions|sales|footfall|"
        "volume|volumes|usage|load", "historical actuals", "hourly|daily actuals",
        "on|for the sales|target|forecast|same|predicted|delivery day|date|week|period",
        "the day|week|period|store-sku-day|date|fortnight|month|quarter|window|horizon|shift being forecast|predicted|"
        "scored",
        # 'for the 14-day period of the prediction': the value covers the window the label describes
        "period|window|fortnight|horizon of|covered_by the prediction|forecast|label",
        "end-of-day summary|count|stock|figures", "closing stock|stock-on-hand|inventory",
        "reconstructed|rebuilt|derived ~ from the closing|final|end-of-day",
        "back-date|back-dates|back-dated|backdate|backdates|backdated|back-dating|backdating",
        "enter|entered|record|recorded|log|logged|book|booked|date|dated ~ with|to|by the date|time ~ the|it fault|"
        "failure|incident|event|problem|damage|malfunction|breakdown began|begins|started|starts|occurred|occurs|"
        "happened",
        "which|that ~ the|an|a engineer|engineers|technician|technicians|coder|coders|analyst|analysts|adjuster|nurse|"
        "doctor|agent|agents ~ correct|corrects|corrected|amend|amends|amended|revise|revises|revised|update|updates|"
        "updated|set|sets|fill|fills|complete|completes",
        "correct|corrects|corrected|amend|amends|amended|revise|revises|revised ~ when|once|after ~ the|it|failure|case|"
        "claim ~ is|has|gets ~ analysed|analyzed|investigated|reviewed|closed|resolved|repaired",
        "coding|coded|coders ~~ after|once|when ~~ discharge|discharged|gone_home|left",
        "complete|completed|finished|done|available ~ within|after ~ # ~ of|after discharge|closure|the_visit|the_stay",
        "once|after|when ~ the patient|customer|claimant|user|guest|applicant ~ has|have|had ~ gone_home|left|"
        "been_discharged|gone|moved_out",
        "courier|driver|agent|engineer|technician|adjuster|handler|nurse|rider ~ assigned|who_accepted|who_was_assigned|"
        "who_took|that_accepted|chosen|allocated ~ to the|the job|order|case|ticket|claim|task",
        "at the time the order|job|ticket|case|claim|request|task was dispatched|assigned|accepted|picked_up|shipped",
        "accept|accepted|dispatch|dispatched|pickup|picked_up|assignment event|events|timestamp|time|log",
        # an aggregate over the period that holds the prediction counts the outcome itself (and what came after)
        "same-day|same-week|same-month|same-hour|same-session|intraday|whole-day|full-day|end-of-week ~ ctr|rate|"
        "rates|count|counts|total|totals|average|aggregate|aggregates|sum|clicks|sales|conversions|views|orders|"
        "bookings|volume|volumes",
        "ctr|rate|count|counts|total|totals|average|aggregate|aggregates|sum|clicks|sales|conversions|views|orders|"
        "bookings|volume ~~ over|across|for the whole|entire|full|complete day|week|month|session|period",
        "ctr|rate|count|counts|total|average|aggregate|sum|clicks|sales|conversions|views|orders|bookings|volume ~~ "
        "on|for|of the|this|that date|day|week|month|hour of the|this|that impression|prediction|request|event|order|"
        "visit|transaction|session|call|booking|search|query|application",
        "ctr|rate|count|counts|total|average|aggregate|sum|clicks|sales|conversions|views|orders|bookings|volume ~~ "
        "on|for the impression's|prediction's|request's|event's|order's|visit's|session's|search's date|day|week|hour",
        "ctr|rate|count|clicks|sales|conversions|views|orders|bookings today=",
        # a value that exists only once a later human step has chosen the case: being chosen is the outcome
        "once|after|when the|a recruiter|recruiters|reviewer|reviewers|agent|agents|underwriter|underwriters|"
        "moderator|moderators|clinician|clinicians|doctor|nurse|adjuster|adjusters|analyst|analysts|manager|"
        "interviewer|hiring_manager|caseworker|officer|team ~~ moves|moved|advances|advanced|invites|invited|"
        "shortlists|shortlisted|refers|referred|escalates|escalated|approves|approved|selects|selected|progresses|"
        "progressed|promotes|promoted|forwards|forwarded|picks|picked",
        "only ~ applicants|candidates|customers|users|cases|patients|claims|accounts|those|people|ones|leads|"
        "comments|posts ~ who|that|which ~ reach|reached|get|got|pass|passed|are|were|have_been|make_it|advance|"
        "advanced|move|moved|progress|progressed ~~ to|into|through|invited|selected|shortlisted|referred|escalated|"
        "advanced|assessed|interviewed|approved|stage|step|round|assessment|interview",
        "for|among applicants|candidates|customers|users|cases|patients|claims|leads|those|people|tickets|orders|"
        "applications|requests|comments|posts|accounts|loans ~ who|that ~ were|"
        "are|have_been|got|get|had_been invited|selected|shortlisted|referred|escalated|advanced|assessed|"
        "interviewed|approved|chosen|picked",
        # reactions to the very item being scored pile up after it is shown
        "report|reports|flag|flags|complaint|complaints|like|likes|reply|replies|upvote|upvotes|downvote|downvotes|"
        "reaction|reactions|share|shares|view|views|rating|ratings|vote|votes ~ on|of|for|against|about|to the|this "
        "comment|post|item|listing|message|review|video|article|ad|answer|question|story|thread|upload|ticket|case|"
        "request",
        "how_often|how_many_times|number_of_times readers|users|viewers|people|members|customers|others|visitors ~ "
        "flagged|reported|liked|complained_about|shared|viewed|rated|replied_to|upvoted|downvoted ~ the|this|it",
        # a total or record that is closed or final only once the work it describes is done
        "final|finalised|closes|closed|close|totals|settles|settled ~ once|when|after|at the",
        "end-of-year|year-end|end-of-term|end-of-semester|end-of-season|end-of-month|end_of_year|end_of_term ~ extract|"
        "file|snapshot|report|cohort|census|record|records|data|position|results",
        "as it|they stands|stand|stood ~~ when|at|once ~~ assembled|built|extracted|compiled|pulled|exported|created|"
        "run|produced",
        "ended_up|ends_up|end_up @[a-z]+ing\\b",
        "actual|actuals ~ spend|spent|cost|costs|price|prices|amount|amounts|duration|hours|time|times|totals",
        # the state after the event: 'post-departure passenger list', 'load factor as boarded', 'the flight-close
        # manifest', 'counted up to the extraction of the data set', 'as on file today', 'over its whole life'
        "@\\bpost-(?:departure|discharge|sale|close|closure|audit|event|delivery|flight|trip|visit|match|game|arrival|"
        "landing|settlement|resolution|outcome|decision|selection|inspection|incident|treatment|surgery|repair|launch|"
        "publication|purchase|payment|default|cancellation|review|investigation|completion)\\b",
        "as boarded|flown|sold|delivered|settled|shipped|departed|billed|invoiced|dispatched|served|attended",
        "flight-close|close-out|end-of-flight|day-of-departure|departure-day manifest|manifests|list|lists|count|"
        "counts|file|report|roster",
        "final manifest|manifests|passenger_list|roster|tally|bill|invoice|load|count|counts",
        "up to|until|till the extraction|extract|export|data_pull|snapshot_date|training_extract",
        "as on|in file|record|records today|now", "as recorded|held|filed today|now",
        "over|during|across|for its|their|the whole|entire life|lifetime|lifespan",
        # notices, claims and strikes raised against the very item being scored come after it is live
        "notice|notices|takedown|takedowns|strike|strikes|claim|claims|dispute|disputes|complaint|complaints ~~ "
        "reference|references|referencing|linked_to|against|naming|names|about|on|for the|this|that listing|item|"
        "post|product|listing_id|item_id|ad|offer|ticket|order|booking|case|claim|application|request|account",
        # measured weather (or other drivers) for the period being forecast: only a forecast exists ahead of it
        "station|weather-station|weather_station|met|synoptic|gauge observation|observations|readings|measurements",
        "observation|observations archive|archives|feed|feeds|record|records|data|table|network",
    ),
    exclude=(
        "share|shares|proportion|fraction|percentage of the|this|its|all",  # 'share of the listing photos' is a ratio
        "ends|ended|finishes|finished|closes|closed|stops|stopped at_least|# ~~ before|prior_to|ahead_of",
        "expected|planned|estimated|scheduled|predicted|projected|anticipated|target|forecast|forecasted|promised|"
        "quoted|provisional|intended|likely|booked [end|final] discharge|delivery|closure|resolution|completion|"
        "return|cancellation|exit|settlement|payment|arrival|date|time|status|outcome|stay|stage",
    ),
    history_sensitive=True,
    inner_negation=False,
)

OUTCOME_SYSTEM = Concept(
    "outcome_system", "a system that records what happened after the prediction",
    (
        "case_management|case-management|casework", "case system|tool|file|files|notes|outcome|outcomes",
        "chargeback*", "charge-back*", "collection|collections system|team|agency|agencies|log|logs|activity|"
        "contact|contacts|queue|status|stage|case|cases|calls|notes|flag",
        "debt recovery", "recovery team|unit|action|actions", "dunning",
        "repair|repairs log|logs|record|records|ticket|tickets|history|order|orders|system",
        "warranty claim|claims", "work order|orders", "field service", "maintenance log|logs|record|records",
        "claim|claims outcome|outcomes|settlement|settlements|payout|payouts|paid|decision|decisions|status|"
        "adjudication|investigation|result|results",
        "returns system|log|logs|table|record|records", "refund|refunds system|log|logs|table|record|records",
        "rma", "cancellation|cancellations log|request|requests|table|record|records|reason|date",
        "termination|terminations log|record|records|date|reason", "port-out|port_out|porting request|requests|record|"
        "records|file",
        "resolution|disposition|closure|close|closing|wrap-up|outcome code|codes|reason|reasons|status",
        "final status|decision|outcome|grade|diagnosis|result|disposition|state",
        "fraud investigation|investigations|team|confirmation|confirmations|verdict|outcome",
        "confirmed fraud", "dispute|disputes outcome|outcomes|resolution|log|logs|team", "complaint outcome|outcomes",
        "appeal outcome|outcomes|decision|decisions", "audit finding|findings|outcome|outcomes",
        "discharge code|codes|status", "readmission*", "billing code|codes",
        "write-off|write-offs|charge-off|charge-offs", "default register", "arrears register|status|flag",
        "after-call notes|work", "call outcome|outcomes", "survey response|responses",
        "delivery confirmation|confirmations", "proof of delivery", "sales outcome|outcomes", "won/lost", "win/loss",
        "opportunity stage|outcome", "exit interview|interviews", "attrition record|records|log",
        "post-mortem|postmortem", "incident report|reports|review|reviews",
        "clinical coding", "coding extract|team|department|record|records", "coded episode|episodes|record|records|"
        "diagnosis|diagnoses", "coders=", "hrg=",
        "siu case|cases|outcome|outcomes|file|files|finding|findings", "litigation status|flag|outcome",
        "subrogation", "payment hold|holds", "special handling|handling_indicator", "settlement amount|date|status",
        "macro-applied|macro_applied tags", "solve event|events|group|time", "solved by|in",
        # a system named after what it records once the outcome is known: 'the claims database', 'collections
        # platform', 'repairs app'
        "claim|claims|refund|refunds|repair|repairs|collection|collections|cancellation|cancellations|dispute|"
        "disputes|complaint|complaints|appeal|appeals|warranty|arrears|recovery|recoveries|returns= system|database|"
        "db|platform|ledger|register|module|service|app|application|tool|crm|erp|warehouse|mart|feed|export",
    ),
    # returns filed with a tax office are declarations made before any selection, not goods sent back
    exclude=("tax|vat|gst|income|filed|filing|annual|quarterly|monthly|corporate|declared ~ returns",),
    history_sensitive=True,
)

# Inputs for which a (pretrained) neural network is the simple first model: pixels, sound, video.
PERCEPTUAL_INPUTS = Concept(
    "perceptual_inputs", "images, sound or video as the model's input",
    ("image|images|photo|photos|photograph|photographs|pixel|pixels|video|videos|footage|audio|"
     "spectrogram|spectrograms|waveform|waveforms|x-ray|x-rays|radiograph|radiographs|mri|ultrasound|"
     "camera_trap|camera-trap|satellite_image|satellite_images|aerial_image|aerial_images|micrograph|micrographs",),
)

# The plan is about tax or other filings: there 'the returns database' holds declarations, not goods sent back.
FILINGS = Concept(
    "filings", "returns in the sense of tax or other filings",
    ("tax|vat|gst|income_tax|corporation_tax return|returns|filing|filings|declaration|declarations|audit|audits|"
     "assessment|assessments", "taxpayer|taxpayers|revenue_authority|tax_office|tax_administration"),
)

LABEL_DERIVED = Concept(
    "label_derived", "a value derived from the label",
    (
        "derived|computed|calculated|taken|copied|built|made|inferred from the|its label|target|outcome|labels|"
        "targets|outcomes",
        "encodes|reflects|contains|includes|leaks|mirrors|duplicates|proxies the|its label|target|outcome|answer",
        "same as|identical_to|equal_to|equivalent_to the|its label|target|outcome",
        "average|mean|rate ~ of the|its target|label|outcome ~ per|by|for|across",
    ),
)

TARGET_ENCODING = Concept(
    "target_encoding", "target encoding",
    ("target|label|mean|likelihood|impact|outcome encoding|encoded|encoder|encode",
     "target-encoded|target_encoded|mean-encoded|mean_encoded|target-encoding|likelihood-encoded"),
)

OUT_OF_FOLD = Concept(
    "out_of_fold", "fitted out of fold",
    ("out-of-fold|out_of_fold|oof=", "on|within|inside|from the|each training fold|folds|split|set|data|rows|period|"
     "window", "cross-fitted|cross-fitting|cross_fitted", "fitted|fit|computed|learned ~ on|from the|only training",
     "training rows|data|fold|folds|period|set only", "only on|from the training", "k-fold target", "leave-one-out "
     "encoding"),
)

MAIN_SIGNAL = Concept(
    "main_signal", "the main signal of the model",
    ("strongest|strong|main|most_important|most_predictive|key|primary|top|biggest|largest|dominant|best_single|"
     "leading|chief ~ feature|features|signal|signals|predictor|predictors|input|inputs|driver|drivers|contributor",
     "most of the lift|signal|performance|accuracy|gain", "carries the model", "does most of the work",
     "backbone of the model", "relies|rely|depends|depend|rests|rest ~ mainly|mostly|largely|heavily on"),
)

LOOP_MITIGATION = Concept(
    "loop_mitigation", "a correction for the feedback loop",
    ("control group|groups|arm|sample", "hold-out|holdout|held-out|held_back|withheld|kept_back group|share|sample|"
     "slice|cohort|percent|%", "randomly withheld|held|kept|left|chosen", "exploration|explore|epsilon-greedy|bandit",
     "propensity|propensities", "inverse propensity", "reject inference", "counterfactual", "unbiased sample|labels",
     "usual care", "business as usual", "random # % | share ~ not acted on|untouched|without intervention",
     "not acted on", "without intervention", "uplift model|modelling", "off-policy"),
)

SLICING = Concept(
    "slicing", "quality measured per slice",
    ("slice|slices|sliced|slicing", "segment|segments|segmented", "broken down|breakdown", "per|by|for each|across "
     "region|regions|site|sites|store|stores|language|languages|segment|segments|group|groups|class|classes|queue|"
     "queues|channel|channels|country|countries|product|products|category|categories|tier|tiers|band|bands|age|"
     "device|devices|customer_type|month|months|hospital|hospitals|ward|wards|turbine|turbines|model|models|type|types",
     "subgroup|subgroups", "cohort|cohorts", "stratified|stratum|strata"),
)

LABEL_WORDS = Concept(
    "label_words", "the label or the outcome itself",
    ("label", "target", "outcome", "ground truth", "answer key", "the thing we predict", "the predicted value"),
)

# People caught on camera: 'about 3% of triggers show people: herders, tourists', 'close-ups of visitors'.
_PEOPLE_ON_CAMERA = (
    "image|images|frame|frames|photo|photos|footage|video|videos|picture|pictures|trigger|triggers|clip|clips|"
    "recording|recordings|shot|shots ~~ show|showing|capture|captures|captured|include|including|contain|"
    "containing|of|with ~~ people|person|persons|humans|faces|herders|tourists|visitors|pedestrians|passers-by|"
    "passersby|drivers|workers|children|residents|shoppers|number_plates|licence_plates|license_plates",
    "close-up|close-ups|closeups|faces ~ of ~ people|herders|tourists|visitors|pedestrians|passers-by|workers|"
    "drivers|customers|residents|children",
)
PEOPLE_ON_CAMERA = Concept("people_on_camera", "people seen in images or video", _PEOPLE_ON_CAMERA)

PII = Concept(
    "pii", "personal data",
    (
        "personal data|information|details|identifier|identifiers", "pii=", "personally identifiable",
        *_PEOPLE_ON_CAMERA,
        "full|first|last|family|given|maiden name|names", "surname|surnames",
        "customer|client|applicant|patient|employee|user|member|candidate|passenger|student|borrower|policyholder "
        "name|names|address|addresses|email|e-mail|phone|dob|birthday|photo|photos",
        "e-mail|email address|addresses", "phone|telephone|mobile number|numbers", "postal|home|street|billing|"
        "delivery|residential address|addresses",
        "date of birth", "dob=", "birth date|dates", "birthdate*", "national id|ids|identity|insurance_number",
        "passport*", "ssn=", "social security", "tax id|number", "iban*", "bank account number|numbers|details",
        "card number|numbers", "credit card number|numbers|details", "ip address|addresses",
        "device id|ids|identifier|identifiers", "health|medical|clinical record|records|data|history|condition|"
        "conditions", "diagnosis|diagnoses", "biometric*", "fingerprint*", "face|facial image|images|recognition",
        "voice recording|recordings", "call recording|recordings", "gps=", "location history|data|trace|traces",
        "geolocation", "licence|license plate|plates", "religion|religious_belief", "ethnicity|ethnic_origin",
        "sexual orientation", "free_text|free-text ~ notes|comments|messages",
        # special-category answers people give about themselves (equal-opportunity monitoring)
        "race|racial|race/ethnicity ~ and|or|/|, ~ ethnicity|sex|gender", "veteran status", "disability status|disabilities",
        "self-identification|self-identified|self-id=", "eeo=", "equal opportunity|opportunities data|survey|"
        "monitoring|answers|form|forms", "diversity|demographic survey|surveys|monitoring|answers|questionnaire",
        "gender identity", "trade union membership",
        "interval|meter|smart_meter|consumption reads|readings|data|profiles ~ per|by|for|of ~ household|households|"
        "home|homes|premise|premises|meter|customer",
        "household|household-level|home|premise-level|smart_meter interval|consumption|meter reads|readings|data", "chat transcript|transcripts",
        "call transcript|transcripts", "gps points|pings|traces|tracks|coordinates|positions|fixes",
        "trip points|traces|trajectories", "latitude|longitude|lat/long|lat/lon|lat-long", "location data|trace|traces|"
        "pings|points", "per driver|person|user|customer|patient ~~ trip|trips|location|locations|trace|traces|position",
    ),
    exclude=("file|feature|column|model|field|table|product|queue|rule|metric|service|host|server|team|signal "
             "name|names",),
)

PRIVACY_CONTROLS = Concept(
    "privacy_controls", "access and privacy controls",
    (
        "access|read|write ~ limit|limited|restrict|restricted|role|roles|role-based|rbac|granted|approval|approved|"
        "control|controls|list|lists|group|groups|only",
        "pseudonymi*", "pseudonymous", "pseudonym key|keys|id|ids|identifier", "anonymi*", "anonymous id|ids|key", "de-identif*", "deidentif*", "mask*", "redact*", "hash|hashed|hashing|tokenis*|"
        "tokeniz*", "encrypt*", "retention|retain|retained|kept|deleted|delete|deletion|purged|purge ~ after|for|within #",
        "gdpr=", "dpia=", "data protection", "privacy impact|review|assessment|notice|officer", "dpo=", "consent",
        "least privilege", "need-to-know", "audit log|logs|trail", "vpc=",
        "secure|trusted|restricted|isolated ~ enclave|environment|workspace|zone|area|server|research_environment",
        "removed|stripped|dropped ~ names|emails|e-mails|addresses|phone|identifiers|pii",
    ),
)

_WHO_SELECTS = ("we|they|the_team|staff|agents|analysts|inspectors|reviewers|investigators|the_model|it|"
                "underwriters|nurses|doctors|advisers|advisors|officers|auditors|moderators")
_SELECTING = ("investigate|approve|accept|refer|review|inspect|contact|call|audit|check|flag|select|pick|choose|"
              "treat|visit|open|fund|admit|hire|show|serve|escalate|test|examine|follow_up")

SELECTIVE_LABELS = Concept(
    "selective_labels", "outcomes seen only for the cases the model (or the current process) lets through",
    (
        "only|just ~~ approved|accepted|funded|granted|booked|admitted|hired|shown|displayed|clicked|served|treated|"
        "contacted|called|selected|recommended|flagged|investigated|inspected|audited|reviewed ~~ cases|loans|"
        "applicants|applications|customers|items|products|candidates|patients|claims|transactions|users|ones ~~ "
        "have|get|receive|yield|produce|show|generate|give ~~ outcome|outcomes|label|labels|feedback|result|results",
        # 'outcomes are only known for the claims we investigate', 'we only learn the result for those we call'
        f"outcome|outcomes|label|labels|result|results|truth|ground_truth ~~ only|exclusively|just ~~ for|on|from ~~ "
        f"{_WHO_SELECTS} ~ {_SELECTING}",
        f"only|just ~ learn|see|know|get|observe|have|find_out ~ the|an|a|their ~ outcome|outcomes|result|results|"
        f"label|labels|truth ~~ for|of|on ~~ {_WHO_SELECTS} ~ {_SELECTING}",
        "outcome|outcomes|label|labels|feedback ~~ only|exclusively ~~ for|from|on ~~ approved|accepted|funded|booked|"
        "admitted|hired|shown|displayed|clicked|served|treated|contacted|called|selected|recommended|flagged|"
        "investigated|inspected|audited|reviewed|accepted",
        "never observe|see|know|learn ~~ outcome|outcomes|label|labels|what_would_have_happened",
        "would_have|might_have|could_have done|defaulted|repaid|bought|clicked|churned|happened|behaved|performed|"
        "paid|purchased|converted|responded",
        "declined|rejected|refused|unshown|not_shown|not_selected|filtered|blocked|uncontacted ~~ no|never|"
        "without|lack|don't_have|do_not_have|have_no ~~ outcome|outcomes|label|labels",
        # 'covers every unit we acquired': the labelled cases are the ones today's decision took
        "every|each|all ~ unit|units|car|cars|vehicle|vehicles|item|items|case|cases|applicant|applicants|customer|"
        "customers|order|orders|deal|deals|loan|loans|property|properties|one|ones ~ we|that_we|the_business ~ "
        "acquired|acquire|bought|buy|purchased|accepted|approved|funded|hired|admitted|took_on|won|underwrote|insured",
        "every|each|all acquired|bought|purchased|accepted|approved|funded|hired|admitted|insured|underwritten unit|"
        "units|car|cars|vehicle|vehicles|item|items|case|cases|applicant|applicants|customer|customers|loan|loans|"
        "policy|policies",
        "selective labels|labelling|labeling", "selection bias", "reject inference", "censored outcome|outcomes|label|labels",
        "survivorship bias", "counterfactual outcome|outcomes",
        "model's|its [own] decisions|choices|recommendations|rankings|actions ~~ shape|determine|decide|influence|affect|"
        "drive|change ~~ data|labels|outcomes|training",
        "trained|train|learns|learn ~ on|from its own|the_model's ~ recommendations|rankings|decisions|predictions|"
        "output|outputs|choices",
        "feedback loop|loops", "self-fulfilling", "self-reinforcing",
        "model|models|it ~~ sends|send|routes|route|assigns|assign|chooses|choose|picks|pick|shows|show|recommends|"
        "recommend|approves|approve ~~ only|only_ever ~~ labelled|labeled|get|gets|receive|receives|have|has",
        "only ever labelled|labeled|observed|seen",
        "never|not|un ~~ referred|investigated|reviewed|audited|inspected|contacted|treated|approved|shown|"
        "unreferred|uninvestigated|unreviewed|unaudited ~~ taken|treated|counted|assumed|labelled|labeled|count|"
        "considered|marked ~ as non-fraud|clean|negative|negatives|0|fine|good|legitimate|genuine|valid|no_fraud",
        "unreferred|uninvestigated|unreviewed|unaudited|unflagged|unselected|uncontacted ~~ taken|treated|counted|"
        "assumed|labelled|labeled|count|considered ~ as non-fraud|clean|negative|0|fine|good|legitimate|genuine",
        "outcomes|labels|results ~ come|comes ~ from ~~ investigation|investigations|review|reviews|audit|audits ~~ "
        "referred|flagged|selected|chosen|investigated|reviewed",
        "only referred|flagged|selected|investigated|reviewed|inspected|audited|treated|contacted ~~ get|have|receive|"
        "yield|produce|come_with ~~ label|labels|outcome|outcomes|result|results",
    ),
    inner_negation=False,
)

_SCORING = ("score|scores|scored|scoring|predict|predicts|predicted|predictions|prediction|inference|recommendations|"
            "forecast|forecasts|list|lists|ranking|rankings|batch")
SERVING_BATCH = Concept(
    "serving_batch", "predictions made in a scheduled batch",
    (
        "batch scoring|job|jobs|run|runs|mode|process|prediction|predictions|inference|score|scores|scored|"
        "processing|list|lists",
        "in batch|batches", "batch-scored", "batch-scores",
        f"nightly|overnight|weekly|daily|monthly|hourly ~ {_SCORING}",
        f"{_SCORING} ~~ nightly|overnight|every_night|every_morning|each_night|each_morning|every_monday|each_monday|"
        "once_a_day|once_a_week|every_week|every_day|on_a_schedule",
        "precomputed|pre-computed|precompute|pre-compute", "scheduled scoring|job|jobs|run|runs|batch",
        # 'one run a day', 'once a day at 09:30', '09:30 the pipeline pulls …': a clock, not a request, starts it
        "one|a|single|daily run|runs|job|batch|refresh ~ a|per|each day|night|week|hour|morning|evening",
        "once|twice a|per|each day|night|week|morning|evening",
        "@\\b\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?\\s+)?(?:[A-Z]{3,4}\\s+)?(?:every\\s+day\\s+|each\\s+day\\s+|daily\\s+)?"
        "(?:the\\s+)?(?:pipeline|job|batch|run|scheduler|dag|workflow)\\b",
        "offline scoring|inference|predictions",
        "cron=", "airflow= ~ score|scores|scoring|predict|predictions",
        "job|jobs|run|runs|pipeline ~~ score|scores|scored|scoring|predicts|writes|reads|ranks|produces|builds",
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|sundays|weekend|each_week|every_week|"
        "once_a_week ~~ score|scores|scored|job|run|list|lists|ranked|ranking|forecast|forecasts",
        "write|writes|written|push|pushes|export|exports|load|loads ~~ list|lists|scores|predictions|forecasts|ranking ~~ "
        "to|into ~ a|the|an table|file|crm|sap|warehouse|sheet|report|bucket|worklist|interface",
        "ranked list|lists", "weekly list|lists|run|job|batch",
    ),
)

SERVING_ONLINE = Concept(
    "serving_online", "predictions made on request, while the product waits",
    (
        "real-time|realtime", "real time", "on request|demand", "on-demand", "per request|call|transaction|click|"
        "page_view|page_load|query", "on|for|at every|each page_view|page_load|request|click|search|visit|checkout|"
        "login|call|scan|swipe|keystroke", "synchronous|synchronously", "request/response", "rest|grpc|http api|endpoint|"
        "call|service",
        "api call|calls|request|requests", "at checkout|login|sign-up|signup|the_counter|the_point_of_sale|"
        "the_till|booking|application_time|request_time", "while the customer|user|agent|caller|applicant|patient|"
        "clerk|driver waits|is_waiting|is_on_the_line|is_on_the_phone|is_in_the_app",
        "in the session", "during the call|session|checkout|visit|conversation|chat", "inline scoring|inference|"
        "prediction|predictions|decision|decisions",
        "within # ms|milliseconds", "p95|p99|p50 latency", "low-latency|low_latency",
        "streaming|stream|kafka|kinesis|event-driven|on_each_event|as_events_arrive",
        "webhook|webhooks", "score|scores|scored|predict|predicts|route|routes|classify|classifies ~ each|every new|"
        "incoming ~ ticket|request|order|transaction|application|claim|event|message|session|visit|call|payment|"
        "booking|login",
        "as|when each|every|a ~ ticket|request|order|transaction|application|claim|event|message|payment|booking ~ "
        "arrives|comes_in|is_created|is_submitted|is_placed|lands",
    ),
)

# People a prediction can keep waiting, or who act on it while it is made.
_ROLES = (
    "customer|user|agent|caller|applicant|patient|clerk|driver|shopper|buyer|passenger|guest|accountant|cashier|"
    "nurse|doctor|clinician|teller|operator|dispatcher|analyst|reviewer|moderator|rider|student|visitor|member|"
    "employee|advisor|adviser|rep|representative|traveller|traveler|player|viewer|reader|seller|merchant|"
    "courier|technician|officer|underwriter|banker|pharmacist|receptionist|booker|caseworker|handler|person|"
    "citizen|claimant|borrower|consumer|subscriber|client|learner|candidate|recruiter|worker|staff"
)

PERSON_WAITING = Concept(
    "person_waiting", "a person waiting on the prediction",
    (
        f"while|as the|a|an|their|our {_ROLES} waits|is_waiting|is_on_the_line|is_on_the_phone|is_at_the_counter|"
        "is_in_the_app|is_in_the_queue|is_still_on|is_still_in",
        f"while|as the|a|an|their|our {_ROLES} ~ books|types|fills_in|enters|browses|checks_out|shops|searches|"
        "scrolls|talks|speaks|is_booking|is_typing|is_entering|is_filling_in|is_browsing|is_checking_out|"
        "is_searching|is_talking|is_speaking|is_logging_in|is_signing_up|is_ordering|orders|applies|is_applying",
        f"before the|a|an|their {_ROLES} moves_on|continues|submits|posts|confirms|leaves|hangs_up|clicks|pays|"
        "finishes|presses|commits|saves|books",
        f"{_ROLES} ~ see|sees|get|gets|receive|receives ~ the|a|an|their ~ suggestion|score|answer|result|decision|"
        "recommendation|quote|price|offer|prediction|eta|estimate|route|ranking|match|code|category|flag|risk ~ "
        "immediately|instantly|straight_away|right_away|in_real_time|"
        "within_a_second|within_seconds|in_under|in_less_than",
        f"{_ROLES} ~ waiting|waits|on_the_line|on_hold|at_the_counter|at_the_till",
        "at checkout|the_checkout|the_counter|the_point_of_sale|the_till|the_gate|the_desk|login|sign-up|signup",
        "during the call|checkout|conversation|chat|session|visit|consultation|booking|application",
        "instant decision|decisions|approval|approvals|answer|quote|quotes|feedback",
        "in the app|browser|page|flow|funnel", "on screen", "page load|view", "as they type",
        "blocks|blocking the checkout|payment|transaction|request|page|flow|user",
    ),
)

ROLLBACK = Concept(
    "rollback", "a way back to the previous model",
    (
        "roll_back|rollback|rollbacks|roll-back|rolled_back|rolling_back|rolls_back", "revert|reverted|reverting",
        "going|go|goes|get|getting|way|path|route back", "return|returns|returning to the ~ previous|prior|last|old", "switch|switched|"
        "flip|flipped|move|moved|point|pointed|route|routed|swap|swapped ~ back",
        "previous|prior|last|old|earlier|former|known-good|last_good|stable model|version|versions|release|image|"
        "container|artifact|artefact|deployment|build|scorecard|rules|rule|alias|tag",
        "fall_back|fallback|falls_back|fell_back|falling_back ~ to", "restore|restored|restoring", "undo",
        "blue/green|blue-green|blue_green", "kill switch|switches", "feature flag|flags|toggle|toggles",
        "turn|switch|flip|flag ~ off|the_model_off", "disable|disabled ~ the model", "redeploy|redeployed|re-deploy ~ the "
        "previous|prior|last|old|earlier",
        "alias|aliases|champion|tag ~ back", "one click|command|button", "traffic ~ back",
        "way|route|path back", "go|goes|going|get|gets ~ back to the|a ~ previous|prior|last|old|earlier|former|rule|"
        "rules|scorecard|heuristic|model|version",
    ),
)

REHEARSAL = Concept(
    "rehearsal", "a rehearsed rollback",
    (
        "rehearse|rehearsed|rehearsal|rehearsals", "drill|drills|drilled", "practise|practised|practiced",
        "dry run|runs", "dry-run*", "game day|days", "fire drill", "tested|test|exercised|tried ~ the|a|our rollback|"
        "roll-back|roll_back|switch|switch-back|revert|failover|fallback|runbook",
        "rollback|roll-back|revert|failover|runbook ~ tested|test|exercised|rehearsed|drilled|practised|practiced|tried",
        "chaos test|tests|testing|experiment|experiments", "tried|tested|exercised|rehearsed|practised|practiced|"
        "drilled",
    ),
)

ON_CALL = Concept(
    "on_call", "an on-call rota",
    (
        "on-call|on_call|oncall", "rota|rotas|roster|rosters", "pager|pagerduty|opsgenie|victorops", "24/7",
        "duty engineer|manager|officer|analyst", "standby", "out-of-hours|out_of_hours", "follow-the-sun",
        "escalation policy|path|chain",
    ),
)

MANUAL_INSPECTION = Concept(
    "manual_inspection", "people looking at live predictions",
    (
        "review|reviews|reviewed|reviewing|inspect|inspects|inspected|inspection|read|reads|look_at|looks_at|"
        "examine|examines|audit|audits|audited|spot-check|spot-checks|eyeball|check|checks|label|labels|"
        "sample|samples|go_through|goes_through ~~ predictions|scores|decisions|cases|outputs|results|tickets|"
        "recommendations|declines|alerts|flags|lists|rankings|examples|answers|routes",
    ),
)

NOBODY_REVIEWS = Concept(
    "nobody_reviews", "nobody looking at the predictions",
    ("nobody|no_one|no-one|none_of_us ~ reviews|review|looks|look|checks|check|inspects|reads|audits|watches|sees",),
    inner_negation=False,
)

UNMEASURED = Concept(
    "unmeasured", "an estimate nobody has measured",
    (
        "not|never|n't [yet|been|really] ~ measured|tested|estimated|checked|known|quantified|analysed|analyzed|evaluated|"
        "assessed|backtested|studied",
        "unmeasured", "a guess", "guesstimate", "gut feeling", "assume|assumed|assuming|assumption|presume|presumably|"
        "probably|should_be|hope|hopefully",
        "no data|evidence|backtest|analysis|study", "nobody knows|measured|checked",
        "not|never|n't [yet|been|really] ~ looked|looked_at|investigated|verified|validated|confirmed|examined",
        # an expectation in place of a measurement: 'language changes slowly, we do not expect a problem'
        "not|n't expect|anticipate|foresee ~ a|any|much ~ problem|problems|issue|issues|decay|degradation|drift|"
        "change|changes|drop|loss",
        "change|changes|changed|move|moves|evolve|evolves|shift|shifts|drift|drifts slowly|little|rarely|gradually",
        "should|ought_to|expect_it_to|hope_it_will ~ hold|hold_up|last|stay|remain|keep|be_fine|be_ok|be_okay|"
        "be_good|work|cope",
    ),
    inner_negation=False,
)

BLENDED_OBJECTIVE = Concept(
    "blended_objective", "a hand-weighted blend of several metrics",
    (
        "weighted sum|blend|combination|average|mix|mixture|score", "blend of", "combination of", "mix of",
        "@\\d(?:\\.\\d+)?\\s*[*\u00d7x]\\s*[a-z]\\w*", "plus|minus # x|times|\u00d7", "composite score|objective|metric", "multi-objective",
        "gain|value|profit|revenue|saving|savings|availability ~~ minus|less|net_of ~~ cost|costs|penalty|penalties",
    ),
    exclude=("cross-entropy on the combined",),
)

TRAINING_DATA_EVAL = Concept(
    "training_data_eval", "the training data itself",
    ("train|training set|data|split|sample|fold|folds", "in-sample", "in sample", "on the data it was trained on",
     "resubstitution", "seen data"),
)

HELD_OUT = Concept(
    "held_out", "held-out data",
    ("test", "holdout|hold-out|held-out", "validation", "out-of-time", "out of time", "out-of-sample",
     "unseen", "later|latest|last|future month|months|weeks|period|quarter"),
)

# A rule people follow or break (community rules, a policy breach) is not a rule that labels: "removed by a
# moderator for breaking the house rules" is a person's decision.
_NORM_RULES = (
    "rule|rules|policy|policies|guideline|guidelines|code_of_conduct|terms ~ breach|breaches|breached|violation|"
    "violations|violated|infringement|infringements|break|breaks|broken|breaking|abuse",
    "breach|breaches|breached|breaching|violate|violates|violated|violating|break|breaks|broke|breaking|broken|"
    "infringe|infringes|infringed|against|under|of|contravene|contravenes|contravened ~ the|our|a|an|one|any|"
    "community|house|site|platform|content|posting|moderation|editorial ~ rule|rules|policy|policies|guideline|"
    "guidelines",
    "community|house|site|platform|content|posting|moderation|editorial|comment|comments rule|rules|policy|policies|"
    "guideline|guidelines|standards",
)

HEURISTIC_LABEL = Concept(
    "heuristic_label", "labels made by a rule or another model",
    (
        "label|labels|labelled|labeled|labelling|labeling|target|targets|ground_truth ~~ by|from|come_from|"
        "comes_from|produced_by|given_by|generated_by|assigned_by|set_by|taken_from|is|are|=|equals|whether ~~ "
        "rule|rules|heuristic|heuristics|keyword|keywords|regex|scorecard|existing_model|current_model|old_model|"
        "legacy_model|vendor_model|previous_model|engine|rules_engine|system's_flag|filter|classifier|threshold_rule",
        "rule|rules|heuristic|heuristics|keyword|scorecard|rules_engine|existing_model|current_model|legacy_model|"
        "vendor_model ~~ output|outputs|decision|decisions|flag|flags|flagged|score|scores|verdict ~~ as|is|are|used_as|"
        "serve_as|serves_as|become|becomes ~ the label|labels|target|ground_truth|training_label",
        "weak supervision|label|labels|labelling", "weakly supervised|labelled|labeled", "pseudo-label*",
        "pseudo label*", "silver label|labels|standard", "distant supervision", "rule-based label|labels|labelling",
        # some labels are filled in by a lookup rather than observed: 'we look up the agreement's lowest rate for the
        # occupation in the tariff table and use that', 'the job writes the tariff floor into pay_min'
        "look|looks|looked up ~~ in|from the|a|our ~~ table|tables|schedule|list|register|lookup ~~ and use|uses|"
        "used|take|takes|taken",
        "in|from the|a|our ~~ table|tables|schedule|register|lookup and use|uses|used|take|takes that|it|this|them",
        "fill|fills|filled|fill_in|fills_in|filled_in|impute|imputes|imputed|default|defaults|defaulted ~~ from|with|"
        "using|to the|a|our ~~ table|tariff|lookup|schedule|rate_card|floor|minimum|maximum|rule",
        "write|writes|wrote|written|put|puts|set|sets the ~~ floor|minimum|maximum|default|tariff|table_value|rate ~~ "
        "into|in|as",
        "heuristic label|labels|labelling", "programmatic label|labels|labelling", "snorkel", "labelling functions",
        "labels|label ~ approximated|approximate|proxied|inferred ~ by|from|with|using ~~ rule|rules|heuristic|"
        "heuristics|keyword|keywords|scorecard|model",
        "positive|positives|negative|negatives|fraud|class_1|label_1|label_0 ~~ plus|and|or|also|includes|including ~~ "
        "rule|rules|engine|trigger|triggers|flag|flags|red-flag|red_flag|scorecard|score|scored",
        "rule|rules|engine|trigger|triggers|flag|flags|red-flag|scorecard|system ~~ scored|flagged|fired|auto-closed|"
        "closed|marked|assigned|routed|decided ~~ treated|counted|labelled|labeled|marked|taken|considered|used ~ as "
        "positive|positives|negative|fraud|1|0|the_label|correct|right",
        "treated|counted|labelled|labeled|marked|taken|considered ~ as positive|positives|negative|fraud|1|0|correct ~~ "
        "flag|flags|red-flag|rule|rules|engine|trigger|triggers|score|scored|scorecard",
        "keep|keeps|kept|take|takes|use|uses|inherit|inherits ~ the rule's|trigger's|triggers'|engine's|model's|"
        "scorecard's|system's|router's|classifier's queue|label|class|decision|flag|output|score|group|category",
        "the rule's|trigger's|triggers'|engine's|scorecard's|router's queue|label|class|decision|group|category ~~ "
        "unless|if_nobody|if_no_one|when_nobody|that_nobody|never_moved|not_moved|unchanged",
        "auto-assigned|auto-routed|auto-labelled|auto-labeled|machine-labelled|machine-labeled|auto-closed ~~ label|"
        "labels|queue|group|class|positive|negative",
        # outcomes that were never observed, filled in by an estimate or a rule: the model learns the filler
        "missing|absent|unreported|gaps|gap|holes ~~ filled|filled_in|imputed|substituted|replaced|patched|"
        "backfilled|completed ~~ with|by|using|from ~~ estimate|estimates|estimated|interpolation|interpolated|"
        "imputation|rule|profile|average|averages|similar-day|substitution|substitutions|model",
        "substituted|estimated|imputed|interpolated|synthetic|modelled|modeled read|reads|reading|readings|value|values|"
        "label|labels|outcome|outcomes|actuals|data ~~ is|are|were|was used|counted|included|kept|taken",
        "similar-day|like-day estimate|estimates|interpolation|substitution|substitutions|read|reads",
        # cases a rule settled on its own counted as outcomes: 'listings the rule engine took down without a
        # moderator are taken as positives'; 'reason codes of its automatic takedowns are mapped to fake'
        "removed|removes|blocked|rejected|took_down|taken_down|closed|declined|flagged|decided by_itself|"
        "automatically|on_its_own|by_the_rule|by_the_engine ~~ taken|counted|mapped|treated|included|labelled|"
        "labeled ~ as|to",
        "automatic|automated|rule-based|rule|auto takedowns|takedown|removals|removal|rejections|decisions|flags|"
        "blocks|closures ~~ mapped|counted|treated|taken|labelled|labeled|included ~ as|to|in",
        "without a|any|the moderator|human|reviewer|person|analyst|agent ~~ looking|checking|seeing|reviewing|ever",
        # an outcome that never came, valued at a guide or book price so that the row is kept
        "valued|filled|imputed|plugged|priced|set|get|gets ~~ at|from|with|using|in|the ~ book|guide|the_guide|"
        "list_price|rule|formula|lookup ~~ value|values|number|price|prices|wholesale|ws|as_of",
        "plug|plugs|plugged|plugging in ~~ guide|book|estimate|rule|default|formula",
    ),
    exclude=_NORM_RULES,
)

F1_PEAK = Concept(
    "f1_peak", "a threshold chosen where F1 peaks",
    (
        "f1|f1-score|f-score|f-measure|f1_score ~ peak|peaks|maximised|maximized|maximises|maximizes|maximum|max|"
        "highest|best|optimal|optimum|optimised|optimized|is_highest",
        "maximise|maximize|maximising|maximizing|optimise|optimize|best|max|maximum|highest|peak ~ f1|f1-score|"
        "f-score|f-measure|f1_score",
        "f1-optimal|f1_optimal|max-f1|max_f1|best-f1|best_f1 threshold|cut-off|cutoff", "threshold ~ maximises|maximizes|maximising|maximizing|that_maximises "
        "~ f1|f1-score|f-score",
    ),
)

DEFAULT_THRESHOLD = Concept(
    "default_threshold", "the default 0.5 cut-off",
    ("0.5 ~ probability|score|confidence|class ~ threshold|cut-off|cutoff|cut_off",
     "usual|default|standard|conventional|customary|normal ~ 0.5|threshold|cut-off|cutoff",
     "argmax|arg_max", "whichever|the queue|class|label|option ~~ scores|score|scored highest",
     "highest-scoring|top-scoring|most likely class|queue|label|category",
     "0.5 threshold|cut-off|cutoff|cut_off", "threshold|cut-off|cutoff|cut_off|probability ~ of|at|above|over|> 0.5",
     "default threshold|cut-off|cutoff|cut_off", "@p\\s*>=?\\s*0?\\.5(?!\\d)",
     "@(?:threshold|cut-?off)\\s*(?:of|at|=|:)?\\s*(?:0?\\.5|50\\s*%)(?!\\d)"),
)

COST_BASED_THRESHOLD = Concept(
    "cost_based_threshold", "a threshold derived from the decision costs",
    ("cost ratio", "ratio of costs|the_costs", "cost-sensitive|cost_sensitive", "cost asymmetry", "cost|costs ~ of|per false_positive|false_negative|fp|fn|error|errors",
     "minimis*|minimiz* ~ expected|total|the cost|costs|loss", "expected cost|value|loss|profit",
     "break-even", "breakeven", "@fp\\s*/\\s*\\(?\\s*fp\\s*\\+\\s*fn", "@c_?fp\\s*/", "utility"),
)

PERSON = Concept(
    "person", "a decision about a person",
    (
        "applicant|applicants|customer|customers|client|clients|borrower|borrowers|patient|patients|employee|"
        "employees|candidate|candidates|student|students|tenant|tenants|claimant|claimants|driver|drivers|member|"
        "members|citizen|citizens|person|people|individual|individuals|user|users|subscriber|subscribers|"
        "policyholder|policyholders|passenger|passengers|worker|workers|job_seeker|job_seekers|resident|residents|"
        "household|households|child|children|family|families|beneficiary|beneficiaries|learner|learners|shopper|"
        "shoppers|buyer|buyers|reader|readers|viewer|viewers|listener|listeners|player|players|traveller|travellers|"
        "merchandiser|merchandisers|agent|agents|analyst|analysts|planner|planners|staff|colleague|colleagues|"
        "jobseeker|jobseekers|offender|offenders|defendant|defendants|visitor|visitors|guest|guests|caller|callers",
    ),
)

PERFORMATIVE = Concept(
    "performative", "a prediction shown to the people whose actions decide the outcome",
    (
        "restaurant|restaurants|courier|couriers|driver|drivers|rider|riders|staff|agent|agents|partner|partners|"
        "crew|crews|nurse|nurses|planner|planners|seller|sellers|store|stores|technician|technicians|team|teams ~~ "
        "see|sees|saw|shown|get|gets|receive|receives|use|uses|told ~~ eta|score|scores|prediction|predictions|"
        "forecast|forecasts|quoted|quote|estimate|estimates|time|risk|list|target",
        "as a|the target|goal|deadline|promise|commitment|quota", "promised by|promise-by", "pace|paces|pacing to",
        "work|works|plan|plans|staff|staffs to the|our forecast|prediction|eta|quote|estimate",
        "job card|cards", "on the tablet", "acted on|act_on|acts_on ~ the score|prediction|list|forecast",
        # an intervention meant to prevent the very outcome that is predicted: the treated cases' outcomes change
        "adviser|advisers|advisor|advisors|nurse|nurses|coach|coaches|caseworker|caseworkers|counsellor|counsellors|"
        "mentor|mentors|care_team|retention_team|outreach_team|success_team ~~ telephone|telephones|phone|phones|call|"
        "calls|contact|contacts|reach_out|reaches_out|visit|visits|email|emails|message|messages|follow_up|follows_up "
        "~~ student|students|patient|patients|customer|customers|member|members|client|clients|tenant|tenants|each|"
        "every|listed|flagged",
        "outreach|intervention|interventions|retention_offer|retention_offers|save_offer|save_offers|win-back ~~ to|for "
        "~~ listed|flagged|high-risk|at-risk|at_risk|scored|identified|predicted",
        "so_that|the_whole_point_is_that|aim_is_that|so_they|so_it ~~ make|makes|catch|catches|reach|reaches|stay|"
        "stays|avoid|avoids|recover|recovers|succeed|succeeds|pass|passes|survive|survives|continue|continues|return|"
        "returns|do_not|does_not|don't|doesn't|never|no_longer ~~ flight|flights|connection|connections|course|"
        "study|studies|default|churn|fail|failure|miss|misconnect|leave|drop_out|lapse",
        "divert|diverts|diverted|reroute|reroutes|rerouted|re-route|re-routed|expedite|expedites|expedited|"
        "fast-track|fast-tracks|fast-tracked|go|goes|sent|send|sends ~~ to|into|onto|through ~~ express|priority|fast|"
        "rescue|special|manual|"
        "dedicated|direct ~ chute|lane|route|track|queue|handling|team|path|service|way",
        "prevent|prevents|prevented|avert|averts|averted|stop|stops ~ the|a|them|it ~~ dropout|drop-out|drop_out|"
        "churn|churning|default|defaulting|miss|misconnect|misconnecting|failure|failing|readmission|attrition|"
        "withdrawal|lapse|lapsing|cancellation",
    ),
)

OUTPUTS_BECOME_LABELS = Concept(
    "outputs_become_labels", "the model's own outputs (or their corrections) becoming training labels",
    (
        "correction|override|edit|acceptance|choice|reaction|response ~~ of|to ~ our|the|its ~ routing|suggestion|"
        "prediction|recommendation|ranking|score|decision|output|model's_output|forecast ~~ become|becomes|"
        "are_used_as|is_used_as|serve_as|serves_as|feed|feeds|go_into|goes_into|end_up_as|end_up_in|are_added_to ~~ "
        "label|labels|training|training_data|training_set|the_next_model",
        "prediction|predictions|suggestion|suggestions|recommendation|recommendations|routing|routings|score|scores|"
        "output|outputs|decision|decisions ~~ become|becomes|are_used_as|is_used_as|feed_back_into|fed_back_into|"
        "end_up_in|end_up_as|are_logged_as|are_stored_as ~~ label|labels|training_data|training_set|ground_truth",
        "accepted|unchanged|uncorrected suggestion|suggestions|prediction|predictions|routing|routings ~~ count|"
        "counted|are_counted|treated|are_treated|kept|taken|stored ~ as ~ correct|labels|positive|right|ground_truth",
    ),
)


PREPROCESS_ALL = Concept(
    "preprocess_all", "preprocessing fitted on all the data before the split",
    (
        "target_encoding|target-encoding|encoding|encodings|encoded|mean-encoded|scaled|scaling|normalised|normalized|"
        "normalisation|standardised|standardized|imputed|imputation|imputations|smote|oversampled|oversampling|"
        "undersampled|undersampling|resampled|resampling|feature_selection|selected_features|pca|vocabulary|tf-idf|"
        "tfidf|binning|bins|bin_edges|medians|means|fitted|computed|calculated|derived|learned|idf|weights ~~ over|on|"
        "across|using|from|with ~ full|whole|entire|complete|all|pooled|combined ~ data|dataset|data_set|table|history|"
        "set|rows|period|sample|years|discharges|claims|records|orders|tickets|lines|entries|examples|samples|"
        "observations|events|transactions|invoices|patients|customers|users|images|documents|visits|cases|items|"
        "accounts|months|weeks|days|readings|sessions",
        "encoding|encoded|scaled|scaling|normalised|normalized|imputed|imputation|smote|oversampled|oversampling|"
        "resampled|resampling|feature_selection|fitted|fit|computed|learned|learnt|estimated ~~ before|prior_to ~ "
        "we|the|splitting ~ split|splitting|cut",
        "first ~ then ~ split|cut|partitioned|divided", "and then split|cut|partitioned",
        "on all|the_full|the_whole data|rows|lines|records|examples|samples|observations|transactions|events ~~ "
        "before|then|prior_to ~ split|splitting|train",
    ),
    inner_negation=False,
)

TEST_TUNING = Concept(
    "test_tuning", "the test set used to choose the model",
    (
        "tune|tuned|tuning|adjust|adjusted|pick|picked|chose|choose|chosen|select|selected|kept|keep|optimise|"
        "optimised|optimize|optimized|iterate|iterated|refine|refined|calibrate|calibrated|set ~~ by|on|against|using|"
        "with|to|from ~~ test|held-out|holdout|hold-out set|year|period|data|month|week|weeks|months|score|recall|"
        "accuracy|auc|results|performance",
        "test|held-out|holdout|hold-out [set|year|period|data|month|weeks|months] ~~ again|re-run|rerun|repeatedly|"
        "each_round|several_rounds|many_times|until|re-scored|rescored|re-evaluated|reevaluated|re-checked|"
        "rechecked|after_every_change|after_each_change|every_iteration|each_iteration|every_time|each_time",
        "ran|run|re-ran|rerun|re-run|scored|evaluated ~~ test|2019|2020|2021|2022|2023|2024|2025|2026 ~~ again",
        "until ~~ stopped|stops improving|improve|getting_better", "best test|holdout recall|accuracy|score|auc|result",
        "gave|gives the best ~~ test|2019|2020|2021|2022|2023|2024|2025|2026",
        # 'report the best configuration's AUC on the test week': the maximum over many tries is the reported score
        # ('held-out' alone often names the validation data, so only the test set counts here)
        "best|highest|lowest|top test|test-set [week|month|period|year|day|set|fold|weeks|"
        "months] ~ auc|score|scores|accuracy|recall|precision|f1|loss|log_loss|error|mape|rmse|result|results",
        "best|winning|top one's|configuration's|config's|model's|run's|variant's|candidate's ~ auc|score|accuracy|"
        "recall|precision|f1|loss|log_loss|error|mape|rmse|result ~~ on|in|from the test|test-set|test_set|"
        "test_week|test_period|test_month",
        "on|by ~ their|its recall|accuracy|auc|score|f1 on ~~ the_test|test",
        # 'adjusted the features until the test months looked good'
        "until|till ~~ test|held-out|holdout|hold-out ~~ looked|looks|look|was|were|came_out|seemed|seems good|right|"
        "fine|best|better|ok|okay|acceptable|reasonable|great|happy|satisfying",
        # many rounds on one period, then that period's score reported: '14 rounds until MAE flattened'
        "# rounds|iterations|passes|cycles ~~ until|till", "re-scored|rescored|re-ran|re-evaluated|re-tested ~~ each|"
        "every|per round|iteration|pass|time",
        "lowest|best|highest|top ~~ across|over|out_of|among ~ # ~ runs|configurations|configs|trials|combos|"
        "combinations|variants|experiments|candidates",
        "same|that|this cohort's|period's|fold's|set's|month's|quarter's|year's|week's ~ mae|auc|score|scores|error|"
        "accuracy|precision|recall|f1|rmse|mape|wape|loss ~~ report|reported|quote|quoted|deck|what_we_report",
        "grid|random|hyperparameter|hyper-parameter|parameter search|sweep ~~ where|with|using|in_which ~~ scoring|"
        "evaluation|test fold|set|cohort|period|month|quarter",
    ),
    # 'calibrated on the 12 validation Mondays before the test period' names the test only to place the validation
    exclude=("validation|tuning|calibration|dev|development ~~ before|preceding|prior_to|ahead_of ~~ test|hold-out|"
             "holdout|held-out",),
)

DUPLICATES_KEPT = Concept(
    "duplicates_kept", "duplicate records left in the data",
    (
        "duplicate|duplicates|duplicated|follow-up|follow-ups|resubmitted|re-submitted|reopened|re-opened|reopens|"
        "repeat|repeats|repeated|copies|twice|re-exported|re-export|appended|double "
        "~~ keep|kept|stay|stays|remain|remains|left|not_removed|not_merged|don't_merge|do_not_merge|are_included|"
        "as_separate|both|appended|as_they_are|not_deduplicated",
        "keep|kept ~ them|these ~ all", "don't|do_not|never merge|dedupe|de-duplicate|deduplicate",
        "keep|kept|keeping|retain|retained ~ both|all|every ~ copies|copy|duplicates|versions|rows|records",
        "appended as they are", "appended to the originals",
        "stay|stays|remain|remains|kept|left|kept ~ as separate|distinct|individual rows|records|tickets|entries|"
        "examples|cases",
    ),
    # the same car bought twice is two purchases, not a duplicated record
    exclude=("twice|repeat|repeats|repeated|again ~~ kept|keep|stay|stays|remain|remains|counted ~ as separate|"
             "distinct|different acquisitions|purchases|events|visits|transactions|sales|stays|admissions|bookings|"
             "orders|journeys|trips|episodes|applications|deals",),
    inner_negation=False,
)

GATE_OVERRIDABLE = Concept(
    "gate_overridable", "a quality gate that does not block",
    (
        "can|could|may still ~ approve|release|ship|promote|deploy|pass|merge|publish",
        "can|could|may ~ sign|signs ~ it|them|this|the_release ~ off ~~ with|when|if|despite|anyway",
        "when|if there is|there's a|an business|commercial|good|urgent reason|case|need|justification",
        "if|when|even_if ~~ row|rows|check|checks|metric|metrics|threshold|thresholds ~~ red|amber|yellow|fails|failed|"
        "missed|misses|below ~~ still|anyway|can|may",
        "approve|approved|release|released|ship|"
        "shipped|promote|promoted|deploy|deployed|go_ahead ~~ with conditions|anyway|regardless|nonetheless|"
        "all_the_same",
        "decide|decides|judge|judges|determine|determines ~~ whether ~~ miss|misses|failure|drop|dip|shortfall ~~ "
        "material|matters|acceptable|is_ok|important",
        "informational|advisory|for_information|non-blocking|non_blocking|not_blocking|not_enforced|soft",
        "nobody's|nobody|no_one|no-one ~~ blocked|blocks|stops", "eyeball|eyeballs|eyeballed|eyeballing|by_eye", "visual check",
        # a miss becomes a note, or the numbers are read after the release: nothing stops a failing model
        "finding|findings|failure|failures|miss|misses|issue|issues|breach|breaches ~~ recorded|logged|tracked|"
        "documented|noted|listed ~~ as|for follow-ups|follow-up|follow_up_items|actions|action_items|later|the_backlog",
        "tracked as follow-ups|follow-up|actions|action_items",
        "reported|shared|presented|sent|reviewed|circulated|published ~~ after|following ~ each|every|the|a ~ release|"
        "releases|deploy|deployment|launch|go-live|rollout",
        "thumbs-up|thumbs_up|thumbs up", "wave|waved|waves through", "override|overridden|overrides|overrule|overruled",
        "usually|often|sometimes ~ ship|release|deploy|go_ahead ~ anyway", "ship|release|deploy anyway",
        "posts|posted|prints|printed|shows|reports ~~ metrics|results|numbers ~~ slack|channel|dashboard|report",
        "logged|recorded|noted as a risk|an_issue", "does_not|doesn't|won't|will_not block|stop|prevent",
        # a person, not the gate, decides: 'the scores go to the controller, who decides whether to ship'
        "who|whoever ~ decides|decide|chooses|judges|determines|signs_off ~ whether|if ~ to|it|the_model ~ "
        "ship|ships|release|released|deploy|deployed|promote|promoted|launch|go|goes|go_live|goes_live",
        "at the|their|his|her ~ discretion", "judgement|judgment call", "case-by-case|case_by_case",
        "left|leave|leaves|up to ~ the ~ team|lead|owner|controller|manager|reviewer|them|us ~ to_decide|to_judge",
        "raises|raise|raised|emits|emit|logs|log|shows|show|prints|sends|posts a|only_a warning|warnings",
        "deploy|deployment|release|rollout|pipeline|export|promotion ~ continues|continue|proceeds|proceed|goes_ahead|"
        "go_ahead|carries_on|carry_on|goes_on|still_runs|still_happens|is_not_stopped|isn't_stopped",
    ),
    inner_negation=False,
)

MANUAL_GATE = Concept(
    "manual_gate", "a person looking at the numbers as the only gate",
    ("looks|look|looked|glances|glance|skims|skim|eyeballs|checks|check|reviews|review ~ over|at|through ~ the|their "
     "~ metrics|numbers|results|scores|report|dashboard|charts|plots ~~ before|prior_to ~ release|releases|deploy|"
     "deploys|deploying|shipping|each_release|every_release|go-live|export|promotion|we_click|clicking|we_merge|"
     "merging|we_promote|promoting|we_release|we_ship|we_deploy",
     "promotion|promoting|deployment|deploying|release|releasing ~~ is|is_just|takes ~ a|one ~ click|button",
     "manual|manually|human ~ sign-off|signoff|approval|review|check ~~ before|prior_to ~ release|deploy|export|"
     "promotion|go-live"),
)

ALL_AT_ONCE = Concept(
    "all_at_once", "a release to everyone at once",
    (
        "all|every|each|the_whole|the_entire ~~ store|ward|user|customer|site|region|traffic|branch|market|"
        "country|countries|clinic|hospital|turbine|farm|team|agent|depot|city|cities|account|tenant|office|ticket|"
        "request|order|transaction|call|claim|case|application|patient|query|queries|session|visitor|device|"
        "vehicle|machine|line|invoice|student|shop|warehouse|channel|merchant|member ~~ at_once|"
        "same_day|the_same_day|day_one|from_the_start|from_day_one|in_week_1|in_week_one|on_go-live|simultaneously|"
        "together|at_the_same_time|in_one_go|on_launch_day|at_launch|from_launch|at_go-live|from_go-live|"
        "on_release_day|on_day_1|in_one_step|overnight",
        "across the estate|fleet|network|whole_estate|whole_business|company|country|board",
        "big-bang|big_bang|big bang", "from day one", "from the start", "in one go",
        "all|every|everyone|everybody|whole|entire ~~ at_once|simultaneously|on_the_same_day|the_same_day|in_one_go|"
        "from_day_one|from_the_start|together|in_one_step",
        "switch|switches|switched|flip|flips|move|moves|cut_over|cuts_over|go|goes|put ~~ all|every|everyone|"
        "the_whole|the_entire ~~ to|onto|over|live",
        "for every ward|store|site|user|customer|region|branch|clinic|turbine|team",
        "go-live|golive|launch ~~ across|for|to all|every|the_whole",
        # the first step already exposes half the traffic, whole markets, or everyone on alternate days
        "50/50|fifty-fifty|half_of|half_the ~~ traffic|users|searches|customers|requests|sessions|visitors|markets|"
        "stores|experiment|split|test",
        "straight|directly|right_away|immediately ~ to|into ~ a|an|the ~ 50/50|full|experiment|a/b|split|all",
        "all|100% ~ traffic|users|customers|searches|requests|sessions|visitors|orders ~ in|across|for|of",
        "odd|even|alternate|alternating|every_other days|day|weeks|week|hours",
        "our ~ two|three|biggest|largest|main|busiest|top ~~ markets|regions|countries|stores|sites|customers|clients",
    ),
    # the last step of a gradual rollout: 'all stores at once only after the A/B reads clean'
    exclude=("at_once|together|simultaneously|in_one_go ~ only ~ after|once|when|if",),
)

UNAGREED_CONSUMER = Concept(
    "unagreed_consumer", "a consumer of the predictions nobody has agreed with",
    (
        "has|have started|begun ~~ pulling|reading|using|consuming|taking|scraping|exporting|copying|downloading|"
        "showing",
        "may|might|could|plan_to|plans_to|want_to|wants_to|intend_to|would_like_to ~ use|read|consume|pull|build_on|"
        "show|display|publish|put",
        # heard of rather than agreed: 'nothing formal has been arranged with them', 'mentioned in passing'
        "nothing formal", "no formal request|agreement|arrangement|contract|sign-off|approval", "informally",
        "not|n't ~~ formally", "in passing", "we are told|we understand_that|we hear|we've_heard|we_have_heard",
        "we know of", "apparently", "reportedly",
        "talking|thinking|talked|thought about ~ putting|showing|using|displaying|publishing|pulling|adding",
        "copy|copies|copied|copying|export|exports|exported|exporting|paste|pastes|pasted ~~ into|to their own",
        "asked|asking ~ about|to_use|for_access|for_the", "has|have read access|access",
        "whoever reads|uses|consumes", "not sure who", "we will|we'll talk to them", "they know it's|it_is changing",
        # a team helping itself to the scores from a shared table, or given access on the side
        "team|teams|department|desk ~~ takes|take|pulls|pull|copies|copy|reads|read|uses|use|exports|export ~~ score|"
        "scores|predictions|prediction|outputs|output|forecast|forecasts ~~ from the|a|our workspace|table|tables|"
        "warehouse|lake|bucket|share|database|schema",
        "want|wants|wanted|would_like ~ the|our ~ score|scores|predictions|outputs|forecast|forecasts",
        "given|granted|gave|grants|gives ~ them|the_team|marketing|sales|finance|it ~ read|query|direct access",
        "anyone|anybody|everyone|whoever with|who_has|that_has access",
        "also ~~ reads|read|uses|use|pulls|pull|consumes|consume ~~ score|scores|eta|prediction|predictions|table|topic|"
        "output|outputs|forecast|forecasts|list", "other teams|a_few_teams|some_teams|several_teams ~~ read|use|pull|"
        "consume|asked|look|looks|check|download|copy",
        "uses|use|reads|read ~ it for", "downstream teams", "undocumented|unknown consumer|consumers",
        # helped themselves, or were let in on the side: 'the app squad picked them up for a pilot'
        "picked|picks|picking ~ them|it|the_scores|the_topic|the_feed ~ up", "subscribed|subscribes|subscribing ~ to",
        "a_few|some|several|other|many ~ have|has subscribed|signed_up|connected",
        "open|available|visible to every|any|all ~ team|teams|user|users|analyst|analysts",
        "got|get|gets|given|been_given|granted|been_granted access|read_access|a_copy|copies",
        "run|runs|running their own queries|reports|analyses|dashboards|models",
        "would be handy|useful|helpful|nice", "not|n't ~ discouraged|objected|stopped|prevented ~ this|it|them",
        "flow|flows|flowing|feed|feeds|feeding|find_their_way|finds_its_way ~ into|to ~~ dashboard|dashboards|report|"
        "reports|other_systems|other_teams|bi",
        "whatever|whoever|anything|anyone ~ reads|subscribes_to|consumes|listens_to|pulls",
        "not checked|looked|asked ~ what|who|why ~ for|they|it",
    ),
    inner_negation=False,
)

NOT_A_PERSON = Concept(
    "not_a_person", "a channel or mailbox rather than a person or rota",
    ("slack channel|channel", "teams channel", "mailbox|mailboxes|inbox|inboxes", "shared inbox|mailbox|address",
     "distribution list", "mailing list", "email alias", "group email|mailbox", "@[\\w-]+\\.[\\w.]+", "@[\\w.+-]+@[\\w-]+\\.[\\w.]+",
     "@#[\\w-]+", "ticket queue", "jira board|queue", "service desk"),
)

VAGUE_OWNER = Concept(
    "vague_owner", "no one in particular",
    ("whoever|whomever ~ is|happens_to_be|notices|sees|gets|has_time|spots ~ around|available|free|first|it|there|"
     "online|in", "anyone|anybody|everyone|everybody ~ who|on|in|available|around|free",
     "the whole team", "all of us", "no|not_a ~ single|specific|named|dedicated|particular ~ owner|person|contact",
     "shared responsibility", "collectively|jointly owned", "nobody in particular"),
    inner_negation=False,
)


VENDOR_OWNER = Concept(
    "vendor_owner", "an owner outside the team",
    ("vendor|vendors|supplier|the_supplier|third_party|third-party|contractor|contractors|external_partner|"
     "outsourced", "comes straight from", "n/a", "nobody in particular", "shared", "everyone", "anyone",
     "whoever|whomever ~ is|happens_to_be|notices|sees|gets ~ around|available|first|it"),
    inner_negation=False,
)

BASELINE_WORDS = Concept(
    "baseline_words", "a baseline to compare with",
    ("baseline|baselines", "benchmark|benchmarks", "comparable|comparison|compare|compared", "to compare|compare_it",
     "heuristic|heuristics|rule|rules|scorecard|triggers|seasonal-naive|naive_forecast|manual_process|today's_process|"
     "current_process|the_current|status_quo|vendor_alarms|alarms",
     "existing process|approach|system|rule|rules|method", "alternative|alternatives", "anything to compare",
     "nothing comparable|to_compare", "reference point"),
)

BASELINE_GUESS = Concept(
    "baseline_guess", "a baseline value nobody has measured",
    ("reckon|reckons|reckoned", "ballpark", "from memory", "gut feel|feeling", "impression|impressions",
     "anecdotal|anecdotally", "feel|feels|felt like", "believe|believes", "think|thinks ~ it|they|the ~ get|gets|is|are",
     "roughly|about|around|approximately ~ # % ~~ right|correct|accurate", "not measured|unmeasured|never measured",
     "nobody|no_one|no-one has measured|checked|counted", "haven't|have_not|hasn't|has_not pulled|measured|checked|"
     "counted ~ the numbers|it", "guess|guessed|guesstimate|estimate_from", "off the top of", "we put # as"),
    inner_negation=False,
)

EXTERNAL_FIGURE = Concept(
    "external_figure", "a baseline figure taken from elsewhere",
    (
        "reported|published|found|quoted|cited|put|puts ~~ in|by|at|from ~~ paper|papers|study|studies|literature|"
        "review|audit|report|reports|evaluation|validation|dashboard|benchmark|vendor|original|cohort|cohorts|"
        "trial|survey|article",
        "industry report|reports|benchmark|benchmarks|average|averages|figure|figures|standard",
        "last|previous|prior year's|quarter's|month's ~ review|report|audit|analysis|study|evaluation|figure|figures|"
        "numbers|dashboard|ops_review",
        "et al", "according to", "in its original validation|study|paper", "other|another|a_different site|hospital|"
        "trust|country|market|region|period|population|cohort|company|team|business|vendor",
        "in uk|us|eu|published|external|other cohorts|studies|trusts|hospitals",
        "vendor claims|claimed|says|quotes", "vendor's|supplier's figure|figures|numbers|benchmark|claim",
        "looker|tableau|power_bi dashboard", "as reported on|by|in",
        "published|industry|external|vendor|literature benchmark|benchmarks|figure|figures|study|studies|paper|papers|"
        "report|reports|numbers|results",
        "vendor's|supplier's|their|external ~ figure|figures|numbers|benchmark|claim|claims|estimate|estimates",
        "evaluation|study|paper|audit|review|report|analysis|validation ~~ found|reported|showed|shows|gives|gave|put|"
        "puts|quotes|quoted|measured",
        "their|its hub's|site's|team's|trust's|hospital's|company's ~ capacity|data|population|patients|customers",
    ),
)

SAME_DATA = Concept(
    "same_data", "the baseline measured on the same test data",
    ("same test|hold-out|holdout|period|data|evaluation|weeks|months|discharges|orders|tickets|claims|examples|set|"
     "split|cases|rows", "both scored|measured|evaluated|compared|run on", "on the same", "side by side on",
     "scored|measured|evaluated on the test|hold-out|holdout period|set|weeks|months"),
)

RAW_PERSONAL_DATA = Concept(
    "raw_personal_data", "personal data used as it is",
    ("unredacted|un-redacted|unmasked|un-masked|identifiable|non-pseudonymised|unpseudonymised",
     "full identifiable|identifiable extract|data", "as they are|as it is|as-is", "copied|copies|stored|kept|held "
     "~~ in full|unredacted|raw|as_they_are|as_is", "raw ~ ticket|text|notes|attachments|records|data|identifiers",
     "anyone in|at ~ eng|engineering|the_company|the_org ~ can read|access", "no privacy review|dpia|assessment",
     "carries|carry|contain|contains|include|includes ~~ nhs_number|ssn|ssns|date_of_birth|full_postcode|"
     "passport|national_insurance|identifiers", "for the time being|for now ~~ identifier|identifiers|nhs_number|"
     "full_postcode",
     # 'the full extract with names and addresses; no restrictions beyond the VPN'
     "full|whole|complete|entire|raw|unmasked ~ extract|extracts|export|exports|copy|dump|table|tables|records|data ~ "
     "with|including|incl ~ names|addresses|emails|e-mail_addresses|phone_numbers|dates_of_birth|identifiers",
     # a privacy review waved through, personal data copied out to where the team works
     "privacy|data_protection review|assessment|impact_assessment|dpia|sign-off ~ hasn't|has_not|wasn't|was_not|"
     "isn't|is_not|not|never ~ been ~ needed|required|necessary|done|carried_out|asked_for",
     # identifiers kept in the copy the team trains on: 'card numbers included', 'registrations ride along'
     "names|numbers|details|registrations|plates|ibans|pins|cvv|cvvs|addresses|identifiers|phones|emails ~~ included|"
     "ride_along|rides_along|come_across|go_along",
     "exported|copied|extracted|pulled|taken|loaded|used|kept raw|unmasked|in_full",
     "as it|they comes|come|came|are_held|is_held|was_typed|were_typed", "as typed|held|entered|written",
     "no masking|redaction|pseudonymisation|pseudonymization|anonymisation|anonymization|de-identification ~~ yet|"
     "for_now|at_present|so_far|until",
     "household|individual|customer|personal|identifiable|patient|user|member|employee|applicant ~~ data|records|"
     "reads|readings|details ~~ copied|exported|downloaded|moved|extracted|pulled ~ to|into|onto ~ the|a|our ~ team's|"
     "personal|local|shared|own|analysts'|my|their storage|drive|drives|laptop|laptops|sandbox|bucket|account|folder|"
     "desktop|notebook|workspace",
     "no|without restrictions|restriction|controls|limits|access_control|access_controls ~ beyond|other_than|"
     "apart_from|except|besides",
     "everyone|anyone|all_analysts|all_staff|the_whole_team ~ can|has|have ~ see|read|access|query|download",
     "nothing special|particular|specific", "no special|particular|specific|extra|additional ~ handling|controls|"
     "measures|precautions|treatment|protection|safeguards|rules",
     "just|only|merely|simply|purely internal data|data|tables|systems",
     # the people who would review the processing judged unnecessary: 'we do not foresee any extra formality'
     "not|n't|no ~ foresee|expect|see|need|require ~~ formality|formalities|paperwork|assessment|dpia|review|approval",
     "not|n't|no ~~ necessary|needed|required|need ~ to involve|to_consult|to_ask|to_inform|to_notify ~ the|our ~ "
     "dpo|data_protection_officer|privacy_office|privacy_officer|privacy_team|data_protection_team|delegado",
     # a whole population of readers, not a named few: 'readable by the analytics users', 'open to all staff'
     "readable|accessible|open|visible by|to all|any|every|everyone|the_whole|the_wider|the_entire ~ analytics|"
     "analyst|analysts|bi|reporting|users|staff|employees|team|teams|department|organisation|company",
     "readable|accessible|open|visible by|to the analytics|bi|reporting|platform users|staff|employees",
     "which|that ~ some|about|around|over ~ # ~ fee-earners|analysts|people|staff|users|employees|colleagues ~~ "
     "can|could|are_able_to|may ~ read|see|access|open"),
    inner_negation=False,
)

POLICY_LAYER_REMOVED = Concept(
    "policy_layer_removed", "rules folded into the model instead of a separate policy layer",
    ("rule|rules|rule_set|ruleset|rules_engine|red_flags|red-flag_rules|blocklist|blocklists|filters|heuristics ~~ "
     "frozen|folded|switched_off|turned_off|retired|decommissioned|replaced_by_the_model|removed|no_longer_maintained|"
     "not_maintained|stop|stops|will_stop",
     "model is the only screen|filter|defence|defense|check|control|line_of_defence",
     "stop|stops|will_stop ~~ writing|adding|updating|maintaining ~~ rule|rules|flags|red_flags",
     "new schemes|patterns|attacks|spam ~~ picked_up|handled|learned|caught ~~ retrain|retraining|next_model|quarterly"),
)

MODEL_OUTPUT = Concept(
    "model_output", "another model's output",
    ("predicted|suggested|guessed|inferred|classified|scored|labelled|labeled|generated ~ by ~~ model|models|llm|gpt*|"
     "ai|classifier|add-on|addon|vendor|engine|system|widget", "llm|llms|chatgpt|openai|zero-shot|few-shot|prompt|"
     "prompted|gpt-4|gpt-4o|gpt-4o-mini|claude|gemini",
     # an embedding is another model's output when someone else trained it; one fitted in-house is a learned input
     "pretrained|pre-trained|third-party|vendor|vendor's|external|off-the-shelf|hosted|api|openai|foundation|"
     "sentence-transformer|sentence-transformers ~ embedding|embeddings|encoder|vectors",
     "embedding|embeddings ~~ from|by|of ~ a|the|an ~ pretrained|pre-trained|third-party|vendor|external|"
     "foundation|language|hosted|off-the-shelf ~ model|models|api|encoder", "model's|models' score|scores|"
     "prediction|predictions|output|outputs|label|labels|intent", "last year's|legacy|old|previous|existing ~ model|"
     "classifier|fasttext|system", "intelligent triage", "ai add-on|addon|triage|model", "vendor model|score"),
)

SEASONAL = Concept(
    "seasonal", "a yearly season in the data",
    ("season|seasons|seasonal|seasonality", "winter|summer|autumn|spring|christmas|easter|ramadan|diwali|holiday|"
     "holidays|black_friday|back-to-school|school_holidays|bank_holidays|monsoon|harvest|peak_season|high_season|"
     "low_season|tax_season|year-end|year_end", "yearly|annual pattern|cycle|peak|peaks", "seasonal-naive|seasonal_naive",
     "time of year", "same week last year"),
)

VAGUE_THRESHOLD = Concept(
    "vague_threshold", "a threshold nobody could test",
    ("looks|look|looking|seems|seem off|wrong|strange|odd|unusual|bad|weird", "visual check|inspection|review",
     "by eye", "eyeball|eyeballed", "if|when needed|necessary|required", "noticeably|significantly|clearly|obviously "
     "worse|lower|higher|different", "unusual|abnormal|suspicious values|pattern|patterns|behaviour", "gut feel",
     "when it|they looks|look|seems|seem", "case by case", "judgement|judgment call"),
)

CENSORED_LABEL = Concept(
    "censored_label", "a label that leaves out or caps the cases that matter most",
    (
        "cancel|cancelled|canceled|refund|refunded|abandoned|lateness|late=|delayed|waiting|complaint|complaints|"
        "stockout|stock-out|out_of_stock|ran_out|runs_out|sold_out|empty_shelf|empty_shelves ~~ left_out|excluded|"
        "exclude|dropped|drop|removed|not_counted|discarded|filtered_out|ignored",
        "left_out|excluded|dropped|removed|not_counted|discarded|ignored ~~ cancel|cancelled|canceled|refund|"
        "refunded|lateness|late=|waiting|complaint|never_got_delivered|never_delivered",
        "drop|dropped|remove|removed|exclude|excluded ~~ orders|cases|claims|tickets|patients|customers ~~ where|"
        "that|who|when ~~ refund|lateness|late=|complained|cancelled|canceled|waited|churned",
        "ran_out|runs_out|out_of_stock|stock-out|stockout|sold_out|empty_shelf ~~ count|counts|counted|as_they_are|"
        "as_zero|as_zeros|is_what_was_sold|that's_what_was_sold|included",
        "zero-sales|zero_sales|no_sale days ~~ included|counted|as_zeros|as_zero|zero|no_demand",
        "a day with no sale is a day with no demand", "that's|that_is what was sold",
    ),
    inner_negation=False,
)

SUBSAMPLED = Concept(
    "subsampled", "training rows dropped or subsampled",
    ("downsample|downsampled|downsampling|subsample|subsampled|subsampling|undersample|undersampled|thinned",
     "sampled|kept|keep|keeping|retained ~ # @%|percent", "@1-in-\\d+", "one in # ~ kept|sampled",
     "only use|uses|used|keep|kept ~~ first|last|most_recent|latest|three|two|some|the", "dropped|drop|discarded "
     "~~ older|old|rest|remaining|others", "cut off|cut-off after", "capped at # rows|records|examples",
     "lost in the|a migration|outage and not reloaded"),
)

WEIGHTS_KEPT = Concept(
    "weights_kept", "importance weights on sampled rows",
    ("weight|weights|weighted|reweight|reweighted|re-weighted", "importance weight|weights", "inverse probability",
     "1/p", "correct for the sampling"),
)

INPUTS_NOT_KEPT = Concept(
    "inputs_not_kept", "served inputs not logged",
    ("served|serving ~ inputs|features|values ~~ not stored|not_logged|not_kept|aren't_stored|are_not_stored|"
     "not_saved|lost|discarded|overwritten",
     "does_not|doesn't|do_not|don't ~ keep|store|log|save ~~ its|the|their inputs|features",
     "inputs|features ~~ used at|at ~ forecast|serving|scoring|prediction time ~~ overwritten|lost|discarded|not_kept",
     "rebuild|rebuilt|recompute|recomputed|recreate ~~ them|inputs|features ~~ from the warehouse|for_training",
     "get|gets|are|is overwritten ~~ next|by_the_next"),
    inner_negation=False,
)

TRAINING_SIDE = Concept(
    "training_side", "the training side of the pipeline",
    ("train|training|trained|offline|notebook|notebooks|experiment|experiments|research",),
)

SERVING_SIDE = Concept(
    "serving_side", "the serving side of the pipeline",
    ("serve|serving|served|production|prod|online|live|api|endpoint|service|app|side_app|runtime|scoring|request|"
     "requests|call|webhook|real-time|deployed",),
)

CAPACITY_RULE = Concept(
    "capacity_rule", "a threshold set by capacity",
    ("top # ~ per|a|each day|week|month|shift|run", "@\\d[\\d,]*\\s+\\w+\\s+(?:a|per|each)\\s+(?:day|week|month|shift)",
     "the|top|bottom # ~ highest|lowest|highest-scoring|lowest-scoring|best|worst|riskiest",
     "at most|up to # ~ tickets|cases|calls|claims|patients|orders|items|referrals|inspections ~ a|per|each", "until ~~ slots|capacity|calls|places|beds|inspections ~~ gone|used|"
     "filled|full|taken", "capacity of", "# slots|calls|inspections|visits|places|contacts|referrals ~ a|per day|week|"
     "month|shift", "as many as ~~ can", "budget of # ~ calls|inspections|referrals|visits"),
)

COVERAGE_WORDS = Concept(
    "coverage_words", "feature coverage or freshness",
    ("coverage", "missing|null|empty ~ values|rate|share|features|fields", "missingness", "freshness|staleness|stale|"
     "late=|lag|delay|latest_update|last_update|last_updated|not_updated|arrived|arrival", "row count|counts",
     "completeness", "job completed|complete|finished"),
)

INPUT_DRIFT = Concept(
    "input_drift", "a watch on the input distribution",
    ("drift", "psi=", "population stability", "kl|js|jensen-shannon|kullback-leibler divergence", "wasserstein",
     "kolmogorov-smirnov", "ks test|statistic", "chi-square|chi-squared test",
     "distribution|distributions|mix|histogram|histograms ~~ of|per ~~ feature|features|input|inputs|categories|"
     "category|values|traffic|population|applicants|queries|requests",
     "feature|features|input|inputs ~ distribution|distributions|mix|shift|shifts|statistics|stats",
     "unseen|new|unknown|out-of-vocabulary|oov|never-seen ~ category|categories|value|values|listing|listings|token|"
     "tokens|item|items|ids|id|words|terms ~ share|rate|fraction|proportion|percentage|count",
     "share|rate|fraction|proportion|percentage of ~ unseen|new|unknown|out-of-vocabulary|oov|never-seen"),
    exclude=("concept|prediction|predictions|score|scores|label|labels|output|outputs|accuracy|performance|model "
             "drift|distribution|distributions|shift",),
)

SALES_LABEL = Concept(
    "sales_label", "sales counted as the label",
    ("units|unit|items|products|orders|tickets|cases|calls|parcels sold|handled|served|fulfilled|delivered|shipped|"
     "processed|completed|dispatched|booked|answered", "sold|handled|served|fulfilled|delivered|shipped|processed|"
     "completed|dispatched|answered ~ per|by|each", "sales|sold ~ per|by|of", "epos|pos|till|scanned|scan units|"
     "sales|counts",
     "scanned units", "what was sold", "sell-through", "orders placed"),
)

DEMAND_TARGET = Concept(
    "demand_target", "demand as the prediction target",
    ("demand",),
)

OUTCOME_LABELLED = Concept(
    "outcome_labelled", "labels from the observed outcome",
    ("labelled|labeled|label|labels ~ by|from|with ~~ outcome|outcomes|result|results|finding|findings|"
     "investigation|investigations|siu|observed", "like any other", "never makes|make a label|labels"),
)

VOLUME_METRIC = Concept(
    "volume_metric", "a count rather than a quality measure",
    ("per day|week|month|year|hour|shift", "number of", "count of", "volume|volumes", "sent|made|handled|processed|"
     "raised|opened|created ~ per", "referrals|calls|tickets|orders|visits|inspections ~ sent|made|per"),
)

LABEL_IN_MINUTES = Concept(
    "label_in_minutes", "a label measured in minutes or hours",
    ("minutes|hours|seconds from|between|until|to|of", "duration|time in minutes|hours", "@^(?:minutes|hours|seconds)"),
)

NON_ANSWER = Concept(
    "non_answer", "an answer that points elsewhere instead of answering",
    ("same as|like|as_in ~ the|in_the|before|above|other|previous|original|old|usual", "unchanged", "as before",
     "not reviewed", "works fine|well", "nothing to review|change", "as is", "standard|default ones|settings|filters",
     # a pointer or an impression instead of the list: 'same filters as the other pipeline (see the repo)'
     "same|identical ~ as ~ the|our|in_the|before|other|previous|original|old|usual|corporate|parent",
     "see the|our ~ repo|repository|code|codebase|wiki|confluence|docs|documentation|notebook|readme|config",
     "seems|seem|looks|look|looked|looking fine|ok|okay|reasonable|sensible|alright",
     "looked_at|checked|reviewed informally|briefly|quickly|roughly|in_passing"),
    inner_negation=False,
)

PLANNED_VALUE = Concept(
    "planned_value", "a value planned or forecast before the prediction",
    ("as scheduled|planned|announced|published|issued|agreed", "scheduled|planned|forecast|forecasted|nowcast|"
     "predicted|projected|expected|estimated|quoted|promised|budgeted|intended|booked_in_advance price|prices|"
     "promotion|promotions|promo|value|values|temperature|rain|rainfall|weather|demand|volume|date|time|discharge|"
     "delivery|arrival|quantity|capacity|staffing|shift|shifts|stock",
     "forecast|forecasts|nowcast|nowcasts of|for|issued|issue", "weather|met_office|temperature|rain|rainfall|"
     "demand forecast|forecasts|nowcast", "@\\d{1,2}:\\d{2}\\s+issue",
     "promo|promotion|price|pricing calendar|plan|file|schedule", "known|set|fixed in advance|ahead"),
)

HANDLED_CONSUMER = Concept(
    "handled_consumer", "a request to read the predictions that goes through an agreement",
    ("go|goes|went|must_go|have_to_go through ~ the ~~ steering|governance|approval|change|review|board|group|process",
     "none has|have been approved|granted|agreed|given", "require|requires|need|needs approval|sign-off|an_agreement",
     "declined|refused|turned_down|said_no", "not allowed|permitted", "no access", "readable|visible only by|to",
     "restricted to", "only readable|visible", "were|was declined|refused|turned_down|denied|rejected",
     "agreed|agree|asked to wait for", "acl-restricted|access-controlled", "its own sign-off|approval"),
    inner_negation=False,
)

ONGOING = Concept(
    "ongoing", "repeated in production",
    ("in production|live|operation", "after launch|go-live", "ongoing|continuously|continual|recurring",
     "every|each month|quarter|week|release|retrain|refit|run", "monthly|quarterly|weekly|fortnightly|yearly|annually",
     "at every|each retrain|refit|release"),
)

AD_HOC_CADENCE = Concept(
    "ad_hoc_cadence", "retraining when someone decides to",
    ("when|if|as it's|it_is|it_gets needed|necessary|required", "as and when", "from time to time", "occasionally",
     "ad hoc|ad-hoc", "on demand", "when someone|somebody", "we'll|we_will judge|decide|see ~~ from|when|if",
     "if the planners|users|customers|staff|business|stakeholders complain|ask", "only ~~ if|when ~~ complain|ask|"
     "notice|request"),
    inner_negation=False,
)

TUNE_ON_PERIOD = Concept(
    "tune_on_period", "settings chosen on a named period",
    ("picked|chose|chosen|selected|tuned|kept|choose|pick|select|tune|set ~~ by|on|using|from|against ~~ "
     "@(?:19|20)\\d{2}", "by|on their|its recall|accuracy|auc|score|f1|precision|performance on|in "
     "@(?:19|20)\\d{2}"),
)

RULE_OUTPUT = Concept(
    "rule_output", "a rule's or another model's decision",
    ("rule|rules|red-flag|red_flag|engine|rules_engine|trigger|triggers|scorecard|keyword|keywords|heuristic ~~ "
     "score|flag|fire|fires|fired|auto-closed|close|mark|assign|route|decide|label|labelled|labeled|choose|chose|"
     "pick|set|give|gave|given|put|send|sent|produce|output|return|predict|suggest|classify|classified",
     "# or more ~ red flags|flags|points|triggers", "@\\d+\\+\\s*(?:red\\s+)?flags", "trigger-routed|rule-routed|"
     "auto-routed|auto-assigned|auto-closed|auto-labelled",
     "trigger's|triggers'|rule's|engine's|scorecard's|model's queue|label|decision|flag|class|group|score"),
    # the rule kept for a control group or as the baseline is not where the labels come from
    exclude=(*_NORM_RULES, "rule|rules|router|engine|scorecard|heuristic ~~ as a|the|our ~ long-term|long_term|"
             "permanent|small ~ control|holdout|hold-out|baseline|comparison|control_group"),
)

LABEL_CLAUSE = Concept(
    "label_clause", "what counts as a positive or negative example",
    ("positive|positives|negative|negatives|label|labels|labelled|labeled|class_1|class_0|the_target",
     "treated|counted|taken|marked|considered as positive|negative|fraud|clean|1|0"),
)

INVESTIGATION_LABEL = Concept(
    "investigation_label", "labels that come from the follow-up the model triggers",
    ("investigation|investigations|investigator|investigators|audit|audits|inspection|inspections|review|reviews|"
     "referral|referrals|case|cases|siu|follow-up|follow-ups|call|calls|visit|visits|contact|contacts ~~ outcome|"
     "outcomes|result|results|finding|findings|closed|closure|file|files|confirmed",
     "confirmed by|after ~ investigation|inspection|review|audit"),
)

MODEL_ACTION = Concept(
    "model_action", "a decision that sends cases to investigation or review",
    ("refer|refers|referred|referral|referrals|investigate|investigation|inspect|inspection|inspections|review|"
     "audit|call|calls|contact|visit|flag|flags|flagged|queue|triage|route|send|sends ~~ to|for ~~ siu|investigation|"
     "investigators|review|reviewers|inspection|audit|follow-up|crews|nurses|the_hub|analysts|team|queue",),
)

ACTS_ON_SELECTION = Concept(
    "acts_on_selection", "people act on the cases the model ranks or selects",
    # people work down a ranked list ('the buyers open the risk list', 'the top turbines get an inspection'), so the
    # outcomes later learnt from follow the model. A score above a threshold alone is not enough: routing or
    # auto-approval also compare a score with a threshold, and MO-018 reads filters.
    ("ranked|risk|priority|prioritised|prioritized|sorted|score-ordered|scored ~ list|lists|worklist|worklists|queue",
     "in score|risk|rank|priority order", "sorted|ordered|ranked by ~ score|risk|the_score|the_model|probability",
     "top ~ # |ranked|scoring|scored|risk|flagged", "top #", "top-ranked|top-scoring|highest-scoring|highest-risk|"
     "highest-ranked|high-risk|at-risk",
     "top|first # ~~ of_the|on_the|from_the ~ list|ranking|ranked_list",
     "top|highest band|bands|decile|deciles|tier|tiers|percentile|percentiles"),
)

CENSORING_HANDLED = Concept(
    "censoring_handled", "outcomes cut short kept as censored",
    ("censor|censored|censoring", "survival model|analysis", "as at least", "kept as|treated_as at least",
     "rather than counted as|dropped"),
)

UNIVERSAL_LABEL = Concept(
    "universal_label", "a label that counts every kind of outcome",
    ("any admission|readmission|spell|return|failure|stop|claim|contact|cancellation|complaint|event|reason|cause|type|"
     "method", "whatever the admission|method|reason|cause|type", "regardless|irrespective of the|its reason|cause|"
     "type|method|route", "of any type|kind|cause", "all causes|types|reasons|admissions|readmissions", "both elective "
     "and emergency", "elective and emergency", "planned and unplanned", "either way",
     "any removal|removals|takedown|deletion|rejection|refund|dispute|return|decline|reversal ~ reason|reasons|code|"
     "codes|type|cause",
     "whatever|regardless_of|irrespective_of the|its ~ reason|reason_code|reason_codes|removal_reason|cause|category|type",
     # the kinds are lumped on purpose: 'of whatever kind', 'we count all cause categories', 'no filter by status'
     "of whatever|every|each kind|type|cause|sort|origin", "all|every cause|causes|category|categories|kind|kinds|"
     "type|types|sub-type|sub-types|subtype|subtypes ~~ included|count|counted|alike",
     "count|counts|counted|include|includes|included all|every ~ cause|causes|category|categories|kind|kinds|type|"
     "types|reason|reasons|code|codes",
     "in either|any|each of its ~ sub-types|subtypes|types|kinds|forms",
     "count|counts|treated like|as any other|all_the_others", "treats|treat them all ~ in the same way|alike|the_same",
     # 'any comment a moderator took offline (spam, off-topic, insult ...)': every kind of removal is a positive
     "any|every|all ~ comment|comments|post|posts|item|items|order|orders|claim|claims|ticket|tickets|case|cases|"
     "message|messages|listing|listings|review|reviews ~~ removed|taken_offline|took_offline|taken_down|took_down|"
     "deleted|rejected|cancelled|returned|refunded|hidden|blocked",
     # every route to the outcome counts: 'whatever the sales channel', 'from any sales channel'
     "whatever|regardless_of|irrespective_of the|its ~ channel|channels|route|routes|source|sources|origin|way",
     "from|through|via|on|in any ~ channel|channels|route|touchpoint|touchpoints"),
)

# The label counts an outcome of any size: 'however small', 'whatever its amount', 'different from zero'.
ANY_AMOUNT = Concept(
    "any_amount", "a label that counts an outcome of any size",
    ("however small|slight|minor|little|large", "whatever its|the ~ amount|size|value|direction",
     "regardless_of|irrespective_of its|the ~ amount|size|value|direction", "of any amount|size|value",
     "different from|other_than zero", "non-zero|nonzero", "greater|more|higher than zero|0", "above|over zero",
     "any amount|adjustment|change|correction|difference|deviation ~~ at_all", "any correction|adjustment line|lines"),
)

UNFILTERED_LABEL = Concept(
    "unfiltered_label", "a label that does not tell the kinds of outcome apart",
    # said with a negation that is the point, not a denial: 'there is no filter by article status'
    ("no filter|filtering|distinction|split|separation by|on|between ~~ status|type|cause|category|kind|reason|code",
     "not|n't|never filtered|filter|split|separated|distinguished by|on ~~ status|type|cause|category|kind|reason|code",
     "does|do|did not|n't ~~ distinguish|separate|differentiate|tell_apart ~~ between|the|its|kinds|types|causes|"
     "from"),
    inner_negation=False,
)

NOISY_LABEL = Concept(
    "noisy_label", "a label that counts events later found invalid",
    (
        # the label is read before the cleaning that removes bots, fraud, duplicates or refunds
        "raw|unfiltered|uncleaned|unvalidated|unverified click|clicks|event|events|log|logs|feed|conversions|signups",
        "before|without|ahead_of|prior_to ~ the ~ invalid-traffic|ivt|bot|bots|spam|fraud|dedup|deduplication|"
        "de-duplication|validation|cleaning|quality ~ filter|filtering|filters|removal|check|checks|job|step|pass",
        "refunded|invalid|cancelled|reversed|returned|disputed|fraudulent|charged_back|duplicate|duplicated or not",
        "bots|bot_traffic|spam|duplicates|invalid_traffic|test_traffic|fraud|click_farms|crawlers ~ included|"
        "and_all|counted|too|as_well",
        "including|includes|include bots|bot_traffic|spam|duplicates|invalid_traffic|test_traffic|click_farms|crawlers",
        "don't|do_not|doesn't|does_not|never|not wait|waiting for ~ the ~~ filter|filtering|job|check|cleaning|ivt|"
        "dedup|deduplication|validation|refunds|chargebacks",
    ),
    inner_negation=False,
)

# The label is someone's decision to let the case go further (screen, interview, approve), not the outcome.
SELECTION_LABEL = Concept(
    "selection_label", "a person's decision to advance a case counted as the outcome",
    (
        "recruiter|recruiters|recruiter's|reviewer|reviewers|screener|screeners|interviewer|underwriter|underwriters|"
        "agent|agents|analyst|analysts|manager|managers|hiring_manager|officer|caseworker|clinician|triager ~~ moved|"
        "advanced|chose|selected|shortlisted|approved|screened|invited|picked|progressed|passed|accepted|forwarded|"
        "escalated|called",
        "reached|reaches|moved_to|moved_into|progressed_to|advanced_to|got_to|made_it_to|passed_to ~~ phone_screen|"
        "screen|screening|interview|interviews|offer|shortlist|next_stage|next_round|later_stage|second_round|"
        "assessment|approval|underwriting|stage|step|round|phase",
        "chose|choose|decided|decide|chosen to ~ screen|interview|advance|shortlist|approve|call|progress|invite",
    ),
    inner_negation=False,
)

# The target is what happens later to the person or case: success, retention, repayment, recovery.
OUTCOME_TARGET = Concept(
    "outcome_target", "a real-world outcome after the decision",
    ("succeed|succeeds|success|successful|thrive|perform_well|do_well|good_hire|quality_of_hire",
     "retained|retention|still employed|still_active|stay|stays|stayed ~ # ~ day|days|month|months|year|years",
     "still employed|still_active|still_with_us", "repay|repays|repaid|repayment", "recover|recovers|recovered|recovery",
     "survive|survives|survival", "hired and"),
)

RESTRICTED_TARGET = Concept(
    "restricted_target", "a prediction target limited to one kind of outcome",
    ("unplanned|emergency|avoidable|preventable|voluntary|involuntary|non-elective|unscheduled|unexpected|"
     "major|severe|confirmed|true|genuine|organic|first-time|first", "customer-initiated|customer_initiated",
     # 'would remove it under the community rules (insult, hate, threat)': only removals for a stated reason
     "under|for|breaching|breaking|violating|against the|our|its|community|house|site|platform|content ~ rules|"
     "rule|policy|policies|guidelines|standards|code_of_conduct",
     "for|because_of|due_to a|one|the rule|policy breach|breaches|violation|violations",
     "valid|legitimate|billable|non-fraudulent|human|real|verified click|clicks|conversion|conversions|visit|visits"),
)

OVERALL_ONLY = Concept(
    "overall_only", "quality measured overall only",
    ("overall|aggregate|global|total|headline ~ only|number_only|figure_only|metric_only", "only overall|aggregate|"
     "globally", "one number|figure|score|evaluation|metric ~~ per_horizon|covers|for_all|overall|only",
     "not split|broken|cut ~ out|down|by", "not sliced|segmented|stratified", "no slices|breakdown|segments",
     "single overall", "the model is global",
     # the named segments are merged back into one number: 'all regions pooled', 'one MAPE for the whole estate'
     "pooled|lumped together|into_one|into_a_single", "pooled|lumped across ~~ segments|groups|regions|stores|sites|"
     "markets|countries|customers|queues|districts|hospitals|products|categories|channels",
     "all|every region|regions|store|stores|site|sites|segment|segments|group|groups|market|markets|"
     "country|countries|customers|products|lines ~ pooled|together|combined|lumped|aggregated",
     "one|a_single|single metric|number|figure|score|mape|wape|rmse|mae|auc|accuracy ~~ for|across|over the whole|"
     "entire|full portfolio|fleet|network|estate|business|country|population|book|catalogue|base|company",
     "only|just ~~ overall|headline|global|aggregate|pooled number|figure|score|metric|mape|wape|rmse|auc|accuracy",
     "@only,?\\s+(?:on\\s+top\\s+of|besides|beyond|alongside|plus|apart\\s+from|next\\s+to)\\s+(?:the|an|one)\\s+"
     "(?:overall|headline|global|aggregate|pooled|portfolio)",
     "overall and|plus ~ # |one|a ~ slice|segment|cut|breakdown",
     # one figure for everything, said in other words: 'one global figure', 'reported for the whole system'
     "one|a_single|single global|overall|system-wide|company-wide|network-wide|fleet-wide|country-wide|national|"
     "total figure|number|score|metric|result",
     "for|on|over|across the whole|entire ~ list|system|network|estate|portfolio|population|fleet|country|catalogue",
     "do|does|did|we not|n't ~~ divide|split|cut|break_down|slice|segment|stratify|subdivide ~ it|them|the_results|"
     "results|the_list|the_figures|further",
     "prefer|rather not ~ to ~~ report|show|split|cut ~~ groups|slices|segments|them|cuts|breakdowns"),
    inner_negation=False,
)

REACTIVE_ONLY = Concept(
    "reactive_only", "a reaction to an outage rather than a fallback",
    ("will|we'll|they'll|i'll|you'll|'ll|would ~ restart|reboot|fix|investigate|debug|notice|look_into|hear_from_us|be_told|tell_them|let_them_know",
     "hear from us", "keep spinning|spin|hang|time_out|error_page", "nothing is|would_be|will_be shown|displayed",
     "show|shows an error", "should not|shouldn't be needed|happen", "not needed", "only advice", "three|two|multiple "
     "replicas", "high availability|highly_available",
     "retry|retries|retried|retrying|keep_trying|keeps_trying|re-send|resend|resent ~~ until|till ~~ answers|"
     "responds|replies|comes_back|recovers|is_back|is_up|succeeds|works",
     "wait|waits|waiting ~ until|till|for ~ the ~ service|model|api|endpoint ~~ back|up|recovers|responds",
     # redundancy, restarts and 'try again' keep the service up; none says what the product does meanwhile
     "# replicas|instances|pods|nodes", "on-call|on_call|oncall|ops|sre|someone|we ~ restarts|restart|reboots|reboot|"
     "redeploys|redeploy|fixes|fix",
     "fix|fixes|fixing forward", "fix-forward", "refresh|refreshes|reload|reloads|resubmit|resubmits|try_again ~~ and|"
     "or|+", "outage|failure|downtime ~~ is|are|would_be unlikely|rare|improbable",
     "try again|try_later|come_back_later ~ banner|message|page|screen|error"),
    inner_negation=False,
)

FP_WORDS = Concept(
    "fp_words", "the cost of a false positive",
    ("false positive|positives|alarm|alarms|alert|alerts", "fp=", "wrongly|wrong|unnecessary|needless|wasted|"
     "unneeded|pointless ~ flag|flags|flagged|referral|referrals|investigation|investigations|call|calls|contact|"
     "contacts|inspection|inspections|visit|visits|review|reviews|alert|alerts|stop|stops|route|routes|auto-route",
     "in vain", "over-quote|over-quoting|overquote|over-estimate|overestimate|over-order|overstock|too_early|"
     "over-forecast", "a clean claim|case|transaction|customer ~ flagged|referred|investigated|blocked",
     # acting when nothing needed it: 'an urgent order that was not necessary', 'a visit where nothing is found'
     "was|were|is|are|turns_out|turned_out|proves|proved not|un necessary|needed|required",
     "where|when|and nothing ~~ is|was|gets|got found|there", "finds|found|turns_up|turned_up nothing",
     "for nothing", "wastes|wasted ~~ time|minutes|hours|patrol|trip|visit|crew|shift",
     "started|sent|routed|flagged|opened|triggered ~~ for the wrong|for_a_wrong"),
    inner_negation=False,  # 'not necessary' says the action was not needed, it does not deny the cost
)

FN_WORDS = Concept(
    "fn_words", "the cost of a false negative",
    ("false negative|negatives", "fn=", "missed|miss|misses|undetected|uncaught|not_caught|slips_through|"
     "goes_unnoticed|overlooked|unflagged", "under-quote|under-quoting|underquote|under-estimate|underestimate|"
     "under-order|stockout|stock-out|lost_sale|lost_sales|too_late|late_delivery", "fraud|failure|readmission|default|"
     "churn ~ that|which ~ we|the_model ~ miss|misses|missed|do_not_catch|don't_catch",
     # not acting when it was needed: 'a stock-out we did not anticipate', 'leaving a segment unvisited'
     "did|do|does not|n't anticipate|foresee|catch|flag|predict|spot|detect|see_coming",
     "not|never anticipated|foreseen|flagged|caught|predicted|spotted|detected",
     "unvisited|unchecked|unpatrolled|unanticipated|unforeseen|unnoticed|unflagged|unreported",
     "no band|alert|flag|warning|order|visit ~ is|was ~ shown|sent|raised|placed|made ~~ although|though|when|while"),
    inner_negation=False,
)

ADVERSARIAL = Concept(
    "adversarial", "inputs people try to game",
    ("fraud|fraudulent|fraudster|fraudsters|scam|scams|spam|spammers|abuse|abusive|bot|bots|fake|gaming|game_the|"
     "manipulate|manipulation|adversarial|evade|evasion|staged|money_laundering|chargeback_fraud|collusion|rings",),
)

IMMATURE_AS_NEGATIVE = Concept(
    "immature_as_negative", "examples whose outcome is not known yet used as if it were",
    ("still open|pending|unresolved|in_progress|not_yet_closed|not_closed ~~ keep|keeps|kept|use|used|count|counted|"
     "treated|labelled|labeled|included|as ~~ label|labels|negative|negatives|0|current",
     "including|include|includes ~~ still open|pending|unresolved|not_yet_closed|recent|the_latest",
     "keep|keeps ~ their current group|status|queue|label|state ~ as the label",
     "not yet ~~ known|in|closed|matured ~~ counted|treated|labelled|labeled|taken ~ as negative|0|no"),
    inner_negation=False,
)

CONSEQUENTIAL = Concept(
    "consequential", "a decision that affects a person's access, treatment or rights",
    (
        "approve|approves|approved|approval|approvals|decline|declines|declined|deny|denies|denied|denial|reject|"
        "rejects|rejected|refuse|refused|grant|granted|eligible|eligibility|entitlement",
        "credit|credits|loan|loans|lending|mortgage|mortgages|overdraft|underwriting|underwriter|creditworthiness",
        "insurance|insurer|premium|premiums|policyholder|policyholders|claim|claims|claimant|claimants",
        "hire|hiring|recruit|recruiting|recruitment|shortlist|shortlisting|candidate|candidates|applicant|applicants|"
        "job_application|job_applications|promotion|dismissal|performance_review",
        "patient|patients|clinical|clinician|clinicians|treatment|treatments|diagnosis|nurse|nurses|hospital|"
        "readmission|discharge|gp=", "clinical|patient|emergency|medical triage", "social|patient|health|clinical care",
        "benefit|benefits|welfare|social_services|housing|tenancy|tenant|tenants|rent|rental",
        "fraud|fraudulent|investigate|investigation|investigations|suspicious|sanction|sanctions|suspend|suspension|"
        "ban|bans|banned|block_the_account|freeze",
        "student|students|admissions|exam|exams|grade|grades|scholarship|school_place",
        "police|policing|parole|bail|sentencing|offender|offenders|immigration|visa|visas|asylum|border",
        "moderation|moderate|moderated|takedown|remove_the_post|content_removal",
    ),
)

BIAS_TEST = Concept(
    "bias_test", "a fairness comparison across groups",
    (
        "fairness|bias|disparity|disparate|parity|four-fifths", "equal opportunity", "equalised|equalized odds",
        "compare|compared|comparing|gap|gaps|difference|differences|ratio ~~ across|between|by|per group|groups|"
        "segment|segments|age|gender|sex|region|language|postcode|ethnicity|band|bands",
        "per_group|per-group|by_group|subgroup|subgroups", "demographic parity", "selection rate|rates",
        "true positive rate|rates|tpr|fpr", "adverse impact",
        # 'who gets held more often', 'split holds by group'
        "who|which_groups|which_people gets|get|is|are ~ held|flagged|rejected|declined|removed|blocked|selected|"
        "approved|refused|shortlisted|screened|stopped|searched ~ more|less ~ often",
        "split|splits|break_down|broken_down|breaks_down|look_at|looked_at|slice|sliced|cut ~~ by|per|across group|"
        "groups|demographic|demographics|protected_group|protected_groups",
    ),
)

FALLBACK = Concept(
    "fallback", "a fallback when the model fails",
    ("fall_back|fallback|falls_back", "default|defaults to", "rule|rules|heuristic|scorecard|previous_model|cached|"
     "cache|last_known|popular|popularity|manual|human|queue|triage|static_list", "serve|serves|use|uses|keep|keeps "
     "~ the previous|today's|current|existing|old", "as today", "degrade|degrades gracefully", "timeout|time-out"),
)

# The units a data set can repeat: people, things and places that contribute several rows.
_ENTITY_WORDS = (
    "customer", "patient", "user", "account", "machine", "store", "device", "household", "vehicle", "site", "property",
    "applicant", "member", "subscriber", "merchant", "policyholder", "employee", "student", "driver", "shop", "branch",
    "entity", "person", "people", "individual", "company", "client", "borrower", "claimant", "learner", "pupil",
    "subject", "participant", "author", "speaker", "sensor", "turbine", "engine", "asset", "seller", "supplier",
    "restaurant", "hotel", "school", "hospital", "clinic", "farm", "well", "building", "product", "sku", "listing",
    "policy", "contract", "family", "household", "citizen", "taxpayer", "tenant", "passenger", "caller", "visitor",
)
_ENTITIES = "|".join(_ENTITY_WORDS)  # each word also matches its plural


def _entity_compounds(*suffixes: str) -> str:
    """'customer-month|patient-level|…': an entity joined to a unit or a level."""
    return "|".join(f"{word}-{suffix}" for word in _ENTITY_WORDS for suffix in suffixes)


_ROWS = ("row|record|image|scan|visit|slide|claim|order|ticket|transaction|session|reading|measurement|encounter|"
         "admission|loan|application|call|example|sample|photo|snapshot|observation|entry|event|recording|utterance|"
         "note|document|report|shift|trip|journey|booking|stay|episode|test")
_SET_WORDS = "train|training|test|testing|validation|evaluation|hold-out|holdout|sets|splits|sides|folds|partitions"

ENTITY_OVERLAP = Concept(
    "entity_overlap", "the same entities in training and test data",
    (
        f"same|identical|overlapping {_ENTITIES} ~~ in|across|into|on both|either|train|training|the_training",
        f"same|identical|overlapping {_ENTITIES} ~ appear|occur|show_up|end_up|turn_up|are|is|can_be|may_be ~ in|on|"
        "across both|either",
        f"{_ENTITIES} ~ appear|occur|show_up|end_up|turn_up|seen|present|have|has ~~ in|on|across both ~ "
        f"{_SET_WORDS}|the_training",
        f"overlap|overlapping|shared|leak|leakage ~ of|in|between [the] {_ENTITIES} ~~ {_SET_WORDS}",
        f"{_ENTITIES} ~ overlap ~ between|across {_SET_WORDS}",
        f"{_ROWS} of|from [one|a|an|the_same|each] {_ENTITIES} ~~ in|across|into both|either|different|separate "
        f"{_SET_WORDS}",
        f"{_ROWS} of|from [one|a|an|the_same|each] {_ENTITIES} ~~ split|spread|scattered|divided|distributed|end_up|"
        "land|go|fall across|over|in|into|between train|training|both|either|different|separate",
    ),
)

GROUPED_BY_ENTITY = Concept(
    "grouped_by_entity", "a split that keeps each entity on one side",
    (
        "group|split|partition|stratify|assign|allocate|divide|sample|hold_out|held_out|cluster by|per|on|"
        f"at_the_level_of|within [the] {_ENTITIES}",
        _entity_compounds("level", "wise", "based", "grouped", "disjoint") + " split|partition|hold-out|holdout|"
        "fold|cross-validation|cv|sampling|assignment",
        "group k-fold|kfold|shuffle_split", "groupkfold", "groupshufflesplit", "stratifiedgroupkfold",
        "leave-one-group-out", "leave-one-subject-out", "leave-one-patient-out", "leave-one-customer-out",
        f"all|every {_ROWS} of [a|an|one|the_same|each] {_ENTITIES} ~~ same|one side|set|split|fold|partition",
        f"{_ENTITIES} ~ in|seen_in the_training|training|train ~ never|not|n't ~ appear|used|seen|reused ~ in test|"
        "testing|the_test|validation|evaluation",
        f"unseen|new|held-out|disjoint|distinct|separate|different {_ENTITIES} ~ in|for test|testing|the_test|"
        "validation|evaluation",
        f"test|testing|validation|evaluation ~~ unseen|held-out|disjoint|distinct|separate {_ENTITIES}",
        f"disjoint|non-overlapping set|sets ~ of {_ENTITIES}", f"disjoint|non-overlapping {_ENTITIES}",
    ),
    inner_negation=False,  # 'customers in training never appear in test' says the split is grouped
)

REPEATED_ENTITY = Concept(
    "repeated_entity", "several rows per entity",
    (
        f"several|multiple|many|repeated|recurring|numerous|two_or_more|more_than_one|a_few|dozens_of|hundreds_of "
        f"{_ROWS}|month|year ~ per|for|from|of [each|every|a|an|one|the_same] {_ENTITIES}",
        f"{_ROWS} per|for_each|for_every " + _entity_compounds("month", "week", "day", "year", "visit", "quarter"),
        _entity_compounds("month", "week", "day", "year", "visit", "quarter", "period", "snapshot"),
        f"one|a {_ROWS} per|for_each|for_every {_ENTITIES} ~ per|and|each|every month|week|day|visit|quarter|year|"
        "snapshot|order|session",
        f"each|every|a|the|many|most {_ENTITIES} ~ appear|contribute|has|have|occur|recur ~ several|multiple|many|"
        "repeatedly|more_than_once|often|again",
        f"each|every|a|the|many|most {_ENTITIES} ~ appear|contribute|occur|recur ~ # times",
        f"{_ENTITIES} ~ appear|contribute|occur|recur|return|come_back repeatedly|several_times|multiple_times|"
        "more_than_once|again_and_again",
        "longitudinal", "panel data", "repeated measures",
        "weekly|monthly|daily|quarterly|yearly|nightly|hourly|periodic|rolling snapshot|snapshots|panels", "repeat visit|visitor|purchase|customer|claim|admission|"
        "applicant|buyer|patient",
    ),
)


QUALITY_GATE = Concept(
    "quality_gate", "an automated quality gate",
    ("block|blocks|blocked|refuse|refuses|refused|reject|rejects|rejected|stop|stops|fail|fails|prevent|prevents "
     "~~ export|release|promotion|deployment|deploy|publish|merge|registration|model",
     "gate|gates|gating", "threshold|thresholds", "must|only_if|unless ~~ reach|reaches|meet|meets|exceed|exceeds|"
     "beat|beats|at_least|above|below", "ci=", "pipeline check|checks|step", "automated|automatic check|checks|"
     "validation|test|tests|gate"),
)

GATE_BLOCKS = Concept(
    "gate_blocks", "a failing check that stops the candidate",
    (
        "block|blocks|blocked|refuse|refuses|refused|reject|rejects|rejected|stop|stops|stopped|prevent|prevents|"
        "prevented|halt|halts|halted|abort|aborts|aborted|veto|vetoes ~~ export|release|promotion|deployment|deploy|"
        "publish|publication|merge|registration|rollout|go-live|candidate|model|build|alias|it",
        "not|never|cannot|can't|won't|isn't|is_not|aren't|are_not|no_longer ~ promoted|released|deployed|published|"
        "registered|shipped|exported|merged|moved|tagged|served|rolled_out",
        "won't|will_not|does_not|doesn't|do_not|don't|never|cannot|can't ~ promote|release|deploy|publish|"
        "register|ship|export|merge|move ~~ a|the|any ~ model|candidate|version",
        "export|release|promotion|deployment|publication|merge|rollout|registration ~~ is|are|gets|get|will_be ~ "
        "refused|blocked|stopped|rejected|prevented|halted|denied|aborted",
        "only ~ moves|move|promotes|promote|deploys|deploy|releases|release|publishes|publish|registers|ships ~~ "
        "if|when|once|after ~~ pass|passes|passed|clears|meets",
        "registry|alias|production|prod|serving|pipeline ~~ keeps|keep|kept|retains|retain ~~ current|previous|"
        "existing|old|incumbent|yesterday's|last ~ model|version|champion",
        "current|previous|existing|old|incumbent|yesterday's ~ model|version|champion ~ keeps|keep|stays|stay|"
        "remains ~ serving|running|live|in_production|in_place",
        "fail|fails|failed|failing ~ the|its ~ build|pipeline|job|run|release|step|dag|stage|workflow",
        "alias|registry|production|prod|serving|champion ~~ stays|stay|remains|remain|stays_on|is_kept_on|kept_on|"
        "left_on|untouched|unchanged",
        "only|solely ~~ pass|passes|passing|passed|clears|clear|meets|meet ~~ promoted|deployed|released|published|"
        "registered|shipped|exported|moves|go|goes|live",
        "must|has_to|have_to|needs_to|need_to ~ pass|clear|meet ~~ before|to_be|or",
        "no|without|cannot_be|can't_be override|overridden|overrides|manual_override|exception|exceptions",
        "nobody|no_one|no-one|none_of_us ~ can|may|is_allowed_to override|overrule|bypass|skip",
        "release|pipeline|job|build|deploy|deployment|promotion|export|rollout|publication|dag ~ stops|stop|halts|halt|"
        "fails|fail|aborts|abort|breaks|is_stopped|is_halted|is_aborted",
        "automatically ~~ blocked|stopped|rejected|kept|stays|retained|held_back|not_promoted",
        "held|holds|hold ~ back|back_the_candidate",
    ),
    inner_negation=False,
)

LABEL_TIMING = Concept(
    "label_timing", "when the outcome becomes known",
    ("known|available|arrive|observe|mature|confirm|settle|record|final|close|resolve|visible|land|lands|complete",
     "label delay|lag|latency", "outcome window|horizon", "after|within # day|days|week|weeks|month|months|year|"
     "years|hour|hours"),
)

# Each retraining learns only from cases whose outcome is in: 'on cohorts at least 95 days old', 'on offers whose
# flights departed before the cut-off, so every window is closed', 'contracts whose review has closed'.
MATURED_ONLY = Concept(
    "matured_only", "training only on cases whose outcome is known",
    ("at_least|>=|≥|older_than|more_than # ~ d|day|days|week|weeks|month|months old|before|ago|earlier",
     "whose ~ outcome|outcomes|label|labels|review|reviews|window|windows|case|cases|flights|loans|claims ~~ closed|"
     "known|final|finalised|settled|matured|departed|ended|resolved",
     "every|each|all ~ outcome|offer|label|case|review|window|unit|clause|loan|claim ~~ window|windows ~ is|are closed",
     "every|each unit|case|clause|claim|loan|order|row ~ has|carries|carry ~ its|their final|exit|known|settled",
     "only|just ~ matured|mature|closed|settled|resolved|final ~ cases|outcomes|labels|cohorts|rows|examples",
     "wait|waits|waiting for the following|next run|retrain|refit"),
)

LABEL_SOURCE_WORDS = Concept(
    "label_source_words", "where outcomes are recorded",
    ("record|records|recorded|log|logs|logged|capture|captures|captured|store|stores|stored|register|registers|"
     "flag|flags|code|codes|mark|marks ~~ outcome|outcomes|result|results|queue|label|labels|status|decision|"
     "resolution|default|defaults|churn|sale|sales|click|clicks|purchase|purchases|repair|repairs|failure|failures|"
     "claim|claims|payment|payments|readmission|admission|delivery|deliveries|cancellation|return|returns",
     "system of record", "source of truth", "from the|our ~ crm|erp|warehouse|data_warehouse|helpdesk|epos|pos|"
     "ledger|billing|pas|epr|sap|salesforce|zendesk|servicenow",
     "cancellation|cancellations|purchase|purchases|click|clicks|impression|impressions|order|orders|payment|payments|"
     "sale|sales|event|events|confirmation|confirmations|transaction|transactions|booking|bookings|visit|visits|"
     "admission|admissions|outcome|outcomes|status ~~ from|in|events|log|logs|table|tables|feed|stream|system",
     "@\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]+\\b"),
)

MODEL_WORDS = Concept(
    "model_words", "a model family",
    ("logistic|linear|poisson|ridge|lasso|glm regression|model|classifier", "gradient-boosted|gradient_boosted|"
     "gradient_boosting|lightgbm|xgboost|catboost|random_forest|decision_tree|tree_ensemble|gbm|gbdt",
     "neural network|networks|net", "deep learning|model|network", "lstm|gru|cnn|rnn|transformer|transformers|bert|"
     "autoencoder|embedding|embeddings|attention", "matrix factorisation|factorization", "als=", "naive bayes",
     "k-nearest|knn|nearest_neighbour|nearest_neighbor", "svm|support_vector", "arima|sarima|ets|prophet|"
     "exponential_smoothing|tweedie|quantile_regression", "scorecard|rules|heuristic|baseline", "tf-idf|tfidf"),
)

DEEP_MODEL = Concept(
    "deep_model", "a large or stacked model",
    ("deep learning|network|model", "neural network|networks|net", "lstm|gru|cnn|rnn|transformer|transformers|bert|"
     "autoencoder|tft=|temporal_fusion_transformer", "stacked|stack of|meta-learner|meta_learner|blended_by",
     "state of the art|state-of-the-art", "large language model|llm|fine-tuned|fine-tune"),
)

_SIMPLE_MODELS = ("logistic|linear|poisson|ridge|lasso|glm|tf-idf|tfidf|bag-of-words|naive_bayes|scorecard|"
                  "decision_tree|small_tree|single_tree|lightgbm|xgboost|gbm|gradient-boosted|gradient_boosting")

SIMPLE_MODEL_FIRST = Concept(
    "simple_model_first", "a simpler model built first and kept as the reference",
    (
        # 'the first version was TF-IDF with logistic regression, which stays as the fallback model'
        f"first|earlier|previous|initial|v1|existing|current|production|incumbent version|model|iteration|release|"
        f"baseline ~~ was|is|used|uses|were ~~ {_SIMPLE_MODELS}",
        f"{_SIMPLE_MODELS} ~~ stays|stay|remains|remain|kept|keep|serves|serve|acts|is|runs|was_built|built ~~ as|in "
        "~ the|a|our fallback|reference|baseline|benchmark|comparison|challenger|champion|floor|safety_net",
        f"{_SIMPLE_MODELS} ~~ on|with the same features|data|test|test_set|split ~~ is|as|serves_as ~ the|a|our "
        "reference|baseline|benchmark|comparison|floor",
        f"we|team built|shipped|launched|deployed|started_with|began_with ~~ {_SIMPLE_MODELS} ~~ first|before",
    ),
)

# What actually removes position bias: position as a training-only input with a fixed serving value, randomised
# exposure, propensity weighting, interleaving.
POSITION_HANDLED = Concept(
    "position_handled", "a position-bias correction",
    ("fixed|constant|default|neutral|single position|slot|rank|value ~~ at|for|when serving|scoring|inference|"
     "prediction_time|serve_time|scoring_time",
     "position|slot|rank ~~ set|fixed|held|pinned ~~ to|at ~ a|the ~ fixed|default|constant|single",
     "randomi*", "shuffled ~ order|ranking|list|slots", "propensit*", "inverse propensity", "ipw=", "ips=",
     "interleav*", "click model|models", "position-aware|position-debiased|debias*", "examination probability",
     "exploration share|traffic|bucket|slice"),
)

# 'recruiters can simply ignore the ranking': the model stays live and people are asked to look past it
IGNORE_OUTPUT = Concept(
    "ignore_output", "people asked to disregard the model instead of switching it off",
    ("ignore|ignores|disregard|disregards|overlook|skip|skips|bypass|bypasses|look_past|work_around ~ the|our|its "
     "~ ranking|rankings|ranked_list|model|model's|scores|score|predictions|prediction|recommendations|list|output|"
     "outputs|forecast|forecasts|suggestions|flag|flags|order",
     "ignore|ignores|disregard|disregards|overlook|skip|bypass|look_past|override|overrule ~ the|our|its|any "
     "suggested|recommended|predicted|proposed|automatic|automated|model's"),
)

CALIBRATION_WORDS = Concept(
    "calibration_words", "predictions compared with what happened",
    ("calibration|miscalibration|reliability", "predicted|expected|forecast [vs|versus|against|over|to|and] "
     "observed|actual|actuals|realised|realized", "observed|actual [vs|versus|against|over|to] predicted|expected",
     "o/e=", "e/o=", "predicted-to-observed|observed-to-predicted|predicted/observed|observed/predicted"),
)

VOCABULARY: dict[str, Concept] = {
    concept.key: concept
    for concept in (
        RANDOM_SPLIT, RANDOM_SELECTION, EVAL_CONTEXT, TEMPORAL_SPLIT, REPORTED_EVALUATION, STANDOUT_FEATURE,
        AT_PREDICTION_TIME, TUNING_CONTEXT, TIME_ORDERED_DATA,
        FEATURE_CODE_DIVERGENT, FEATURE_CODE_SHARED, POST_OUTCOME, OUTCOME_SYSTEM, LABEL_DERIVED, TARGET_ENCODING,
        OUT_OF_FOLD, MAIN_SIGNAL, LOOP_MITIGATION, SLICING, LABEL_WORDS, PII, PRIVACY_CONTROLS, SELECTIVE_LABELS,
        SERVING_BATCH, SERVING_ONLINE, PERSON_WAITING, ROLLBACK, REHEARSAL, ON_CALL, MANUAL_INSPECTION,
        NOBODY_REVIEWS, UNMEASURED, BLENDED_OBJECTIVE, TRAINING_DATA_EVAL, HELD_OUT, HEURISTIC_LABEL, F1_PEAK,
        DEFAULT_THRESHOLD, COST_BASED_THRESHOLD, LABEL_SOURCE_WORDS, MODEL_WORDS, DEEP_MODEL, PERSON, CONSEQUENTIAL,
        BIAS_TEST, PERFORMATIVE, PREPROCESS_ALL, TEST_TUNING, DUPLICATES_KEPT, GATE_OVERRIDABLE, ALL_AT_ONCE,
        UNAGREED_CONSUMER, NOT_A_PERSON, VENDOR_OWNER, BASELINE_WORDS, BASELINE_GUESS, EXTERNAL_FIGURE, SAME_DATA,
        RAW_PERSONAL_DATA, POLICY_LAYER_REMOVED, MODEL_OUTPUT, SEASONAL, VAGUE_THRESHOLD, CENSORED_LABEL,
        LABEL_IN_MINUTES, SALES_LABEL, DEMAND_TARGET, OUTCOME_LABELLED, VOLUME_METRIC, COVERAGE_WORDS,
        CAPACITY_RULE, TRAINING_SIDE, SERVING_SIDE, NON_ANSWER, PLANNED_VALUE, HANDLED_CONSUMER, ONGOING,
        AD_HOC_CADENCE, TUNE_ON_PERIOD, RULE_OUTPUT, LABEL_CLAUSE, INVESTIGATION_LABEL, MODEL_ACTION,
        ACTS_ON_SELECTION, UNFILTERED_LABEL,
        CENSORING_HANDLED, SUBSAMPLED, WEIGHTS_KEPT, INPUTS_NOT_KEPT, UNIVERSAL_LABEL, RESTRICTED_TARGET,
        OVERALL_ONLY, REACTIVE_ONLY, FP_WORDS, FN_WORDS, ADVERSARIAL, IMMATURE_AS_NEGATIVE, FALLBACK, QUALITY_GATE,
        GATE_BLOCKS, LABEL_TIMING, OUTPUTS_BECOME_LABELS, INPUT_DRIFT, SIMPLE_MODEL_FIRST, NOISY_LABEL, SELECTION_LABEL,
        OUTCOME_TARGET, CALIBRATION_WORDS, POSITION_HANDLED, IGNORE_OUTPUT, VAGUE_OWNER, MANUAL_GATE, ENTITY_OVERLAP,
        GROUPED_BY_ENTITY, REPEATED_ENTITY, FILINGS, PERCEPTUAL_INPUTS, ANY_AMOUNT, PEOPLE_ON_CAMERA, MATURED_ONLY,
    )
}
