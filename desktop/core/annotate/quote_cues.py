"""Word lists for attributing quotations: cue verbs, pronouns, role nouns, titles.

Kept apart from the matching code so the lists can grow without touching the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ADVERBS",
    "CUE_WORDS",
    "INVERTING_CUES",
    "NP_STOP",
    "PRONOUNS",
    "ROLE_NOUNS",
    "SUBJECTLESS_CUES",
    "TIME_WORDS",
    "TITLES",
    "Cue",
    "find_cues",
    "words",
]


def words(spaced: str) -> frozenset[str]:
    """The whitespace-separated words of ``spaced`` (keeps long word lists readable)."""
    return frozenset(spaced.split())


# Speech and writing verbs, each with its inflections (base, -s, past, -ing).
_VERBS = """
say says said saying | tell tells told telling | add adds added adding
ask asks asked asking | write writes wrote writing | tweet tweets tweeted tweeting
note notes noted noting | explain explains explained explaining
continue continues continued continuing | declare declares declared declaring
state states stated stating | argue argues argued arguing | insist insists insisted insisting
claim claims claimed claiming | warn warns warned warning | recall recalls recalled recalling
reply replies replied replying | respond responds responded responding
answer answers answered answering | counter counters countered countering
acknowledge acknowledges acknowledged acknowledging | admit admits admitted admitting
announce announces announced announcing | observe observes observed observing
remark remarks remarked remarking | quip quips quipped quipping | joke jokes joked joking
complain complains complained complaining | lament laments lamented lamenting
concede concedes conceded conceding | emphasize emphasizes emphasized emphasizing
emphasise emphasises emphasised emphasising | stress stresses stressed stressing
suggest suggests suggested suggesting | predict predicts predicted predicting
promise promises promised promising | vow vows vowed vowing | pledge pledges pledged pledging
urge urges urged urging | caution cautions cautioned cautioning
charge charges charged charging | contend contends contended contending
maintain maintains maintained maintaining | conclude concludes concluded concluding
boast boasts boasted boasting | shout shouts shouted shouting | yell yells yelled yelling
chant chants chanted chanting | exclaim exclaims exclaimed exclaiming | muse muses mused musing
post posts posted posting | report reports reported reporting
interject interjects interjected interjecting | cry cries cried crying
whisper whispers whispered whispering | retort retorts retorted retorting
snap snaps snapped snapping | scoff scoffs scoffed scoffing | thunder thunders thundered
proclaim proclaims proclaimed proclaiming | testify testifies testified testifying
assert asserts asserted asserting | allege alleges alleged alleging
describe describes described describing | call calls called calling
tout touts touted touting | mock mocks mocked mocking | blast blasts blasted blasting
criticize criticizes criticized criticizing | praise praises praised praising
accuse accuses accused accusing | deny denies denied denying | confirm confirms confirmed
point | wonder wonders wondered wondering
reiterate reiterates reiterated reiterating | repeat repeats repeated repeating
offer offers offered offering | recount recounts recounted recounting
elaborate elaborates elaborated elaborating | summarize summarizes summarized
read reads | quote quotes quoted quoting | cite cites cited citing
agree agrees agreed agreeing | disagree disagrees disagreed | advise advises advised
tease teases teased teasing | sneer sneers sneered | chide chides chided
demand demands demanded demanding | plead pleads pleaded pleading | beg begs begged
assure assures assured assuring | inform informs informed | reveal reveals revealed
press presses pressed pressing | interrupt interrupts interrupted interrupting
remember remembers remembered remembering | marvel marvels marveled marvelled
grouse grouses groused | reason reasons reasoned | opine opines opined
protest protests protested | object objects objected | posit posits posited
label labels labeled labelled labeling labelling | dub dubs dubbed dubbing
brand brands branded branding | term terms termed terming
designate designates designated designating
counsel counsels counseled | inquire inquires inquired | query queries queried
sigh sighs sighed | laugh laughs laughed | exult exults exulted | gush gushes gushed
"""

# Base forms that are far more often nouns than speech verbs in news text.
_NOUN_LIKE = words(
    """call report post note quote answer reply point tweet offer cry joke promise
    counter charge label brand term press object protest reason query chant shout yell
    state open close put cite praise demand plea comment response statement laugh sigh
    whisper thunder snap retort"""
)
CUE_WORDS = words(_VERBS.replace("|", " ")) - _NOUN_LIKE
# Words after which a cue's -s form is a plural noun, not a verb: "the states", "for terms".
_NOUN_MARKERS = words(
    """the a an these those his her their its our my your some many several all any both
    various for of with from about by into"""
)
# "according to X" and "in the words of X" name a speaker after the phrase.
_PHRASES = (("according", "according to"), ("in", "in the words of"))
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue verb (or phrase) at ``text[start:end]``."""

    start: int
    end: int
    word: str


def _inverted_opening(text: str, start: int, end: int) -> bool:
    """A capitalised cue opening a sentence before a name: "Said Comey, “…”".

    Otherwise a capitalised cue word is a name ("State", "Post") and not a cue.
    """
    before = text[max(0, start - 2) : start]
    return (start == 0 or before.endswith(("\n", ". ", ": "))) and bool(
        re.match(r" [A-Z][a-z]", text[end : end + 3])
    )


def find_cues(text: str, lo: int, hi: int) -> list[Cue]:
    """Cue verbs in ``text[lo:hi]``, in order.

    A set lookup per word: one regex alternation of hundreds of verbs is several times
    slower in ``re``.
    """
    out: list[Cue] = []
    before = ""
    for m in _WORD.finditer(text, lo, hi):
        w = m.group()
        lw = w.lower()
        prev, before = before, lw
        if lw in CUE_WORDS and (w[0].islower() or _inverted_opening(text, m.start(), m.end())):
            if lw.endswith("s") and prev in _NOUN_MARKERS:
                continue  # "for terms containing", "in all the states": a plural noun
            out.append(Cue(m.start(), m.end(), w))
            continue
        for head, phrase in _PHRASES:
            if lw == head and text[m.start() : m.start() + len(phrase)].lower() == phrase:
                end = m.start() + len(phrase)
                if end <= hi:
                    out.append(Cue(m.start(), end, text[m.start() : end]))
    return out


# Cues that put the speaker after the verb in news style: “…,” said Smith.
INVERTING_CUES = words(
    """said says added adds asked asks wrote writes continued explained noted recalled
    replied remarked observed countered insisted argued declared stated tweeted warned
    mused remembered pressed interrupted wondered quipped joked concluded offered
    responded answered cautioned acknowledged admitted conceded complained lamented
    boasted suggested agreed emphasized stressed predicted promised recalled says
    adds asks writes notes explains continues argues insists warns read reads"""
) | {"according to", "in the words of"}

# A participle cue ("…, saying “…”") has no subject of its own: the clause's subject speaks.
SUBJECTLESS_CUES = re.compile(r"ing$|^according to$|^in the words of$", re.IGNORECASE)

PRONOUNS = words("he she they i we it you He She They I We It You")

# Words between a subject and its cue verb: "Macron also said", "she has since told".
ADVERBS = words(
    """also now later then once previously again still just even has had have would will was
    is were are be been being recently reportedly similarly further repeatedly often
    frequently publicly privately quickly simply flatly bluntly angrily sharply
    since never ever already separately subsequently additionally herself himself
    themselves itself did does do may might could should can not n't"""
)

# Words that end a noun phrase when walking back from a cue verb.
NP_STOP = words(
    """that which who whom whose when while after before because but and or as if than
    then so where what how why although though since until unless whether this these
    those there here is was were are be been to in on with by about over under into
    from not no nor yet said says say told tells added adds asked wrote writes
    according"""
)

TIME_WORDS = words(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday yesterday today tonight
    earlier later recently previously afterward afterwards again"""
)

# Role nouns that may stand for a named speaker ("the president" for Vladimir Putin).
ROLE_NOUNS = words(
    """president minister premier chancellor senator governor mayor spokesman
    spokeswoman spokesperson secretary chairman chairwoman chair leader candidate nominee
    lawmaker congressman congresswoman representative official officer director chief
    executive ceo founder ambassador general commander judge justice attorney lawyer
    prosecutor sheriff manager strategist adviser advisor aide analyst professor
    economist expert researcher author writer reporter editor host pastor bishop pope
    king queen prince princess speaker businessman businesswoman billionaire actor
    actress activist organizer founder coach owner doctor mogul frontrunner
    front-runner incumbent challenger"""
)

# Titles before a name: "Sen. Ted Cruz", "President Vladimir Putin".
TITLES = words(
    """Mr Mrs Ms Miss Dr Sen Rep Gov Gen Lt Col Capt Sgt Adm Prof Rev Sir Dame Lord Lady
    President Senator Governor Mayor Minister Premier Chancellor Secretary Judge Justice
    Ambassador General Speaker Representative Congressman Congresswoman Pope King Queen
    Prince Princess Chairman Chairwoman Director Commissioner Sheriff Attorney Chief"""
)
