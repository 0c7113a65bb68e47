"""English organisations told by structure and by their words' class.

- A firm's or brand's name standing alone ("Siemens", "Nokia"), as the English word clusters know it
  (class ``company`` in ``data/name_classes_en.tsv``); beside another capitalised word it is part of a
  longer name ("Disney Channel") that the name rules read as a whole, and after a title it is a person's
  surname ("Mr Dillard"). Firms whose name is a common word in lower case are told by cues instead
  ("X's headquarters", "posted a video to X").
- Where a name runs: "and" and a common word after its linked words ("Union of Dentists and Hygienists"),
  hyphenated compounds, "and"-joined common words and a genitive before its cue word ("Save-A-Tree
  Foundation", "Arts and Crafts Council", "Sheriff's Office"); a person's name glued after a place
  inside a run is cut off; a country's adjective before a state body with "of" says whose body it is.
- What is no organisation: event and award names ("Kite Festival", "Quillon Prize"), and a body named
  after its building after a preposition of place ("to the White House": the place).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.english_rules import FACILITY_WORDS, PLACE_PREPOSITIONS, STATE_BODY_WORDS
from pipelines.components.names import TITLES, free_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest, covered, glued_hyphen, glued_to_next, glued_to_previous
from pipelines.keys import entity_id
from pipelines.knowledge.countries import country_adjectives, country_label, country_names
from pipelines.knowledge.people import english_name_classes, given_names, is_english_word, role_for_word
from pipelines.knowledge.places import place_names_for

# Words after which a company word is a person's surname ("Mr Dillard") or a place ("in Hollister").
NOT_BEFORE = TITLES | {"in", "near"}
COMPANY_WORDS = WordTest(lambda word: english_name_classes().get(word) == "company")


def company_names(tokens: Tokens, taken: set[int]) -> list[Candidate]:
    """An organisation for each company word on a free token (not in ``taken``) that stands alone."""
    return [
        rule_candidate(tokens, i, i + 1, "organization", {})
        for i in tokens.where(COMPANY_WORDS)
        if i not in taken and _alone(tokens, i, taken)
    ]


def _alone(tokens: Tokens, i: int, taken: set[int]) -> bool:
    """Token ``i`` has no capitalised name word nor an entity beside it, is glued by no hyphen to a word
    ("Sony-Quillon" is one name), and no title or preposition of place stands before it ("in Hollister")."""
    before, after = i - 1, i + 1
    return (
        not _beside(tokens, before, taken) and not _beside(tokens, after, taken)
        and not glued_to_next(tokens, i) and not glued_to_previous(tokens, i)
        and not (before >= 0 and tokens.words[before] in NOT_BEFORE)
    )


def _beside(tokens: Tokens, i: int, taken: set[int]) -> bool:
    """Token ``i`` is a capitalised name word or part of an entity (a longer name goes on there)."""
    return 0 <= i < len(tokens) and (i in taken or free_name_word(tokens, i, set()))


# Words that join two parts inside an organisation's name ("Botany and Zoology", "Arts & Crafts").
JOINING = frozenset({"and", "&"})
# Words that head an organisation's name only when a link word and a name follow ("Centre for Disease
# Control", "Center for Strategic Studies"); alone they end a place's name ("Shopping Centre").
LINKED_HEADS = WordTest({"Centre", "Center"}.__contains__)
GENITIVES = frozenset({"'s", "’s"})
PEOPLE_GROUPS = frozenset("People Children Women Men Workers Veterans Farmers Citizens Students Teachers Nurses".split())
PERSON_TAIL_WORDS = 2  # a given name and a family name
MAX_HEAD_WORDS = 3  # capitalised words before an organisation's cue word ("Royal Ballet School")


def _common_name_word(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a free capitalised common English word ("Zoology", "Drama")."""
    return 0 <= i < len(tokens) and free_name_word(tokens, i, blocked) and is_english_word(tokens.words[i])


def _joinable(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a free capitalised word that names no entity of its own: a common English word
    ("Zoology") or a word no lexicon knows ("Hygienists"), not a given name, a company, a place or a
    country."""
    if not (0 <= i < len(tokens) and free_name_word(tokens, i, blocked)):
        return False
    word = tokens.words[i]
    return is_english_word(word) or not (
        english_name_classes().get(word) or word in given_names("en") or word in place_names_for("en") or word in country_names("en")
    )


def _served_group(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a free role word or a group of people, whom a body in the genitive serves
    ("Sheriff", "King", "People", "Women"); not another body ("Quillon Institute's Center")."""
    word = tokens.words[i]
    return i not in blocked and (word in PEOPLE_GROUPS or role_for_word(word, "en") is not None)


def joined_end(tokens: Tokens, end: int, blocked: set[int]) -> int:
    """The end of an organisation's name that ends at ``end`` after a link word ("Union of Dentists"),
    taking a last common word joined by "and" ("… and Hygienists"), which names what the body
    covers; another name after "and" is another entity ("Bank of England and Barclays")."""
    if end < len(tokens) and tokens.words[end] in JOINING and _joinable(tokens, end + 1, blocked):
        return end if free_name_word(tokens, end + 2, blocked) else end + 2
    return end


def _foreign_article(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a free capitalised word that the German stop words hold but the English ones do not,
    an article opening a name in English text ("Los" of "Los Angeles", "Die" of "Die Linke")."""
    word = tokens.words[i]
    lower = word.lower()
    return i not in blocked and word.istitle() and lower in DE_STOP and lower not in EN_STOP and i + 1 < len(tokens) and tokens.words[i + 1][:1].isupper()


def head_start(tokens: Tokens, cue: int, blocked: set[int]) -> int:
    """Where an English organisation's name starts that ends in the cue word at ``cue``: up to
    ``MAX_HEAD_WORDS`` free capitalised words before it, a compound glued by hyphens whole ("Save-A-Tree
    Foundation"), two common words joined by "and" ("Music and Drama College") and a common word
    in the genitive ("Sheriff's Office", "People's Party"), which names whom the body serves."""
    start, words = cue, 0
    while start > 0 and words < MAX_HEAD_WORDS:
        if free_name_word(tokens, start - 1, blocked) or _foreign_article(tokens, start - 1, blocked):
            start, words = start - 1, words + 1
        elif start > 1 and glued_hyphen(tokens, start - 1) and tokens.words[start - 2][:1].isupper() and start - 2 not in blocked:
            start -= 2  # a hyphenated compound counts as one word
        elif start > 1 and tokens.words[start - 1] in JOINING and _common_name_word(tokens, start - 2, blocked) and _common_name_word(tokens, start, blocked):
            start, words = start - 2, words + 1
        elif start > 1 and tokens.words[start - 1] in GENITIVES and _served_group(tokens, start - 2, blocked):
            start, words = start - 2, words + 1  # "Sheriff's Office", "People's Party"
        else:
            break
    return start


def person_tails(tokens: Tokens, found: list[Candidate], known: list[Candidate], cue: Callable[[str], bool]) -> list[Candidate]:
    """``found`` with the organisations whose capitalised run goes on after a known place of ``known`` with
    two words no lexicon knows ("… to the United States Odaro Vukelic", "University of Leeds Teodor Marsk")
    cut before those words, which are a person's name of their own, and the two-word runs
    of a place that the word clusters call a given name and a further name ("Ann Bell") read as that
    person; words for which ``cue`` holds (an organisation's or facility's cue word: "GmbH") are no
    person's."""
    places = covered(c for c in known if c.type in ("place", "country"))
    out = []
    for cand in found:
        if cand.type == "organization" and _given_place_and_name(tokens, cand, places, cue):
            out.append(rule_candidate(tokens, cand.start, cand.end, "person", {}))
            continue
        cut = cand.end - PERSON_TAIL_WORDS
        if cand.type != "organization" or cut <= cand.start or not _person_tail(tokens, cut, cand.end, places, cue):
            out.append(cand)
            continue
        out.append(rule_candidate(tokens, cut, cand.end, "person", {}))
        if not places.issuperset(range(cand.start, cut)):
            out.append(rule_candidate(tokens, cand.start, cut, "organization", {}))
    return out


def _given_place_and_name(tokens: Tokens, cand: Candidate, places: set[int], cue: Callable[[str], bool]) -> bool:
    """The run is a one-word place that is a given name ("Ann", "Victoria") and one more capitalised word
    that is no place and no ``cue`` word ("Bell", not "Station")."""
    first, last = tokens.words[cand.start], tokens.words[cand.end - 1]
    return (
        cand.length == 2 and cand.start in places and cand.end - 1 not in places
        and english_name_classes().get(first) == "given" and last[:1].isupper() and last.isalpha() and not cue(last)
    )


def _person_tail(tokens: Tokens, start: int, end: int, places: set[int], cue: Callable[[str], bool]) -> bool:
    """Tokens ``[start, end)`` follow a known place and are capitalised words that name nothing else: no
    place, no common English word, no word of the English classes (a company, an acronym), no ``cue``."""
    return start - 1 in places and all(i not in places and _unknown_name(tokens.words[i], cue) for i in range(start, end))


def _unknown_name(word: str, cue: Callable[[str], bool]) -> bool:
    return word[:1].isupper() and word.isalpha() and not is_english_word(word) and not english_name_classes().get(word) and not cue(word)


# Last words of the names of events and awards ("Kite Festival", "Chess Cup", "Quillon Prize"): such a
# name is no organisation and no person, and the names inside it are no mentions of their own ("Nokia" in
# "Nokia Chess Cup"), as the annotation guidelines have it.
EVENT_WORDS = frozenset(
    "Festival Expo Fair Championship Championships Cup Olympics Tournament Marathon Prize Award Awards Medal Trophy".split()
)
MAX_EVENT_WORDS = 4  # capitalised words before an event word
EVENT_HEADS = WordTest(EVENT_WORDS.__contains__)


def event_names(tokens: Tokens) -> list[Candidate]:
    """The capitalised runs that end in an event word, or hold one before a further name ("Comic Expo
    Kenya"), as candidates of type "event" that ``without_events`` drops after ``select`` has let them
    cover the names inside."""
    found = []
    for i in tokens.where(EVENT_HEADS):
        start = i
        while start > 0 and i - start < MAX_EVENT_WORDS and free_name_word(tokens, start - 1, set()):
            start -= 1
        end = i + 1
        while end < len(tokens) and end - i <= 2 and free_name_word(tokens, end, set()):
            end += 1
        if end - start > 1:
            found.append(rule_candidate(tokens, start, end, "event", {}))
    return found


def without_events(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` less the event names and the persons and organisations a rule named with an event word
    in them ("Quillon Prize-winner")."""
    return [c for c in chosen if c.type != "event" and not (c.method == "rule" and _holds_event_word(tokens, c))]


def _holds_event_word(tokens: Tokens, cand: Candidate) -> bool:
    return not EVENT_WORDS.isdisjoint(tokens.words[cand.start : cand.end])


def buildings_as_places(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with each organisation named after its building ("White House": the name ends in a
    facility word) read as the place where it stands after a preposition of place ("invited to the White
    House"); elsewhere it stays the body ("the White House said")."""
    return [_building(tokens, c) for c in chosen]


def _building(tokens: Tokens, cand: Candidate) -> Candidate:
    before = cand.start - 1 - (tokens.lower[cand.start - 1 : cand.start] == ["the"])
    if cand.type != "organization" or tokens.words[cand.end - 1] not in FACILITY_WORDS or before < 0 or tokens.lower[before] not in PLACE_PREPOSITIONS:
        return cand
    return rule_candidate(tokens, cand.start, cand.end, "place", {})


# Phrases (lower case, as tokenised) around a one-word name that tell a firm or a platform even when its
# name is a common word in lower case ("Google", "Twitter"): what it owns or who founded it after the
# name, what is posted on it before the name.
OWNER_CUES = tuple(
    tuple(p.split()) for p in (
        "'s headquarters;'s website;'s app;'s apps;'s users;'s platform;'s servers;'s search engine;'s founder;"
        "'s co - founder;'s chief executive;'s ceo;co - founder;founder;creator;said in a statement"
    ).split(";")
)
# Verbs of putting something online, and how far after them "on" or "to" may name the platform ("posted
# a video to Twitter", "messages on Facebook").
PLATFORM_VERBS = frozenset("post posted posts posting upload uploaded shared tweeted streamed messages video videos account accounts followers".split())
PLATFORM_WINDOW = 4


def cued_firms(tokens: Tokens, taken: set[int]) -> list[Candidate]:
    """One-word organisations told by ``OWNER_CUES`` after them or by "on" or "to" after a ``PLATFORM_VERBS``
    word before them, each with
    its other mentions in the article; none on ``taken`` tokens, none beside another name word, and none
    at a sentence's start that is a common English word ("Users said")."""
    hits = {i - 1 for i in _cue_starts(tokens, OWNER_CUES)} | _platforms(tokens)
    words = {tokens.words[i] for i in hits if _firm_word(tokens, i, taken)}
    return [rule_candidate(tokens, i, i + 1, "organization", {}) for word in sorted(words) for i in tokens.positions[word] if _firm_word(tokens, i, taken)]


def _platforms(tokens: Tokens) -> set[int]:
    """Tokens right after "on" or "to" that follow a ``PLATFORM_VERBS`` word of the same sentence within
    ``PLATFORM_WINDOW`` tokens ("posted a video to Twitter")."""
    found = set()
    for verb in (i for word in PLATFORM_VERBS for i in tokens.positions.get(word, [])):
        for i in range(verb + 1, min(verb + PLATFORM_WINDOW + 1, len(tokens) - 1)):
            if tokens.lower[i] in ("on", "to") and tokens.sent_of[i + 1] == tokens.sent_of[verb]:
                found.add(i + 1)
                break
    return found


def _cue_starts(tokens: Tokens, cues: tuple[tuple[str, ...], ...]) -> list[int]:
    """Where one of ``cues`` starts in the tokens."""
    return [
        i for cue in cues for i in tokens.positions.get(cue[0], []) + tokens.positions.get(cue[0].capitalize(), [])
        if tuple(tokens.lower[i : i + len(cue)]) == cue
    ]


def _firm_word(tokens: Tokens, i: int, taken: set[int]) -> bool:
    """Token ``i`` may be a one-word firm's name: free, capitalised, alone, and no common word opening a
    sentence."""
    if not (0 <= i < len(tokens) and free_name_word(tokens, i, taken) and _alone(tokens, i, taken)):
        return False
    return not (tokens.sents[tokens.sent_of[i]][0] == i and is_english_word(tokens.words[i]))


def national_bodies(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with each organisation a rule named with a country's adjective before a state body's word
    and "of" ("Italian Supreme Court of Appeal", "Russian Ministry of Defence") cut to the body's own
    name, the adjective saying whose body it is: one id per country, as for the generic bodies
    ("organization:ministry-of-defence-of-russia")."""
    return [_national_body(tokens, c) for c in chosen]


def _national_body(tokens: Tokens, cand: Candidate) -> Candidate:
    code = country_adjectives("en").get(tokens.words[cand.start], "")
    words = tokens.words[cand.start + 1 : cand.end]
    of = words.index("of") if "of" in words else 0
    if cand.type != "organization" or cand.method != "rule" or not code or of < 1 or words[of - 1] not in STATE_BODY_WORDS:
        return cand
    label = f"{tokens.span_text(cand.start + 1, cand.end)} of {country_label(code, 'en')}"
    return replace(cand, start=cand.start + 1, id=entity_id("organization", label), label=label, attrs={**cand.attrs, "country": code})


def with_capitalised_the(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with each organisation's mention taking a capitalised "The" right before it inside a
    sentence ("… of The Quillon Association"), which is part of the name as written there; its id and
    label stay without it, so "the Guardian" and "The Guardian" are one entity."""
    return [_with_the(tokens, c) for c in chosen]


def _with_the(tokens: Tokens, cand: Candidate) -> Candidate:
    before = cand.start - 1
    if cand.type != "organization" or before < 1 or tokens.words[before] != "The" or tokens.sents[tokens.sent_of[before]][0] == before:
        return cand
    return replace(cand, start=before)
