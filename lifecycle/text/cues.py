"""Words that change what a sentence commits to: negation, hedges and deferral.

- **Negation** (*no*, *not*, *never*, *without*, *n't*) denies the concept it governs. It
  governs a concept only when the words between them are fillers (articles, existence
  verbs, auxiliaries, a few adjectives: "we do **not** have a documented **rollback**"),
  so "**None** of the steps needs manual approval; rollback is one command" denies
  manual approval, not the rollback. "No more than", "not only", "no later than" are not
  negations.
- **Hedges** (*considered*, *instead of*, *rather than*, *would*, *previously*, *ruled
  out*) put a concept out of the plan: "we **considered** a random split but the data is
  time-ordered".
- **Deferral** says the decision or the work is not done: an owner "to be confirmed", a
  plan "pending agreement with" another team, "nothing planned for v1", "we will decide
  later", "out of scope for now", "TBD by Q3", "the platform team will look into it".
  Plans are written in the future tense, so "will" alone is not a deferral: only the
  future of deciding, finding out or agreeing is ("we will roll back within five minutes"
  is a plan).
- **Placeholders**: a whole answer that fills the box but says nothing ("none", "TBD",
  "n/a", "unknown", "?").
"""

from __future__ import annotations

import re

from .patterns import compile_phrases

# --- placeholders ----------------------------------------------------------------------------------

PLACEHOLDER = re.compile(
    r"^(?:none|no|nope|n/?a|na|nil|null|nothing|tbd|tbc|tba|t\.b\.d|todo|to-do|wip|unknown|not known|unclear|unsure"
    r"|don'?t know|do not know|no idea|not sure|\?+|-+|\.+|x+|\u2014|\u2013"
    r"|to be (?:defined|decided|determined|confirmed|done|agreed|discussed|clarified|written|added|completed|assigned)"
    r"|not (?:yet )?(?:planned|defined|decided|done|known|applicable|needed|required|available|started|assigned)"
    r"|none (?:yet|planned|so far|defined|identified)|no (?:plan|idea|owner|one|answer)(?: yet)?|nobody|no one|no-one"
    r"|later|pending|open|same as (?:above|before)|see above|as above|ask \w+|n\.a)"
    r"(?:\s+(?:yet|for now|at the moment|so far|planned|at this stage|at present|currently))?$",
    re.IGNORECASE,
)

# --- negation --------------------------------------------------------------------------------------

NEGATION = re.compile(
    r"(?<![\w-])(?:no|not|never|none|nothing|nobody|neither|nor|without|cannot|lacks?|lacking|absent"
    r"|(?:is|are|was|were|do|does|did|has|have|had|wo|would|could|should|ca|must|need)n[’']t|no\s+one|no-one"
    r"|un(?:able|tested|rehearsed|monitored|owned|assigned|measured|documented|versioned|tried|practi[cs]ed|defined"
    r"|planned|known|staffed|validated|checked|reviewed|logged))(?![\w-])",
    re.IGNORECASE,
)
# 'no more than 200 ms', 'not only', 'no later than': comparators and emphasis, not negations.
NOT_NEGATION = re.compile(
    r"(?<![\w-])(?:no|not)\s+(?:more|less|fewer|later|earlier|longer|higher|lower|greater|worse|better)\s+than"
    r"|(?<![\w-])not\s+(?:only|just|least|below|above|exceed\w*|over|under)\b|(?<![\w-])no\s+(?:doubt|matter)\b"
    r"|(?<![\w-])nothing\s+but\b|(?<![\w-])without\s+(?:delay|exception|waiting)\b|(?<![\w-])not\s+to\s+exceed\b",
    re.IGNORECASE,
)
# Words that may stand between a negation and the concept it denies.
FILLER = frozenset("""
a an the any such our their its this that these those some one single proper real clear formal documented defined
written explicit dedicated separate automatic automated tested working reliable usable fast quick simple full
is are was were be been being do does did have has had having exist exists existed there here yet currently still
plan plans planned need needs needed require requires required use uses used using offer offers provide provides
support supports keep keeps maintain maintains include includes included get got make made set up in place
way ways to for of process procedure mechanism means option ability possibility kind sort form step
will would can could shall should may might must
""".split())
MAX_NEGATION_GAP = 6
DETERMINER_NEGATION = frozenset({"no", "without", "lack", "lacks", "lacking", "absent"})
# Words that end the noun phrase a determiner negation opens ('no customer sees the rollback').
VERBISH = frozenset("""
and or but sees see is are was were has have can will would could should must needs need uses use gets get runs
run goes go takes take makes make shows show says say means mean
""".split())

# A concept followed by a denial: 'rollback is not possible', 'owner: none', 'bias testing is missing'.
POST_DENIAL = re.compile(
    r"^\W{0,3}(?:(?:is|are|was|were|has|have|had|will|would|can|could|does|do)\s+)?(?:(?:be|been|being)\s+)?"
    r"(?:(?:not|n[’']t|never)\s+(?:yet\s+|currently\s+|really\s+)?(?:be\s+|been\s+)?(?:planned|possible|needed|"
    r"required|defined|in\s+place|available|foreseen|designed|documented|set\s+up|implemented|supported|feasible|"
    r"decided|agreed|known|done|there|an\s+option|considered|covered|part\s+of|included|scoped|budgeted|"
    r"applicable|relevant|happening|built|provided|performed|carried\s+out)|(?:missing|absent|lacking|undefined|"
    r"unclear|unknown|undecided|unplanned|n/a|none|nil|tbd|tbc|out\s+of\s+scope))\b|^\s*[:=-]\s*(?:none|no|n/a|nil|"
    r"tbd|tbc|nothing|not\s+(?:planned|defined|needed))\b",
    re.IGNORECASE,
)

# --- hedges: the concept is mentioned but is not (or no longer) the plan ----------------------------

HEDGE_BEFORE = compile_phrases((
    "consider", "considered", "thought about", "think about", "thought of", "think of", "wondered about",
    "discuss", "discussed", "debated",
    "tried", "first tried", "experimented with", "toyed with", "briefly",
    "instead of", "rather than", "as opposed to", "in place of", "unlike",
    "avoid", "avoided", "rule out", "ruled out", "reject", "rejected", "decide against", "decided against",
    "refrain from", "replace", "replaced", "move away from", "moved away from", "drop", "dropped", "abandon",
    "abandoned", "retire", "retired",
    "would", "could", "might", "had we", "were we", "should we", "tempting", "temptation",
    "originally", "initially", "previously", "formerly", "earlier", "at first", "in the past", "used to",
    "the old", "the previous", "the legacy", "an old", "a previous", "prototype", "first draft", "earlier draft",
    "pilot used", "the baseline used", "the old model", "risk of", "danger of", "guard against", "protect against",
    "prevent", "prevents", "to avoid", "so as not to", "check for", "checks for", "test for", "tests for",
    "detect", "detects", "catch", "catches", "watch for", "look for", "alert on", "in case of", "in the event of",
    "is wrong", "mistake",
    # an offer or a proposal is not the plan: 'the platform team offered to port the transforms, but we kept one'
    "offered to", "offers to", "proposed to", "proposed", "suggested", "suggests", "pitched", "asked us to",
))
# Contrast that puts what follows out of the plan, wherever it stands before the concept in the sentence:
# "Unlike the coded diagnosis, which arrives days after discharge, ...".
CONTRAST_BEFORE = compile_phrases((
    "unlike", "in contrast to", "as opposed to", "instead of", "rather than", "compared with|to", "whereas",
))
# Later in the same sentence, words that reject what was mentioned: "..., but it overstated accuracy",
# "... and dropped it", "... which would be a second implementation".
CRITICISM_AFTER = compile_phrases((
    "overstate|overstated|inflate|inflated|flatter|flattered|leak|leaked|leaks", "over-optimistic|optimistic",
    "dropped|abandoned|replaced|rejected|discarded|scrapped|removed ~ it|this|that|them", "ruled it out",
    "was|were our|the first|initial|original try|attempt|approach|version|idea|draft|prototype",
    "first try|attempt", "early on", "no longer", "we stopped", "gave up", "moved away",
    "but|which|that it|this|that would_be|would_mean|would_give|would_leak|would_create|would_overstate",
    "would be a second|another|separate|different", "so we do|did not", "so we don't|didn't", "is not used",
    "are not used", "was not used", "is not what|how we", "not what we do", "as|for context", "context only",
    "not as the comparison", "not used for|in the comparison", "cost|costs|did|performed|scored more|worse",
    "were|was tried|tested ~ and", "we declined|refused|said_no|turned_it_down",
    "declined|refused|rejected ~ it|them|this|the_request", "without going back", "not counted|used|included",
    # 'logged only to audit the estimate, never used as a model input'
    "never|not used|read|fed|taken as|for ~ a|the model|an input|feature|features|inputs|training",
    "logged|kept|stored|used only to|for audit|auditing|check|checking|monitoring|compare|comparison",
    "but we kept|stayed_with|stuck_with|stick_with|stay_with|keep",
))
HEDGE_AFTER = re.compile(
    # an agent phrase may come between: 'tags added later by agents or macros are excluded'
    r"^\W{0,3}(?:(?:by|from|via|through)\s+(?:[\w-]+\s+){1,4}?)?"
    r"(?:(?:is|are|was|were|has|have|had|would|will|could)\s+)?(?:(?:been|be)\s+)?(?:not\s+)?"
    r"(?:would|could|might|was\s+(?:considered|rejected|dropped|replaced|tried)|were\s+(?:considered|rejected|dropped)"
    r"|considered|rejected|ruled\s+out|dropped|replaced|avoided|abandoned|discarded|leaks?|leaked|would\s+leak"
    # a short qualifier between: 'five-fold cross-validation stratified by clause type was considered, but …',
    # 'post-outage tags are left out'
    r"|(?:[\w-]+\s+){1,5}?(?:is|are|was|were)\s+(?:considered|rejected|ruled\s+out|dropped|discarded|abandoned"
    r"|left\s+out|excluded|not\s+used)\b"
    r"|excluded|left\s+out|removed|filtered\s+out|not\s+counted|ignored|taken\s+out"
    r"|overstates?|inflates?|is\s+(?:wrong|misleading|invalid|not\s+valid|inappropriate|unsuitable)"
    r"|is\s+not\s+(?:used|appropriate|suitable|valid|acceptable)|was\s+the\s+old|in\s+the\s+past|previously"
    r"|was\s+used\s+(?:before|previously|earlier|originally|in\s+the\s+(?:pilot|prototype))"
    r"|(?:is|are|was|were)\s+(?:not|never)\s+used"
    # 'a second implementation is the skew we want to avoid': the mention is what the plan steers clear of
    r"|(?:(?:is|are|was|were|would\s+be)\s+)?(?:exactly\s+|precisely\s+)?(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:(?:that|which|what)\s+)?(?:we|you|they|the\s+team)\s+(?:want|need|try|aim|wish|have|mean|intend)\s+"
    r"(?:to\s+)?(?:avoid|prevent|rule\s+out|stay\s+away\s+from|steer\s+clear\s+of|guard\s+against))\b",
    re.IGNORECASE,
)

# --- deferral --------------------------------------------------------------------------------------

DEFERRAL_PHRASES = (
    # placeholders inside a sentence
    "tbd=", "tbc=", "tba=", "t.b.d=", "t.b.c=", "todo=", "wip=", "to-do=",
    # 'to be confirmed', 'yet to be agreed', 'still to be decided'
    "to be confirm|decide|define|determine|agree|discuss|clarify|assign|name|nominate|schedule|settle|finalise|"
    "specify|announce|work_out|figure_out|sort_out|resolve|approve|done|written|set_up|identify|appoint|staff|hire|"
    "fund|arrange|organise|estimate|measure|investigate|explore|negotiate|drafted|determined|design|designed|"
    "plan|planned|calibrate|calibrated|set|draft",
    "yet to be", "has|have|is|are yet to",
    # pending / awaiting / depends
    "pending", "awaiting", "waiting for|on", "wait for|on", "subject to approval|agreement|confirmation|sign-off|"
    "signoff|budget|funding|availability|capacity",
    "depends|dependent|depending on ~ decision|agreement|approval|budget|funding|capacity|availability|hire|hiring|"
    "sign-off|headcount|prioritisation|roadmap",
    "once ~ is|are|has|have|gets|get ~ ready|available|in_place|agreed|approved|hired|staffed|funded|built|decided|"
    "signed|live|done|finished|onboarded|set_up|sorted|clear|prioritised|stood_up|up_and_running|in_operation",
    "whoever|whichever|anyone|somebody|someone ~~ is|happens_to_be around|available|free|in|on_shift",
    "whoever|whichever|anyone ~~ sees|notices|spots|gets_to|picks_up ~ it|them|the_alert ~ first",
    "still has|have|needs|need to agree|sign|approve|accept|confirm|sign_off|say_yes",
    "when|until ~ is|are|has|have ~ ready|agreed|approved|hired|staffed|funded|decided|signed|onboarded|sorted|"
    "prioritised|in_place",
    # a control that waits for the trial to prove itself: 'when the pilot has shown its value'
    "when|once|until|after ~ the|our pilot|trial|poc|proof-of-concept|prototype|mvp|experiment ~ has|have|is|are ~ "
    "shown|proven|proved|succeeded|worked|delivered|known",
    # future decision verbs
    "will|we'll|they'll|i'll|you'll|'ll|shall|going_to|plan_to|plans_to|intend_to|intends_to ~ work|sort|figure|iron|thrash|hammer ~ out",
    "will|we'll|they'll|i'll|you'll|'ll|shall|going_to|plan_to|plans_to|intend_to|intends_to|expect_to|expects_to|"
    "hope_to|hopes_to|aim_to|aims_to|promised_to|promise_to|promises_to ~ decide|"
    "determine|look_into|figure_out|work_out|sort_out|find_out|agree|come_back|revisit|think_about|discuss|"
    "pick|choose|assign|nominate|appoint|find_someone|find_an_owner|investigate|explore|clarify|confirm|settle|"
    "follow_up|get_back|check_with|align|propose|consider|define_later",
    "decide|defined|agreed|determined|clarified|sorted|worked_out|figured_out|discussed|added|done|handled|addressed|"
    "covered|tackled|looked_at|dealt_with|revisited|set_up|written|built|planned|designed|finalised|decided|"
    "assigned|named|picked|chosen|organised|arranged later|afterwards|down_the_line|down_the_road|in_due_course|"
    "at_a_later_date|at_a_later_stage|in_the_future|in_future|eventually|at_some_point",
    # 'in a later phase' defers; 'moved to phone screen or a later stage' names a step of the process
    "later phase|version|release|iteration|sprint|quarter|date|on",
    "later|sometime|some_time this|next|in_the spring|summer|autumn|fall|winter|year|month|week|quarter", "later stage ~ of|for the ~ project|rollout|work",
    "in|for|during|into a|the later|future|subsequent|follow-up|follow-on phase|stage|version|release|"
    "iteration|sprint|quarter|increment|milestone|round",
    "will|we'll|they'll|i'll|you'll|'ll|to_be|is_planned|are_planned|planned|scheduled|moved|pushed|postponed|"
    "deferred|left ~~ next phase|stage|version|release|iteration|sprint|quarter|year|month|round",
    "come back to", "deal with it later", "cross that bridge",
    "postpone|postponed|defer|deferred|parked|shelve|shelved|deprioritise|deprioritised|backlogged",
    "on hold|ice", "back burner", "in|on|into the backlog",
    "is|are|sits|stays|goes ~ on the|our|a list|roadmap|to-do_list|todo_list|wish_list|radar ~ for",
    # the control arrives with some future piece of work: 'will be added when the new integration lands'
    "will|'ll|to_be|would_be|are_to_be|is_to_be|gets|get ~ be|being ~ added|introduced|enabled|implemented|built|"
    "switched_on|turned_on|put_in_place|set_up|wired_in|integrated|rolled_out ~~ when|once|after ~~ lands|land|"
    "ships|ship|is_ready|are_ready|goes_live|go_live|is_delivered|is_finished|is_done|new|future|upcoming|next",
    "will|'ll be|get added|introduced|enabled|implemented|built|switched_on|turned_on|put_in_place|set_up|wired_in|"
    "integrated|rolled_out ~~ when|once|after ~~ lands|land|ships|ship|is_ready|are_ready|goes_live|go_live|"
    "is_delivered|is_finished|is_done|new|future|upcoming|next",
    "for|during|until ~ production hardening|hardening|productionisation|productionization|the_production_phase",
    # not yet / nothing yet
    "not|n't ~ yet", "@(?:n['’]t|not)\\s+(?:[^\\s.;:!?,]+\\s+){0,6}?yet(?=\\s*(?:[.;:!?,)\u2014\u2013-]|$))",
    "not|n't currently|presently ~ planned|defined|decided|agreed|known|in_place|set_up|available|"
    "assigned|scheduled|implemented|built|done|clear|covered|staffed|owned",
    "no|nothing|none ~ yet", "no ~ so far", "no ~ at_the_moment|at_present|currently|for_now|for_the_time_being",
    "nothing planned|decided|defined|agreed|arranged|scheduled|foreseen|specific|concrete|organised",
    "nothing in place",
    "not planned|decided|defined|agreed|designed|arranged|scheduled|assigned|staffed|specified|finalised|settled",
    "for now", "for the time being", "for the moment",
    "out_of_scope|outside_the_scope|not_in_scope|descoped|de-scoped ~ for_now|for_v1|for_version_1|for_the_first|"
    "for_this_phase|for_this_release|initially|at_this_stage|for_the_pilot|for_the_mvp|for_launch|for_the_moment",
    "not for|in v1=|version_1|the_first_release|the_mvp|the_pilot|launch",
    "for|in v1=|version_1|the_mvp|the_pilot|the_first_release ~ nothing|none|no|skip|skipped",
    "open question|item|issue|point|action|topic", "unresolved", "outstanding question|item|issue|point|action",
    "under discussion|review|consideration|investigation|evaluation|negotiation|debate",
    "being discussed|negotiated|worked_out|defined|decided|agreed|figured_out|looked_into|investigated|clarified",
    "still unclear|undecided|unknown|tbd|under_discussion|in_discussion|being_discussed|to_be_decided",
    "still open ~ question|questions|issue|issues|point|points|item|items",
    "not_sure|unsure|unclear|unknown|undecided|uncertain ~ yet|who|how|whether|when|which",
    "we'll|we_will see", "time will tell", "if time|budget allows|permits", "if there is time|budget|capacity",
    "best effort", "when we get to it",
    "someone|somebody|whoever|a_person|an_owner ~ will|should|must|needs_to|to_be ~ own|look|handle|decide|pick|"
    "take|cover|be_assigned|be_named|be_found|be_nominated",
    "someone|somebody|a_person from",
    "owner ~ to_be|will_be|is_being|tbd|tbc",
    "will|we'll|they'll|i'll|you'll|'ll|would ~ look_into|handle|own|take_care_of ~ it|this|that", "take care of it|this",
    "by|before|in|during|until|after|for q1|q2|q3|q4|h1|h2",
    # work or decisions still in progress, or left to someone else
    "is|are|being writing|drafting|defining|designing|preparing|redesigning|reviewing|negotiating|working_on|"
    "setting_up|sorting_out|figuring_out|working_out|confirming|checking|clarifying|finding_out|looking_into|"
    "investigating|assessing|establishing",
    "being redesigned|rewritten|reviewed|prepared|drafted|set_up|sorted|sorted_out|worked_out|negotiated|finalised|"
    "settled|arranged|organised",
    "will|we'll|they'll|i'll|you'll|'ll|shall be defined|agreed|decided|worked_out|sorted_out|settled|finalised|nominated|appointed|confirmed|"
    "negotiated|determined|clarified|discussed|established|assigned|arranged|designed|documented|drafted|"
    "written_up|written_into|put_in_place|introduced_later|set_later|scoped|specified|worked_up|fleshed_out",
    "will|we'll|they'll|i'll|you'll|'ll|would ~ adopt whatever", "whatever the new|final process|procedure|rule|rules",
    "will|we'll|they'll|i'll|you'll|'ll|we'd|plan_to|intend_to|expect_to|hope_to|aim_to|want_to ~~ tighten|fix|add|sort|set_up|put_in_place|"
    "improve|introduce|implement|complete|finish|address|pseudonymise|pseudonymize|anonymise|anonymize|redact|"
    "weigh_in|chime_in|advise|"
    "assess|evaluate|measure|check|review|revisit|look_at|automate|formalise|document ~~ after|once|later|"
    "eventually|closer_to|ahead_of|before_go-live|before_launch|before_we|in_q1|in_q2|in_q3|in_q4|next_year|"
    "next_quarter|later_in_the_year|in_the_new_year|when_we|if_we|when_there",
    "expect|hope|aim|plan|intend ~ to ~~ later|eventually|next_year|later_in_the_year",
    "have|has|we've|we ~ asked ~~ what|who|how|whether|when|which|for_a_view|for_advice|for_input",
    "until ~ comes|come through|is_approved|is_signed|arrives|is_done|lands",
    "queued|stuck|waiting behind", "have|has not been settled|decided|agreed|defined|set_up|sorted|confirmed|"
    "assigned|approved|signed|done|completed",
    "hasn't|haven't been settled|decided|agreed|defined|set_up|sorted|confirmed|assigned|approved|done",
    "not settled|agreed|confirmed|approved|signed_off yet", "still to be", "yet to be",
    "once|when|if they|it|he|she|the_team ~ agree|agrees|accept|accepts|sign_off|signs_off|take_it_on|takes_it_on|"
    "have_capacity|has_capacity",
    "once|until|after|when we have|get|collect|see|gather ~~ data|months|weeks|production|live|more|a_few|enough|"
    "experience",
    "may|might|could|will come later|follow|be_added_later",
    "@^(?:after|post)\\s+(?:the\\s+)?(?:pilot|launch|go-live|rollout|first\\s+release|mvp)\\b",
    "planned|scheduled|foreseen ~ after|post|later launch|go-live|"
    "the_pilot|the_first_release|v1",
    "not looked at|into|considered|done|checked|reviewed|analysed|measured|set_up yet",
    "when|if|whenever|once ~~ has|have|gets|get|there_is ~ capacity|bandwidth|time|a_free_sprint|resourcing|room|"
    "headroom|spare_time|spare_capacity", "capacity|bandwidth|resourcing|time|budget|headroom allows|permits",
    "when|whenever|if|once ~~ someone|somebody|the_team|anyone ~~ has ~ time|capacity|a_free_sprint|bandwidth|"
    "a_moment|the_chance",
    "when|if the roadmap|queue|backlog|workload|schedule allows|permits", "if resourcing|staffing|funding permits|"
    "allows", "when we get round|around to", "get round|around to it",
    "if|when|once ~~ complaints|complaint|concern|concerns|issues|someone|anyone|users|planners|customers|staff ~~ "
    "come_in|comes_in|complain|complains|raise|raises|is_raised|are_raised|report|reports|arise|arises|flag|flags",
    "to be looked at", "no fixed level|threshold|limit|rule|owner|process yet",
    # decided in the moment rather than in the plan
    "depends|depending on the|each situation|circumstances|case|day|incident",
    "decide|decides|will_decide|judge|judges|choose|chooses|call|calls ~~ on_the_day|at_the_time|when_it_happens|"
    "case_by_case|case-by-case|as_needed|ad_hoc|in_the_moment|on_the_spot",
    "case by case", "case-by-case",
    # a plan waiting for a structure that does not exist yet: 'once the roster is worked out'
    "once|until|when|after ~ the|a|our ~~ is|are|has_been|have_been worked_out|sorted_out|sorted|agreed|finalised|"
    "finalized|decided|set_up|in_place|defined|confirmed|ready|signed_off|staffed|hired",
    # work that waits for the data to reveal a problem first: 'done if the appeal numbers point to a problem'
    "if|when|once|should|until ~~ show|shows|suggest|suggests|indicate|indicates|point_to|points_to|reveal|reveals ~~ "
    "a|any|there_is_a|whether_there_is_a|there_is_any problem|problems|issue|issues|need",
    "if|when|once ~~ volume|volumes|data|numbers|sample_sizes|time|budget|traffic ~ allow|allows|permit|permits",
    "later ~ if|when|once", "will|we'll|they'll|'ll ~~ set|define|agree|choose|pick|fix ~~ after|once|later|when",
    "is|are|has_been planned|scheduled ~~ but|not|has_not|hasn't|later|after", "not|n't yet happened|done",
    "has not|hasn't|have_not|haven't happened|taken_place|been_done",
    "we'll|we_will|will|they'll ~ look_at|review|check|assess|revisit|investigate ~~ if|when|once",
    "if|when|once ~~ raise|raises|raised ~ a|any concern|concerns|issue|issues|complaint|complaints|question|questions", "n/a for v1", "not for v1",
    "for v1 ~ nothing|none|only|n/a|not", "after the pilot|launch|go-live ~~ we|we'll|we_will|team|they",

    "by the end of ~ month|quarter|year|sprint|phase",
    # it arrives with someone else's delivery: 'comes with the vendor's acceptance package, due before go-live'
    "due|expected|promised|scheduled ~ before|by|with|for ~ go-live|golive|launch|release|cutover|handover|"
    "acceptance",
    "comes|come|arrives|arrive|will_come|is_coming ~ with|in ~~ package|delivery|handover|release|contract|drop",
    "once|after|when we have|we've|we ~ seen|received|got|reviewed|read ~ theirs|their|it|the",
    "when the time comes", "when it comes to it", "in good time",
    # waiting for a problem to show itself: 'we will act if a group stands out', 'respond should any group appear'
    "act|acts|respond|responds|react|reacts|intervene|intervenes|step_in|look_into_it ~ if|should|when|whenever ~ "
    "any|a|one|some group|groups|pattern|patterns|disparity|disparities|bias|unfairness ~~ stands_out|stand_out|"
    "appear|appears|emerge|emerges|shows_up|show_up|seem|seems|turn_out|turns_out|look|looks",
    "once|when|until the first|initial ~~ is|are in|available|back",  # 'once the first quarter of appeals is in'
    "eventually|later|maybe|perhaps|probably ~ in|for v2|v3|version_2|the_next_release|a_later_release|phase_2",
    "intend|intends|intended|plan|plans|planned|aim|aims|expect|expects ~ to ~ undertake|conduct|carry_out|run|do|"
    "perform|commission ~~ after|once|when|later|following|at_the_end_of|in_the_new_year|next_year",
    "to weigh|chime in|advise|comment|look ~~ down_the_road|down_the_line|later|eventually|in_due_course|at_some_point",
    "will|'ll|to do|carry_out|conduct|complete|write ~ the|a|an|its ~ dpia|assessment|impact_assessment|review|audit|"
    "analysis|evaluation ~~ after|once|later|when|following",
    "would|will ~ confer|meet|convene ~~ and|to ~ decide|agree|determine|choose",
    "will|'ll|shall be written|prepared|produced|created|compiled|put_together ~~ in|during|after|once|when|with|by",
    "in progress", "work in progress", "draft only", "to follow", "will follow", "follows later",
    "not decided", "undecided", "unassigned", "unowned", "no decision",
)
DEFERRAL = compile_phrases(DEFERRAL_PHRASES)


# Participles that make 'the <things> not yet <participle>' work left undone ('owners not yet named', 'rollback not
# yet rehearsed'); any other participle describes the things by their state ('the spans not yet visited'). Broader
# than the verbs of the 'to be confirmed' deferral: 'to be tested' names a planned step, 'not yet tested' an undone one.
_WORK_LEFT_UNDONE = (
    "agreed", "named", "decided", "defined", "assigned", "confirmed", "planned", "scheduled", "designed",
    "implemented", "built", "wired", "staffed", "funded", "approved", "specified", "finalised", "finalized", "chosen",
    "picked", "appointed", "written", "documented", "tested", "rehearsed", "measured", "estimated", "hired", "owned",
    "covered", "started", "arranged", "organised", "organized", "settled", "resolved", "clarified", "determined",
    "discussed", "automated", "configured", "deployed", "installed", "enabled", "integrated", "trained", "validated",
    "evaluated", "reviewed", "signed", "identified", "selected", "set",
)

NOT_DEFERRAL = compile_phrases((
    "once a|an|per|every|each day|week|month|quarter|year|night|hour|run|release|sprint",
    "once ~ outcome|label|labels|case|ticket|loan|claim|order|visit|call|transaction ~ is|are|has|have ~ "
    "closed|resolved|known|settled|matured|observed|recorded|confirmed|paid",
    "pending cases|claims|tickets|orders|applications|items|transactions|payments|outcomes|labels|reviews|requests",
    "awaiting outcome|outcomes|label|labels|review|reviews", "wait|waits|waiting for the outcome|label|labels",
    "until the outcome|label|case|loan|claim|ticket",
    "when|until the outcome|label|case|ticket|loan|claim|order|prediction|score|model|alert|signal|threshold|drift",
    "later data|months|weeks|days|examples|records|periods|period|cohorts|test|quarters|years|batches|snapshots",
    # a result, not a promise: 'should a contract come back with no clause scored'
    r"@\b(?:come|comes|came|coming)\s+back\s+with(?:out)?\b[^.;:]*",
    # items described by their state, not work put off: 'the spans not yet visited' (but 'owners not yet named')
    r"@(?<![\w'])(?!(?:is|was|has|does|this|its|us|process|status)\b)[a-z]{2,}s\s+not\s+yet\s+(?!(?:"
    + "|".join(_WORK_LEFT_UNDONE) + r")\b)[a-z]+ed\b",
    "next day|week|month|morning|run|batch|business_day|working_day|monday|tuesday|wednesday|thursday|friday",
    "next to", "for now and", "will look at the last|latest|most_recent",
    # nothing is waiting on anyone: 'this switch needs no decision of the committee', 'no approval is required'
    "need|needs|needed|require|requires|required|involve|involves|take|takes|wait|waits_for ~ no decision|approval|"
    "sign-off|agreement|go-ahead ~~",
    "no decision|approval|sign-off|agreement ~~ is|are|was|be needed|required|necessary",
    # outcomes not known yet are a fact about the data, not work put off: 'last week's offers have no outcome yet'
    "no outcome|outcomes|label|labels|result|results ~ yet",
    # cases held back for the next scheduled run: 'contracts still in negotiation wait for the following run'
    "wait|waits|waiting for the following|next run|retrain|retraining|refit|release|cycle|round",
))

# --- history: a value about the past, fixed before the prediction --------------------------------

HISTORY = compile_phrases((
    "previous", "prior", "past", "historical", "historic", "history of", "earlier", "preceding", "lagged",
    "yesterday", "yesterday's", "the day|week|month before", "a day|week|month earlier",
    "before|until|preceding the|each|every|this|that|its|their|the_current prediction|application|decision|scoring|"
    "score|request|order|ticket|call|visit|"
    "claim|transaction|snapshot|cut-off|cutoff|cut_off|reference_date|as-of_date|session|purchase|renewal|booking|"
    "admission|moment",
    "up to the|each prediction|application|decision|scoring|request|snapshot|cut-off|cutoff|reference_date",
    "in|over|during|within|for the last|past|previous|preceding|trailing # day|week|month|year|quarter|hour",
    "last # day|week|month|year|quarter|hour", "trailing", "rolling # day|week|month|year",
    # 'over the last four VAT quarters', 'received before the selection date'
    "last|past|previous|preceding # ~ day|week|month|year|quarter|period|round|season",
    "before|until|prior_to|up_to the ~ date|day|cut-off|cutoff|deadline",
    "@\\d+\\s*(?:d|m|w|y|h|day|days|month|months)", "to date", "ever",
    "as of the prediction|scoring|application|request|decision|snapshot|cut-off|cutoff|reference",
    "at the time of the prediction|scoring|application|request|decision|order|call|booking|admission|snapshot",
    "at prediction|scoring|request|application|decision|serving|inference time",
    "at the moment|point|time of|when|the_prediction", "when the prediction|score|list|request is made|built|computed",
    "at scoring", "at checkout|booking|admission|login|order_time|creation", "at ticket|claim|order|case creation",
    "when the ticket|claim|order|case|application|request is|was|gets|got|has_been created|opened|submitted|placed|"
    "filed|lodged|raised|received",
    "point-in-time", "snapshot at|taken_at|of_the_prediction",
    "frozen at", "captured at|when_the_prediction|when_scoring", "known|available at prediction|scoring|the_time",
    "tenure", "lifetime", "since signup|joining|account_opening|onboarding",
))


def history_qualified(text: str) -> bool:
    """The text says its value is about the time before the prediction ('previous', 'in the 12 months before')."""
    return bool(text.strip()) and bool(HISTORY.search(text))


# Words that say the plan keeps something out, for reason clauses ('..., because ...').
AVOIDANCE = re.compile(r"\b(?:exclud\w*|instead|rather|avoid\w*|drop(?:ped|s)?|left\s+out|leave\s+out|removed?|only)\b",
                       re.IGNORECASE)


# --- reference to what the sentence before said: 'we put this at 120 SEK' ------------------------------------------

# 'This costs', 'we put this at', 'such an error': not a relative 'that' ('a chat that a bot would close')
_REFERS_BACK = re.compile(
    r"(?:^\s*|\b(?:put|puts|estimate|estimates|estimated|value|values|valued|price|prices|priced|cost|costs|count|"
    r"counts|reckon|set|sets)\s+)(?:this|that|it)\b|\bsuch\s+an?\s+(?:error|case|mistake|miss)\b",
    re.IGNORECASE)


def refers_back(text: str) -> bool:
    """The words point back at what the sentence before named ('This costs…', 'we put this at…', 'such an
    error'), not a relative clause ('a chat that a bot would close')."""
    return bool(_REFERS_BACK.search(text))
