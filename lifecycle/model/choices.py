"""Closed answers used by the phase forms. Stored values are stable; labels may be reworded."""

from __future__ import annotations

from .fields import Choice


class GateDecision(Choice):
    GO = "go", "Go: move to the next phase"
    REVISE = "revise", "Revise: rework this phase first"
    STOP = "stop", "Stop: do not pursue"


class DeliverableStatus(Choice):
    NOT_STARTED = "not_started", "Not started"
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    SIGNED_OFF = "signed_off", "Signed off"


class MLTask(Choice):
    BINARY_CLASSIFICATION = "binary_classification", "Binary classification"
    MULTICLASS_CLASSIFICATION = "multiclass_classification", "Multi-class classification"
    REGRESSION = "regression", "Regression"
    RANKING = "ranking", "Ranking"
    RECOMMENDATION = "recommendation", "Recommendation"
    FORECASTING = "forecasting", "Time-series forecasting"
    ANOMALY_DETECTION = "anomaly_detection", "Anomaly detection"
    CLUSTERING = "clustering", "Clustering / segmentation"
    OTHER = "other", "Other"


class LabelType(Choice):
    DIRECT = "direct", "Direct: an observed action the system caused (click, purchase, default)"
    INDIRECT = "indirect", "Indirect: a downstream effect (next-week visit, satisfaction)"
    LATENT = "latent", "Latent: not directly measurable"
    NONE = "none", "No labels"


class DataAvailability(Choice):
    AVAILABLE = "available", "Yes, enough labelled history"
    PARTIAL = "partial", "Some, but thin or biased"
    NONE = "none", "No labelled data yet"


class MetricStatus(Choice):
    PROPOSED = "proposed", "Proposed"
    AGREED = "agreed", "Agreed by the team"
    SIGNED_OFF = "signed_off", "Signed off by the business owner"


class MetricLogging(Choice):
    LOGGED = "logged", "Already logged"
    TO_BUILD = "to_build", "Logging to be built"
    NONE = "none", "Not measured"


class HeuristicDisposition(Choice):
    PRE_FILTER = "pre_filter", "Keep as a pre-filter"
    FEATURE = "feature", "Turn into a feature"
    RAW_INPUTS = "raw_inputs", "Use its raw inputs as features"
    LABEL = "label", "Use it to modify the label"
    RETIRE = "retire", "Retire it"
    LABEL_SOURCE = "label_source", "Its output is used as the label"
    UNDECIDED = "undecided", "Undecided"


class SourceKind(Choice):
    INTERNAL = "internal", "Internal system"
    THIRD_PARTY = "third_party", "Third party / paid"
    PUBLIC = "public", "Public / open"
    USER_GENERATED = "user_generated", "Collected from users"


class Refresh(Choice):
    STREAMING = "streaming", "Streaming / real time"
    HOURLY = "hourly", "Hourly"
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    ONE_OFF = "one_off", "One-off extract"


class FeatureOrigin(Choice):
    OBSERVED = "observed", "Observed / reported"
    LEARNED = "learned", "Learned (embedding, cluster, other model)"
    EXTERNAL = "external", "Output of an external system"


class Sensitivity(Choice):
    NONE = "none", "Not sensitive"
    PROTECTED = "protected", "Protected attribute"
    PROXY = "proxy", "Possible proxy for a protected attribute"


class FeatureLogging(Choice):
    ALL = "all", "All served features are logged"
    SAMPLE = "sample", "A sample of served features is logged"
    NONE = "none", "Served features are not logged"


class Sampling(Choice):
    NONE = "none", "No sampling: all data is used"
    WEIGHTED = "weighted", "Sampled, with importance weights kept"
    UNWEIGHTED = "unweighted", "Sampled, without weights"
    TRUNCATED = "truncated", "Truncated / arbitrary cut-off"


class JoinMitigation(Choice):
    NO_JOINS = "no_joins", "No features come from joined tables"
    SNAPSHOT = "snapshot", "Point-in-time snapshots of joined tables"
    SERVING_LOG = "serving_log", "Joined values are logged at serving time"
    NONE = "none", "Nothing: tables are joined as they are at training time"


class DataVersioning(Choice):
    NONE = "none", "Not versioned"
    SNAPSHOT = "snapshot", "Snapshot taken at training time"
    WITH_CODE = "with_code", "Data and code versioned together"
    TOOL = "tool", "Dedicated data-versioning system"


class ModelFamily(Choice):
    RULES = "rules", "Rules / heuristic"
    LINEAR = "linear", "Linear or logistic regression"
    GLM = "glm", "Other generalised linear model (e.g. Poisson)"
    TREE = "tree", "Single decision tree"
    TREE_ENSEMBLE = "tree_ensemble", "Tree ensemble (random forest, gradient boosting)"
    MATRIX_FACTORISATION = "matrix_factorisation", "Matrix factorisation / co-occurrence"
    NEURAL_NETWORK = "neural_network", "Neural network"
    ENSEMBLE = "ensemble", "Ensemble of several models"
    OTHER = "other", "Other"


class SplitStrategy(Choice):
    RANDOM = "random", "Random split"
    TEMPORAL = "temporal", "Temporal: test data after the training cut-off"
    GROUPED = "grouped", "Grouped by entity (no entity in both sets)"
    TEMPORAL_GROUPED = "temporal_grouped", "Temporal and grouped"


class SelectionBasis(Choice):
    DECISION_METRIC = "decision_metric", "A metric of the decision it drives (precision at threshold, ranking quality, cost)"
    LOSS_OR_ACCURACY = "loss_or_accuracy", "Loss, log-loss or plain accuracy"


class HumanEvaluation(Choice):
    INTERNAL_TEAM = "internal_team", "Internal team review"
    CROWD_RATERS = "crowd_raters", "External or crowd raters"
    LIVE_EXPERIMENT = "live_experiment", "Live A/B experiment"
    USABILITY_TEST = "usability_test", "Usability test with real users"


class PositionBias(Choice):
    SERVING_DEFAULT = "serving_default", "Position is a training feature with a fixed serving default"
    OTHER = "other", "Handled another way"
    NONE = "none", "Not handled"


class ServingMode(Choice):
    BATCH = "batch", "Batch: predictions precomputed on a schedule"
    ONLINE = "online", "Online: request/response at prediction time"
    STREAMING = "streaming", "Streaming: on events as they arrive"
    EDGE = "edge", "On device / at the edge"


class RolloutStrategy(Choice):
    ALL_AT_ONCE = "all_at_once", "All at once"
    SHADOW = "shadow", "Shadow first (no user impact), then switch"
    CANARY = "canary", "Canary: a small share of traffic first"
    BLUE_GREEN = "blue_green", "Blue/green switch"
    AB_TEST = "ab_test", "A/B test against the current system"
    PHASED = "phased", "Phased by region or segment"


class InfraTest(Choice):
    FEATURES_POPULATED = "features_populated", "Feature columns are populated as expected"
    SAME_SCORE = "same_score", "Training and serving give the same score for the same example"
    MODEL_LOADS = "model_loads", "A fixed model loads and serves in the serving stack"
    PIPELINE_INTEGRATION = "pipeline_integration", "The full pipeline is integration-tested"
    MODEL_CODE_UNIT = "model_code_unit", "Model specification code is unit-tested"


class SignalKind(Choice):
    DATA_DRIFT = "data_drift", "Data drift (input distributions)"
    CONCEPT_DRIFT = "concept_drift", "Concept drift (input-outcome relation)"
    PREDICTION_QUALITY = "prediction_quality", "Prediction quality against outcomes"
    PREDICTION_DISTRIBUTION = "prediction_distribution", "Prediction distribution / bias"
    FEATURE_COVERAGE = "feature_coverage", "Feature coverage / missing values"
    FRESHNESS = "freshness", "Data or table freshness"
    TRAINING_SERVING_SKEW = "training_serving_skew", "Training/serving skew (train vs holdout vs live)"
    FAIRNESS = "fairness", "Fairness across groups"
    LATENCY = "latency", "Latency / throughput"
    RESOURCES = "resources", "CPU / memory / cost"
    BUSINESS_KPI = "business_kpi", "Business KPI"
    DEPENDENCY_CHANGE = "dependency_change", "Upstream dependency change"


class AlertAction(Choice):
    PAGE = "page", "Page the on-call owner"
    TICKET = "ticket", "Open a ticket"
    RETRAIN = "retrain", "Trigger retraining"
    ROLLBACK = "rollback", "Roll back to the previous model"
    HUMAN_REVIEW = "human_review", "Send to human review"
    DASHBOARD = "dashboard", "Dashboard only"


class RetrainingTrigger(Choice):
    NONE = "none", "No retraining planned"
    AD_HOC = "ad_hoc", "Ad hoc, when someone decides"
    SCHEDULE = "schedule", "On a schedule"
    NEW_DATA = "new_data", "When enough new labelled data arrives"
    PERFORMANCE = "performance", "When monitored performance degrades"
    DRIFT = "drift", "When a drift signal fires"


class BaselineKind(Choice):
    HEURISTIC = "heuristic", "An existing rule or heuristic"
    MANUAL_PROCESS = "manual_process", "Today's manual process"
    PREVIOUS_MODEL = "previous_model", "The model in production today"
    TRIVIAL = "trivial", "A trivial predictor (majority class, popularity, last value)"
    NOT_APPLICABLE = "not_applicable", "Not applicable: no baseline"


class ValueTiming(Choice):
    BEFORE_PREDICTION = "before_prediction", "Fixed before the prediction moment"
    AT_PREDICTION = "at_prediction", "Computed at the prediction moment from data available then"
    AFTER_PREDICTION = "after_prediction", "Filled in or updated after the prediction"
    UNKNOWN = "unknown", "Not sure"


class Comparator(Choice):
    GE = "ge", "≥ at least"
    GT = "gt", "> more than"
    LE = "le", "≤ at most"
    LT = "lt", "< less than"


class RollbackMechanism(Choice):
    PREVIOUS_VERSION = "previous_version", "Redeploy the previous model version"
    TRAFFIC_SWITCH = "traffic_switch", "Switch traffic back (blue/green)"
    FEATURE_FLAG = "feature_flag", "Turn the model off with a flag and fall back to the rule"
    REGISTRY_ALIAS = "registry_alias", "Move the registry alias back to the previous version"
    RETRAIN = "retrain", "Retrain and redeploy"
    NONE = "none", "No rollback"
