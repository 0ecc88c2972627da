"""English function words the drafter reads roles by: prepositions, determiners, pronouns,
subordinators, transfer verbs, the nouns that stand for an actor, denial and irrealis words.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.folding import folded
from publisher.textlayer.arabic import fold
from publisher.textlayer.dates import MONTHS
from publisher.textlayer.relative import WEEKDAYS

# Prepositions that mark an actor's role in a clause (and those that mark time or place).
EN_ROLE_PREPOSITIONS = folded(
    "to",
    "for",
    "with",
    "from",
    "by",
    "of",
    "toward",
    "towards",
    "against",
    "alongside",
    "between",
    "among",
    "including",
    "into",
    "via",
    "through",
    "in",
    "at",
    "on",
    "inside",
    "within",
    "during",
    "after",
    "before",
    "since",
    "until",
    "over",
    "about",
    "behind",
    "like",
    "than",
    "under",
    "across",
    "throughout",
    "near",
    "outside",
    "as",
)
EN_PLACE_PREPOSITIONS = folded(
    "in", "at", "inside", "within", "throughout", "across", "near", "outside", "on"
)
EN_BE = folded("is", "are", "was", "were", "be", "been", "being", "am")
EN_HAVE = folded("has", "have", "had", "having")
EN_DETERMINERS = folded(
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "some",
    "most",
    "much",
    "many",
    "all",
    "both",
    "each",
    "several",
    "other",
    "new",
    "more",
)
# Words that open a clause of their own.
EN_SUBORDINATORS = folded(
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "while",
    "where",
    "because",
    "although",
    "though",
    "but",
    "whereas",
    "if",
    "unless",
    "since",
    "once",
    "so",
)
EN_RELATIVES = folded("which", "who", "whom", "whose", "that")
EN_COORDINATORS = folded("and", "or", "as well as", "along with", "together with", "nor")
# Personal pronouns that can stand for an actor, by number.
EN_PRONOUNS_SINGULAR = folded("it", "its", "he", "his", "him", "she", "her")
EN_PRONOUNS_PERSON = folded("he", "his", "him", "she", "her")
EN_PRONOUNS_PLURAL = folded("they", "their", "them")
# Definite descriptions that stand for an actor named before, with the actor types they fit.
EN_ANAPHORS: dict[str, frozenset[str]] = {
    fold(k): frozenset(v)
    for k, v in {
        "the group": ("organisation", "armed-wing", "collective"),
        "the movement": ("organisation",),
        "the organisation": ("organisation",),
        "the organization": ("organisation",),
        "the militia": ("organisation", "armed-wing"),
        "the party": ("organisation",),
        "the country": ("state",),
        "the state": ("state",),
        "the kingdom": ("state",),
        "the republic": ("state",),
        "the islamic republic": ("state",),
        "the regime": ("government-body", "state"),
        "the government": ("government-body", "state"),
        "the delegation": ("organisation", "state", "government-body", "collective"),
        "the agency": ("media", "government-body"),
        "the embassy": ("government-body",),
        "the ministry": ("government-body",),
        "the newspaper": ("media",),
        "the paper": ("media",),
        "the channel": ("media",),
        "the site": ("media",),
        "the axis": ("collective",),
        "the alliance": ("collective",),
        "the coalition": ("collective",),
        "these groups": ("collective",),
        "these organizations": ("collective",),
        "these organisations": ("collective",),
        "these militias": ("collective",),
        "these factions": ("collective",),
        "those groups": ("collective",),
    }.items()
}
# The offices a ministry is named by in news: "the foreign ministry", "the defence ministry".
EN_MINISTRY_OFFICES = folded(
    "foreign", "defence", "defense", "interior", "finance", "treasury", "economy", "justice"
)
# Nouns for people or bodies acting for an actor: "officials in Tehran", "Iranian advisors",
# "Hamas leaders", "a delegation of Hezbollah".
EN_AGENT_NOUNS = folded(
    "official",
    "officials",
    "authorities",
    "leader",
    "leaders",
    "leadership",
    "government",
    "governments",
    "delegation",
    "delegations",
    "representative",
    "representatives",
    "envoy",
    "envoys",
    "diplomats",
    "advisors",
    "advisers",
    "forces",
    "troops",
    "military",
    "army",
    "navy",
    "intelligence",
    "regime",
    "administration",
    "ministry",
    "spokesman",
    "spokesperson",
    "commanders",
    "members",
    "operatives",
    "militants",
    "fighters",
    "agents",
    "president",
    "minister",
    "state",
)
EN_GOVERNMENT_NOUNS = folded(
    "government",
    "governments",
    "authorities",
    "regime",
    "administration",
    "officials",
    "leaders",
    "leadership",
)
# Verbs that carry a noun cue to a recipient: "provided Hamas with funds", "sent weapons to".
EN_TRANSFER_VERBS = folded(
    "provide",
    "provides",
    "provided",
    "providing",
    "supply",
    "supplies",
    "supplied",
    "supplying",
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "send",
    "sends",
    "sent",
    "sending",
    "deliver",
    "delivers",
    "delivered",
    "delivering",
    "transfer",
    "transfers",
    "transferred",
    "transferring",
    "channel",
    "channels",
    "channelled",
    "channeled",
    "allocate",
    "allocated",
    "allocates",
    "grant",
    "granted",
    "grants",
    "offer",
    "offered",
    "offers",
    "extend",
    "extended",
    "extends",
    "equip",
    "equipped",
    "equips",
    "pay",
    "paid",
    "pays",
    "ship",
    "shipped",
    "smuggle",
    "smuggled",
    "smuggles",
    "smuggling",
    "ships",
    "shipping",
    "paying",
    "offering",
    "granting",
    "extending",
    "equipping",
    "channelling",
    "channeling",
    "funnel",
    "funnels",
    "funneled",
    "funnelled",
    "handed",
    "sell",
    "sells",
    "sold",
    "selling",
    "donate",
    "donates",
    "donated",
)
# Words of a time expression: a preposition before them governs the time, not the actor
# named after it ("In 2010 Iran funded ...", "For years Hezbollah received ...").
EN_TIME_WORDS = (
    folded("years", "year", "months", "month", "weeks", "week", "decades", "decade", "days")
    | {name for name in MONTHS if name.isascii()}  # the text layer's month names
    | {day for day in WEEKDAYS if day.isascii()}
)
# "Iranian-made drones": the state that made the weapons the sentence sends somewhere gives them.
EN_MAKING = folded("made", "built", "produced", "manufactured", "designed")
# Words that open the list of what a support consists of: "Iran's support to Hezbollah
# includes weapons, training and funding", "support such as arms", "in the form of funding".
EN_LISTING = folded("includes", "included", "include", "including", "as", "comprises", "form")
# Verbs of holding a view: "X considers Y a terrorist group" (X is the source), "Y is
# considered" (a hedge).
EN_CONSIDER = folded("consider", "considers", "considered", "regard", "regards", "regarded")
# "X rejected the claims": the previous claim, denied by X.
EN_DENIAL_OBJECTS = folded(
    "claim",
    "claims",
    "report",
    "reports",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "story",
)
EN_DENIAL_VERBS = folded(
    "denied",
    "denies",
    "deny",
    "rejected",
    "rejects",
    "reject",
    "dismissed",
    "dismisses",
    "dismiss",
    "refuted",
    "refutes",
    "disputed",
    "disputes",
)
# Words that introduce the purpose of money ("$50 million for weapons"): cues inside such a
# phrase name what the money is for, not another relation.
EN_PURPOSE = folded("for", "to buy", "to pay for", "to fund", "to finance")

# Words that put what follows out of the real: a difficulty, a possibility, a plan, a condition.
EN_IRREALIS = folded(
    "difficult",
    "difficulty",
    "impossible",
    "unable",
    "would",
    "could",
    "might",
    "if",
    "unless",
    "plans",
    "planned",
    "planning",
    "intends",
    "intended",
    "threatened",
    "threatens",
    "warned",  # "warned Iran against arming Hezbollah": not said to have happened
    "warns",
    "cautioned",
    "urged",
    "urges",
    "hypothetical",
)
