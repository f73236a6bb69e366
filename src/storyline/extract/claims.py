"""Atomic claims of one article: one per main or coordinated clause that states a fact.

Each sentence's dependency parse is cut into clauses: the main verb, the verbs
coordinated with it, adverbial clauses with their own subject or an -ing verb
(`..., killing more than three tonnes of fish`), relative clauses (`Teskar, which
employs about 640 people`) and participles that report an act (`the ban, ordered by
the minister on Wednesday`, `the deal, revealed by the White House on Monday`). A
verb the parser hung on a verb of another line heads a clause of its own (a
paragraph run on from a subheading). A `do so` (`hesitant to do so`) has for its
object the verb phrase it stands for, the nearest one before it in its sentence or
the one before (`asked the US to deliver armed drones`: deliver armed drones).
What a subject struggles to do is its own act, not a participle claim (`the rebels had
trouble replenishing their stock`), and a `, which` clause that states the consequence
of the clause before it (`..., which has caused them to look to X for ...`, `..., which
led ...`) is part of that clause's claim: cause and effect are one fact. A verb of
evidence (`shows`, `implies`, `proves`) whose subject names an event (a noun with its
own infinitive or "that"-clause: `Russia's plan to acquire drones from Iran shows its
urgent need ...`, `the revelation that ... proves that ...`) gives a claim from the verb
on, with the whole event as its subject: the event is stated in its own right (or
elsewhere), the claim is what it shows.
A clause is what its verb governs, less the clauses cut out of it; its parts are
read from the parse: subject (for a relative clause, the noun it modifies: not a
role noun such as `as president`), predicate
(the verb's base form, through `is preparing to provide` to `provide`), object,
quantities with their modifiers and units, places, temporal expressions, negation,
hedges.

Attribution: the content of a speech verb (`X said (that) ...`, `X told reporters
...`, `..., X added`, `according to X`, `as reported by X`) or of a noun of assertion
(`the company's position that ...`) is attributed to its subject; clauses inside a quotation of
`quotes` to its speaker, by name. The content of `deny`, `reject`, `dismiss` ...
is `denied` by their subject, as is `there has been no ...` said by a source;
hedged clauses (`allegedly`, `may`, `is believed to`, `appears to`, verbs of
suspicion) are `alleged`. Under negation a verb of taking a stand leaves its
content open (`Iran did not confirm or reject the U.S. assertion that ...`: the
assertion is `alleged`, by the U.S., not denied by Iran), and `X did not say whether
...` makes `whether ...` a claim of its own (an open question, by X's account).
A concern (`out of concern that ...`) is held, like a fear: its clause is `alleged`.
A speech act itself is not a claim, except the dated act of making something
public (`the White House announced on July 11 (that ...)`; a speech verb addressed to
the press or at a press occasion: `Sullivan told reporters during a White House press
briefing on Monday`), and neither are
questions, headline and caption lines, imperatives, clauses without a verb, nor
clauses with no entity, number, date or substantive object (opinions, asides).

The parse is read without tagger and lemmatizer, as in `quotes.py`: base forms
come from a table of irregular verbs and suffix rules, parts of speech from the
dependency labels.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Article, ClaimMention, Mention, Quote
from .timexes import tag_timexes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs (base forms) whose clausal complement is what their subject says, thinks or found.
ATTRIBUTION_VERBS = frozenset("""
say tell add note stress emphasize emphasise claim announce insist warn argue explain report acknowledge
confirm suggest reiterate indicate state write tweet post declare assert maintain contend predict estimate
conclude admit reveal mention allege testify concede observe remark reply respond answer counter caution
complain recall repeat agree disclose affirm charge assure inform brief signal believe think suspect fear
find show deny reject dismiss dispute refute doubt speculate learn hear understand
""".split())
DENIAL_VERBS = frozenset("deny reject dismiss dispute refute rebut contest".split())
# Verbs of making something public: the act, when dated, is a fact beside what it made public.
DISCLOSURE_VERBS = frozenset("announce reveal disclose declassify unveil publish release publicize publicise".split())
# A speech verb addressed to the press, or said at a press occasion, makes its content public too:
# `told reporters during a press briefing on Monday`, `said at a news conference on Friday`.
PRESS_AUDIENCES = frozenset("reporters reporter journalists journalist media press newsmen correspondents".split())
PRESS_OCCASIONS = frozenset("briefing briefings conference conferences".split())
# Verbs that take a stand on a statement: under negation, the statement is left open.
STANCE_VERBS = DENIAL_VERBS | frozenset("confirm acknowledge concede admit accept".split())
# Their content is held or suspected rather than stated.
ALLEGING_VERBS = frozenset("allege suspect believe think fear speculate suggest doubt".split())
# Nouns whose "that"-clause is a statement: `the company's position that ...`.
CONTENT_NOUNS = frozenset("""
claim assertion allegation suggestion report rumour rumor speculation accusation charge position view belief
fear hope suspicion theory fact evidence proof information intelligence news revelation indication sign
announcement statement warning assurance confirmation finding conclusion concern worry
""".split())
ALLEGED_NOUNS = frozenset("""
claim assertion allegation suggestion report rumour rumor speculation accusation charge position view belief
fear hope suspicion theory concern worry
""".split())
# Verbs through which the predicate is the verb they govern: `is preparing to provide` -> provide.
LIGHT_VERBS = frozenset("""
prepare plan expect schedule begin start continue seem appear try intend want hope aim seek set due
threaten agree decide fail refuse promise vow pledge attempt go get ready able use
""".split())
HEDGE_ADVERBS = frozenset("""
allegedly reportedly purportedly apparently supposedly reputedly possibly probably perhaps seemingly
ostensibly maybe
""".split())
HEDGE_MODALS = frozenset("may might could".split())
# `X is believed to ...`, `is said to`, `appears to`: raising verbs that hedge their complement.
HEDGE_RAISING = frozenset("believe think say allege report rumour rumor suspect understand appear seem".split())
PRONOUNS = frozenset("he she it they we i you him her them us me this that these those one".split())
RELATIVES = frozenset("who whom which that whose where when".split())
# Markers of adverbial clauses that do not state a fact.
HYPOTHETICAL_MARKS = frozenset("if unless until whether lest till".split())
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
VERB_CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "expl", "ccomp", "xcomp", "attr",
                             "acomp", "agent", "neg", "prt", "dative", "oprd", "csubj"})
OBJECT_DEPS = ("dobj", "attr", "oprd", "acomp", "dative")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})
NUMBER_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
million millions billion billions trillion dozen dozens half
""".split())
# Words before a number that say how exact it is, longest first.
QUANTITY_MODIFIERS = tuple(tuple(m.split()) for m in (
    "no more than", "no fewer than", "as many as", "as much as", "as few as", "more than", "less than",
    "fewer than", "up to", "at least", "at most", "an estimated", "a total of", "close to", "in excess of",
    "about", "around", "approximately", "nearly", "almost", "some", "over", "roughly", "just", "under",
    "below", "above", "exactly", "only", "estimated", "potentially", "possibly", "perhaps", "reportedly"))
LINE_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")
CAPTION = re.compile(r"^\s*(?:\(|\[)?(?:photo|image|picture|file photo|credit|video|watch|read more|related|"
                     r"advertisement|subscribe|sign up|click|follow)\b", re.IGNORECASE)
STOPWORDS = frozenset("""
a an the and or but of to in on at for with by from as that this these those it its is are was were be been being
has have had do does did will would can could may might must shall should not no there their they them he she
his her him we our us you your i me my who whom which what when where why how than then so such also only just
very more most about into over after before up down out off here
""".split())

IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "made": "make", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "went": "go", "gone": "go", "goes": "go", "came": "come", "saw": "see",
    "seen": "see", "found": "find", "left": "leave", "lost": "lose", "held": "hold", "kept": "keep",
    "brought": "bring", "bought": "buy", "thought": "think", "sought": "seek", "caught": "catch",
    "taught": "teach", "fought": "fight", "began": "begin", "begun": "begin", "ran": "run", "won": "win",
    "met": "meet", "led": "lead", "fled": "flee", "fell": "fall", "fallen": "fall", "rose": "rise",
    "risen": "rise", "struck": "strike", "stood": "stand", "understood": "understand", "spoke": "speak",
    "spoken": "speak", "broke": "break", "broken": "break", "chose": "choose", "chosen": "choose",
    "drove": "drive", "driven": "drive", "wrote": "write", "written": "write", "knew": "know", "known": "know",
    "grew": "grow", "grown": "grow", "threw": "throw", "thrown": "throw", "flew": "fly", "flown": "fly",
    "drew": "draw", "drawn": "draw", "shot": "shoot", "sent": "send", "spent": "spend", "built": "build",
    "lent": "lend", "meant": "mean", "felt": "feel", "dealt": "deal", "sold": "sell", "paid": "pay",
    "laid": "lay", "heard": "hear", "stole": "steal", "stolen": "steal", "froze": "freeze", "frozen": "freeze",
    "forgot": "forget", "forgotten": "forget", "hid": "hide", "hidden": "hide", "bore": "bear", "borne": "bear",
    "tore": "tear", "torn": "tear", "wore": "wear", "worn": "wear", "swore": "swear", "sworn": "swear",
    "sank": "sink", "sunk": "sink", "sang": "sing", "sung": "sing", "rang": "ring", "rung": "ring",
    "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "am": "be", "'s": "be", "’s": "be",
    "'re": "be", "’re": "be", "has": "have", "had": "have", "having": "have", "'ve": "have", "does": "do",
    "did": "do", "done": "do", "became": "become", "withdrew": "withdraw", "withdrawn": "withdraw",
    "undertook": "undertake", "arose": "arise", "arisen": "arise", "sat": "sit", "slept": "sleep",
    "swept": "sweep", "wept": "weep", "shook": "shake", "shaken": "shake", "woke": "wake", "woken": "wake",
    "bitten": "bite", "beaten": "beat", "dug": "dig", "hung": "hang",
    "stuck": "stick", "swung": "swing", "slid": "slide", "fed": "feed", "bred": "breed", "sped": "speed",
    "misled": "mislead", "shone": "shine", "forbade": "forbid", "overcame": "overcome",
    "overtook": "overtake", "mistook": "mistake", "foresaw": "foresee", "forecast": "forecast", 
    "dove": "dive", "rode": "ride", "ridden": "ride", "strove": "strive", 
    "lain": "lie", "ate": "eat", "eaten": "eat", "got": "get", "gotten": "get", "learnt": "learn",
    "burnt": "burn", "spelt": "spell", "spilt": "spill", "dreamt": "dream", "leapt": "leap", "knelt": "kneel",
    "sprang": "spring", "sprung": "spring", "upheld": "uphold", "withheld": "withhold", "underwent": "undergo",
    "undergone": "undergo", "oversaw": "oversee", "overseen": "oversee", "'ll": "will", "’ll": "will",
    "shown": "show", "proven": "prove", "sewn": "sew", "sown": "sow", "mown": "mow", "swollen": "swell",
    "'d": "would", "’d": "would", "wo": "will", "ca": "can", "n't": "not", "n’t": "not",
}
# Verbs ending in a double consonant in their base form ("add"): not undoubled.
_DOUBLE_BASE = frozenset("add odd ebb err buzz fizz inn egg".split())
# Stems that take or refuse the "e" the suffix rules below would get wrong.
_TAKES_E = frozenset("""
cit invit excit ignit recit incit unit expedit complet compet delet deplet explor ignor restor stor scor ador
us implor deplor bor snor shor sor caus refus accus excus abus amus confus diffus fus reus misus
""".split())
_NO_E = frozenset("develop gallop envelop worship focus bias".split())
_UNSTRESSED = ("er", "en", "on", "it", "et", "al", "el", "or", "om", "ow", "ss", "us")


@lru_cache(maxsize=1 << 15)
def base_form(word: str) -> str:
    """A verb's base form by the table of irregular verbs and suffix rules ("escaped" -> "escape",
    "banned" -> "ban", "supplies" -> "supply"); good enough to name a predicate, not a lemmatizer."""
    lower = word.lower().replace("’", "'")
    if lower in IRREGULAR:
        return IRREGULAR[lower]
    if lower.endswith("eed"):
        return lower[:-1] if lower.endswith(("greed", "freed", "anteed", "creed")) else lower
    for suffix in ("ing", "ed"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 1:
            stem = lower[: -len(suffix)]
            if not re.search(r"[aeiouy]", stem):
                return lower  # "bring", "red"
            if suffix == "ed" and stem.endswith("i"):
                return stem[:-1] + "y" if len(stem) > 2 else stem + "e"  # "tried", "tied"
            if stem[-1] == stem[-2] and stem[-1] in "bdgmnprt" and stem not in _DOUBLE_BASE:
                return stem[:-1]
            return stem + "e" if _needs_e(stem) else stem
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zes", "oes")) and len(lower) > 4:
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return lower[:-1]
    return lower


def _needs_e(stem: str) -> bool:
    """Whether the base form of a verb whose suffix left `stem` ends in a silent "e"."""
    if stem in _TAKES_E:
        return True
    if stem in _NO_E or not re.search(r"[aeiouy]", stem):
        return False
    if stem.endswith(("u", "v", "c", "ang", "eng", "arg", "erg", "urg", "ulg", "dg", "ir")) or \
            (stem.endswith("z") and not stem.endswith("zz")):
        return True
    if stem.endswith("s") and not stem.endswith(("ss", "us")):
        return True
    if re.search(r"[^aeiouylrw]l$", stem):  # handl(e), settl(e), enabl(e)
        return True
    if stem.endswith(_UNSTRESSED):
        return False
    return bool(re.search(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$", stem))


# Phrasal verbs of speech: `brought up how ...`, `pointed out that ...`.
PHRASAL_SPEECH = {("bring", "up"): "mention", ("point", "out"): "note", ("play", "down"): "dismiss"}


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower() if token.lemma_ else base_form(token.text)
    if lemma in ("bring", "point", "play"):
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        return PHRASAL_SPEECH.get((lemma, particle), lemma)
    return lemma


# --- the article -----------------------------------------------------------------------------


def extract_claims(article: Article, doc: Doc, quotes: Sequence[Quote] = ()) -> tuple[ClaimMention, ...]:
    """The atomic claims of `article` (parsed as `doc`), in reading order.

    `quotes` are the article's quotations with their speakers (from `extract_quotes`):
    a clause inside one is attributed to its speaker. Never raises on odd input: a
    `doc` that is not the parse of `article.body` gives no claims.
    """
    body = article.body
    if not body.strip() or not _parses(doc, body):
        return ()
    timexes, _ = tag_timexes(body, None)
    reader = _Reader(article, doc, quotes, [(t.start, t.end) for t in timexes])
    found: list[ClaimMention] = []
    for sentence in doc.sents:
        if _skipped(body, sentence):
            continue
        found.extend(reader.sentence(sentence))
    return tuple(found)


def _parses(doc: Doc, body: str) -> bool:
    """Whether `doc` is the parse of `body` (its length and a sample of its tokens: `doc.text`
    would rebuild the whole text)."""
    if not len(doc):
        return False
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(body):
        return False
    step = max(1, len(doc) // 16)
    return all(body.startswith(doc[i].text, doc[i].idx) for i in range(0, len(doc), step))


def _skipped(body: str, sentence: Span) -> bool:
    """Questions and imperatives (headline and caption lines are dropped clause by clause:
    the parser may join a headline to the sentence after it)."""
    text = sentence.text.strip()
    if not text or text.rstrip("\"”’') ").endswith("?"):
        return True
    root = sentence.root
    first = next((t for t in sentence if t.is_alpha), None)
    return first is not None and first.i == root.i and not any(c.dep_ in SUBJECT_DEPS for c in root.children) \
        and first.text[:1].isupper() and not first.text.lower().endswith(("ing", "ed"))


def _headline_line(body: str, offset: int) -> bool:
    """Whether the line holding `offset` is a headline, a caption or a credit: no sentence
    punctuation at its end, or a caption's opening word, or all in parentheses."""
    line_start = body.rfind("\n", 0, offset) + 1
    line_end = body.find("\n", offset)
    line = body[line_start:len(body) if line_end < 0 else line_end].strip()
    return not LINE_END.search(line) or bool(CAPTION.match(line)) or (line.startswith("(") and line.endswith(")"))


class _Reader:
    """Clauses of one parsed article; keeps what all its sentences share."""

    def __init__(self, article: Article, doc: Doc, quotes: Sequence[Quote], timexes: list[tuple[int, int]]):
        self.article = article
        self.body = article.body
        self.doc = doc
        self.timexes = timexes
        self.quotes = [(part.start, part.end, quote) for quote in quotes
                       for part in (quote.parts or (Mention(quote.article, quote.start, quote.end, quote.text),))
                       if quote.start < quote.end]
        self.ents = list(doc.ents)
        self.entities = [(e.start_char, e.end_char, e.label_) for e in self.ents]
        self.newlines = [m.start() for m in re.finditer("\n", article.body)]
        self.heads = [token.head.i for token in doc]  # read often: ints, not tokens made anew

    # - clauses -

    def sentence(self, sentence: Span) -> list[ClaimMention]:
        heads = _clause_heads(sentence)
        if not heads:
            return []
        doc = sentence.doc
        attributions = {i: content for i, content in ((i, _content(doc[i])) for i in heads) if content}
        separate = set(heads) | {t.i for t in sentence if _is_marker(t)}
        trailing = _trailing_attribution(sentence)
        if trailing is not None:
            separate.add(trailing.i)
            heads.discard(trailing.i)
        owners = _owners(range(sentence.start, sentence.end), separate, self.heads)
        members: dict[int, list[int]] = {}
        for i in sorted(owners):
            members.setdefault(owners[i], []).append(i)
        reported = [t for t in sentence if _as_reported(t)]
        claims = []
        for i in sorted(heads):
            head = doc[i]
            if _lemma(head) in ATTRIBUTION_VERBS and any(c.dep_ == "conj" and c.i in attributions
                                                         for c in head.children):
                continue
            disclosure = head.i in attributions
            if disclosure and not _discloses(head):
                continue
            claim = self._claim(head, owners, members, reported, attributions, trailing, disclosure=disclosure)
            if claim is not None:
                claims.append(claim)
        return claims

    def _claim(self, head: Token, owners: dict[int, int], members: dict[int, list[int]], reported: list[Token],
               attributions: dict[int, list[Token]], trailing: Token | None = None, *,
               disclosure: bool = False) -> ClaimMention | None:
        """The claim whose clause `head` heads, if it states one. `owners` and `members`: the
        clause of each token of the sentence, and the tokens of each clause (in order);
        `reported`: its `as reported by X` markers. `disclosure`: `head` is a verb of making
        public whose content is a claim of its own; the act is a claim too when dated (`the
        White House announced on July 11 that ...`)."""
        kept = [self.doc[i] for i in members.get(head.i, ())]
        if head.dep_ in ("acl", "ccomp") and _content_noun(head.head):
            for sibling in head.head.rights:  # `position that it was told the tank [had to ...]`, misparsed
                if sibling.i > head.i and sibling.dep_ in ("acl", "relcl", "ccomp") \
                        and sibling.left_edge.i == kept[-1].i + 1 and owners.get(sibling.i) != sibling.i:
                    kept.extend(t for t in sibling.subtree if owners.get(t.i) == owners.get(sibling.i))
        kept = _trimmed(kept)
        if not kept:
            return None
        start, end = kept[0].idx, kept[-1].idx + len(kept[-1])
        start, end = _clip_line(self.body, start, end, head.idx)
        if end - start < 8 or _headline_line(self.body, head.idx) \
                or self.body[start:end].rstrip("\"”’' ").endswith("?"):
            return None
        core = _predicate_token(head)
        subject = _subject_phrase(head, self.newlines)
        event = _event_subject(head)
        if event is not None:  # `Russia's plan to buy drones shows its need ...`: the claim is what it shows
            subject = _trimmed(list(event.subtree))
            after = [t for t in kept if t.i > event.right_edge.i]
            if after and subject:
                start = max(start, after[0].idx)
        obj = _object_phrase(core) or _object_phrase(head)
        proxy = next((t for t in kept if _pro_verb(t)), None)
        if proxy is not None:  # `hesitant to do so`: what it does is the verb phrase `do so` stands for
            obj = _pro_verb_antecedent(proxy, {t.i for t in kept}) or obj
        if _lemma(head) in ATTRIBUTION_VERBS and not _negated(head) and head.dep_ != "acl" and not any(
                c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass") for c in head.children):
            return None  # a speech act with no content: an attribution the parse cut off
        in_span = [t for t in kept if start <= t.idx < end]
        negated = _negated(head) or (core is not head and _negated(core)) or _negative_argument(head, subject, obj)
        hedge = _hedge(head, core, in_span)
        source_token, status = _attribution(head, attributions, self.newlines)
        if source_token is None:  # `... as reported by Bloomberg`, hung on a noun of the clause
            marker = next((t for t in reported if owners.get(t.head.i) == head.i), None)
            source_token = _marker_source(marker) if marker is not None else None
        if source_token is None and trailing is not None and _same_line(self.newlines, trailing, head):
            source_token = _speaker_token(trailing)
        source = self._source(source_token, start, end)
        quoted = self._quote(start, end)
        if quoted is not None:
            speaker = self._speaker(quoted)
            if speaker is not None and (source is None or quoted.kind == "direct" or _vague(source.text)):
                source = speaker
            if quoted.cue and base_form(quoted.cue.split()[0]) in DENIAL_VERBS and not self._cue_negated(quoted):
                status = "denied"
        if status is None:
            status = "alleged" if hedge else "asserted"
        if status == "asserted" and source is not None and _existential_negation(head):
            status = "denied"
        quantities = self._quantities(in_span, start, end)
        places = tuple(self.article.mention(s, e) for s, e, label in self.entities
                       if label in PLACE_LABELS and start <= s and e <= end)
        times = tuple(self.article.mention(s, e) for s, e in self.timexes if start <= s and e <= end)
        if disclosure and not times:
            return None
        resolved = source is not None and subject is not None and len(subject) == 1 and subject[0].lower_ in PRONOUNS
        ranges = [(start, end)] + ([(subject[0].idx, subject[-1].idx + len(subject[-1]))] if subject else [])
        if not _substantive([*in_span, *(subject or ())], obj, quantities, times, self.entities, ranges) and not (
                resolved and len([t for t in in_span if t.is_alpha and t.lower_ not in STOPWORDS]) >= 3):
            return None
        return ClaimMention(
            mention=self.article.mention(start, end),
            predicate=_lemma(core),
            subject=self._mention(subject),
            object=self._mention(obj),
            quantities=quantities,
            places=places,
            times=times,
            negated=negated,
            hedge=hedge,
            source=source,
            status=status,
        )

    # - parts -

    def _mention(self, tokens: Sequence[Token] | None) -> Mention | None:
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        start, end = _clip_line(self.body, start, end, tokens[-1].idx)
        start, end = _strip(self.body, start, end)
        return self.article.mention(start, end) if end > start else None

    def _source(self, token: Token | None, start: int, end: int) -> Mention | None:
        if token is None or _dateline_word(token):
            return None
        phrase = _noun_phrase(token)
        mention = self._mention(phrase)
        if mention is None:
            return None
        if token.lower_ in PRONOUNS:  # "he said": the name the quotation stage resolved
            for s, e, quote in self.quotes:
                cue = quote.cue_mention
                if (cue is not None and cue.start == _verb_of(token).idx) or (s <= start and end <= e + 2):
                    named = self._speaker(quote)
                    if named is not None and named.text.lower() not in PRONOUNS:
                        return named
            if token.lower_ in ("it", "they"):
                return self._antecedent(token.idx) or mention
        return mention

    def _antecedent(self, offset: int) -> Mention | None:
        """An organisation or country named as a subject shortly before `offset` ("It said ...")."""
        for ent in reversed(self.ents):
            if ent.start_char >= offset:
                continue
            if offset - ent.end_char > 400:
                break
            if ent.label_ in ("ORG", "GPE", "NORP") and ent.root.dep_ in ("nsubj", "nsubjpass"):
                start = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
                return self.article.mention(start, ent.end_char)
        return None

    def _cue_negated(self, quote: Quote) -> bool:
        """`did not confirm or reject the assertion that ...`: a denial verb under negation."""
        cue = quote.cue_mention
        span = self.doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue is not None else None
        return span is not None and len(span) > 0 and _negated_verb(span[0])

    def _quote(self, start: int, end: int) -> Quote | None:
        """The quotation holding the clause `start`..`end` (most of it), if any."""
        best, best_share = None, 0.6
        for s, e, quote in self.quotes:
            overlap = min(end, e) - max(start, s)
            if overlap <= 0:
                continue
            share = overlap / (end - start)
            if share > best_share:
                best, best_share = quote, share
        return best

    def _speaker(self, quote: Quote) -> Mention | None:
        """Where the text names the speaker of `quote`: their name before the quotation, else
        anywhere, else the mention the quotation stage gave (which may be a pronoun)."""
        speaker = quote.speaker
        mention = speaker.mention
        if mention is not None and DATELINE.match(self.body, self.body.rfind("\n", 0, mention.start) + 1) \
                and mention.text.isupper():
            return None  # the parser took a dateline's place for the speaker
        if speaker.name and (mention is None or mention.text != speaker.name):
            for name in (speaker.name, speaker.name.split()[-1]):
                at = self.body.rfind(name, 0, quote.start)
                if at < 0:
                    at = self.body.find(name)
                if at >= 0:
                    return self.article.mention(at, at + len(name))
        return mention

    def _quantities(self, tokens: Sequence[Token], start: int, end: int) -> tuple[Mention, ...]:
        """Numbers with their modifiers and units: "more than 400", "about 18,000 litres",
        "6 million crowns", "14 percent", "hundreds of drones"; not dates, times or names."""
        found: list[tuple[int, int]] = []
        used: set[int] = set()
        for token in tokens:
            if token.i in used or not _is_number(token) or self._in_time(token.idx) or self._in_name(token.idx):
                continue
            doc = token.doc
            first = last = token
            while last.i + 1 < len(doc) and last.i - token.i < 4 and _is_number(doc[last.i + 1]):
                last = doc[last.i + 1]
            following = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if following is not None and following.lower_ in ("%", "percent", "per", "pc"):
                if following.lower_ == "per" and last.i + 2 < len(doc) and doc[last.i + 2].lower_ == "cent":
                    last = doc[last.i + 2]
                elif following.lower_ != "per":
                    last = following
            elif last.dep_ in ("nummod", "quantmod", "compound", "amod") and 0 < last.head.i - last.i <= 3 \
                    and last.head.is_alpha and not self._in_time(last.head.idx):
                last = last.head
            elif last.lower_.endswith("s") and following is not None and following.lower_ == "of":
                pobj = next((c for c in following.children if c.dep_ == "pobj"), None)  # "hundreds of drones"
                if pobj is not None and pobj.i - last.i <= 4 and not self._in_time(pobj.idx):
                    last = pobj
            first = _with_modifier(doc, first)
            s, e = first.idx, last.idx + len(last)
            if start <= s and e <= end and e > s:
                found.append((s, e))
                used.update(range(first.i, last.i + 1))
        return tuple(self.article.mention(s, e) for s, e in found)

    def _in_name(self, offset: int) -> bool:
        return any(s <= offset < e for s, e, label in self.entities if label in ENTITY_LABELS)

    def _in_time(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.timexes)


# --- the parse ---------------------------------------------------------------------------------


def _clause_heads(sentence: Span) -> set[int]:
    """Token indices of the verbs that head a clause of their own in `sentence`: the parser may
    also hang a paragraph on the one before it, whose main verb then heads its own."""
    heads = {token.i for token in sentence if _is_head(token)}
    if "\n" in sentence.text.strip():
        line, lines = 0, {}
        for token in sentence:
            lines[token.i] = line
            line += "\n" in token.text_with_ws
        heads.update(token.i for token in sentence if token.is_alpha and lines.get(token.head.i) != lines[token.i]
                     and _verbal(token))
    return heads


def _is_head(token: Token) -> bool:
    dep = token.dep_
    if dep == "ROOT":
        return _verbal(token)
    if dep == "conj":
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or not _verb_form(token):
            return False
        own_subject = token.head.dep_ == "xcomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        return (_is_head_uncached(token.head) or own_subject) and _verbal_conj(token)
    if dep == "ccomp" and _withheld(token.head):
        return _verb_form(token) and (_statement(token) or _whether(token))
    if dep in ("ccomp", "parataxis"):
        return _verb_form(token) and (dep == "parataxis" or _statement(token) and (
            _is_attribution(token.head) or _content_noun(token.head) and not _negative_noun(token.head)
            or _content_subject(token.head) or _impersonal(token.head) is not None))
    if dep == "relcl":
        return _verb_form(token) and not _consequence(token)
    if dep == "advcl":
        return _verb_form(token) and _separate_adverbial(token)
    if dep == "acl":
        return _content_noun(token.head) and _marked_that(token) and not _negative_noun(token.head) \
            or _reporting_participle(token)
    return False


def _is_head_uncached(token: Token) -> bool:
    seen = 0
    while token.dep_ == "conj" and seen < 8:
        token = token.head
        seen += 1
    return _is_head(token)


def _verbal(token: Token) -> bool:
    return any(c.dep_ in VERB_CHILD_DEPS for c in token.children) or token.lower_ in IRREGULAR \
        or token.lower_.endswith(("ed", "ing"))


VERB_ONLY_DEPS = frozenset({"aux", "auxpass", "neg", "prt", "dobj", "agent", "acomp", "xcomp", "ccomp", "attr",
                            "dative", "oprd", "expl"})


def _verb_form(token: Token) -> bool:
    """Whether a clause head the parser found looks like a verb: a verb's dependents, or a
    verb's ending (the parser sometimes hangs a clause on a noun)."""
    lower = token.lower_
    if not (token.is_alpha or lower in IRREGULAR):
        return False
    if lower in IRREGULAR or lower.endswith(("ed", "ing")) or any(c.dep_ in VERB_ONLY_DEPS for c in token.children):
        return True
    deps = {c.dep_ for c in token.children}  # `Teskar, which employs ...`: a present tense with its subject
    return lower.endswith("s") and bool(deps & {"nsubj", "nsubjpass"}) and "prep" in deps


def _verbal_conj(token: Token) -> bool:
    """A coordinated verb, not a noun coordinated with the verb's object by a bad parse
    (`noted rust and pitting at the base`)."""
    if not any(c.dep_ in VERB_CHILD_DEPS for c in token.children):
        doc = token.doc
        before = token.i - 1
        while before > 0 and (doc[before].dep_ == "cc" or doc[before].is_punct):
            before -= 1
        objects = [c for c in token.head.children if c.dep_ in ("dobj", "attr") and c.i < token.i]
        if any(o.left_edge.i <= before <= o.right_edge.i for o in objects):
            return False
    return _verbal(token) or any(c.dep_ in ("prep", "advmod", "npadvmod") for c in token.children)


def _separate_adverbial(token: Token) -> bool:
    """`..., killing X`, `after a leak killed X`, `when a tank lost X`: facts of their own;
    not conditions, purposes or infinitives."""
    doc = token.doc
    for child in token.children:
        if child.dep_ == "mark" and (child.lower_ in HYPOTHETICAL_MARKS or child.lower_ == "as" and child.i > 0
                                     and doc[child.i - 1].lower_ in ("soon", "long", "far", "much", "well")):
            return False  # `as soon as`, `as long as`: a condition
    if token.head.lower_ in ("than",) or any(c.lower_ == "than" for c in token.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or token.lower_ == "to":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return True
    return token.lower_.endswith("ing") and any(c.dep_ in ("dobj", "xcomp") for c in token.children) \
        and not any(c.dep_ in ("mark", "prep") for c in token.children if c.i < token.i)


AUXILIARIES = frozenset("be have do will would can".split())
# Nouns of difficulty: the -ing verb after one (`had trouble replenishing ...`) is the clause's own act.
DIFFICULTY_NOUNS = frozenset("trouble difficulty difficulties problem problems struggle".split())
# Verbs by which a fact is said to show another (`X's plan to ... shows its need to ...`).
EVIDENTIAL_VERBS = frozenset("""
show imply indicate prove reflect demonstrate suggest signal underline underscore
""".split())
# Verbs by which a `, which ...` clause states the consequence of the clause before it.
CONSEQUENCE_VERBS = frozenset("cause lead force prompt push drive spur compel result".split())
NAMING_PARTICIPLES = frozenset("""
known called named dubbed described based located situated titled labelled labeled entitled made including
""".split())


def _reporting_participle(token: Token) -> bool:
    """`the ban, ordered by the minister on Wednesday`, `corrosion recorded at the plant in March`,
    `the official leading the investigation`: a participle that reports an act."""
    if any(c.dep_ in ("aux", "xcomp") for c in token.children):
        return False  # `sessions slated to begin ...`: part of the clause it is in
    if token.head.lower_ in DIFFICULTY_NOUNS:
        return False  # `had trouble replenishing their stock`: what the subject struggles to do
    if any(c.dep_ == "agent" for c in token.children):
        return True
    lower = token.lower_
    if lower in NAMING_PARTICIPLES:
        return False
    if lower.endswith("ing"):
        return any(c.dep_ == "dobj" for c in token.children)
    if (lower.endswith("ed") or lower in IRREGULAR) and IRREGULAR.get(lower) not in AUXILIARIES:
        return sum(1 for t in token.subtree if t.dep_ in ("prep", "npadvmod") and t.i > token.i) >= 2
    return False


def _event_subject(head: Token) -> Token | None:
    """The subject of a verb of evidence that names an event (`Russia's plan to acquire drones
    from Iran shows its urgent need ...`, `the revelation that Iran provided the drones proves
    that ...`): a noun with an infinitive or a "that"-clause of its own; None for another clause.
    The event is a fact stated elsewhere (or presupposed); the clause's own claim is what it
    shows, read with the event as its cause."""
    if _lemma(head) not in EVIDENTIAL_VERBS:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in PRONOUNS or subject.i > head.i:
        return None
    for child in subject.children:
        if child.dep_ in ("acl", "relcl") and any(
                g.dep_ == "aux" and g.lower_ == "to" or g.dep_ == "mark" and g.lower_ == "that"
                for g in child.children):
            return subject
    return None


def _consequence(token: Token) -> bool:
    """A relative clause on a whole clause that states its consequence (`..., which has caused them
    to look elsewhere`, `..., which led to ...`): `which` after a comma, a verb of causing. Cause and
    effect are one claim: the clause means nothing without the one it hangs on."""
    doc = token.doc
    relative = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "which"), None)
    return relative is not None and relative.i > 0 and doc[relative.i - 1].text == "," \
        and _lemma(token) in CONSEQUENCE_VERBS


def _discloses(head: Token) -> bool:
    """A verb of making public (`announced`, `revealed`), or a speech verb addressed to the press
    or said at a press occasion (`told reporters`, `said at a press briefing`)."""
    if _lemma(head) in DISCLOSURE_VERBS:
        return True
    for child in head.children:
        if child.dep_ in ("dobj", "dative") and child.lower_ in PRESS_AUDIENCES:
            return True
        if child.dep_ == "prep":
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            if noun is not None and (noun.lower_ in PRESS_AUDIENCES or noun.lower_ in PRESS_OCCASIONS):
                return True
    return False


def _pro_verb(token: Token) -> bool:
    """`do so`, `did so`, `doing so`: a verb phrase standing for one said before it."""
    return _lemma(token) == "do" and token.dep_ not in ("aux", "auxpass") and any(
        c.lower_ == "so" and c.dep_ == "advmod" and c.i == token.i + 1 for c in token.children)


# Verbs a pro-verb never stands for: auxiliaries, speech (`said it would do so`).
NOT_ANTECEDENTS = frozenset("be have do will would can".split())
# What a verb governs that is no part of its phrase: other clauses, coordination.
CLAUSE_DEPS = frozenset({"cc", "conj", "punct", "advcl", "relcl", "parataxis", "ccomp", "nsubj", "nsubjpass"})
# Clauses back to the sentence before at most: an antecedent further off is a guess.
MAX_ANTECEDENT_TOKENS = 60


def _pro_verb_antecedent(proxy: Token, clause: set[int]) -> list[Token] | None:
    """The verb phrase `do so` stands for: the nearest verb before it, outside its own clause,
    in its sentence or the one before (`appealed to the US to deliver drones, but the US has been
    hesitant to do so`: deliver drones), with what follows it in its phrase (its objects, not its
    subject); None when there is none."""
    doc = proxy.doc
    first = max(0, proxy.i - MAX_ANTECEDENT_TOKENS, proxy.sent.start - 1)
    if first < proxy.sent.start:
        first = doc[first].sent.start
    for i in range(proxy.i - 1, first - 1, -1):
        token = doc[i]
        if i in clause or token.dep_ not in ("ROOT", "xcomp", "conj", "ccomp", "advcl", "relcl", "pcomp") \
                or not _verbal(token) or _lemma(token) in NOT_ANTECEDENTS | ATTRIBUTION_VERBS:
            continue
        phrase = [token] + [t for c in token.rights if c.dep_ not in CLAUSE_DEPS for t in c.subtree]
        phrase = _trimmed([t for t in phrase if t.i not in clause])
        if len(phrase) > 1:
            return phrase
    return None


def _content_noun(token: Token) -> bool:
    return token.lower_ in CONTENT_NOUNS or base_form(token.lower_) in CONTENT_NOUNS or \
        token.lower_.rstrip("s") in CONTENT_NOUNS


def _negative_noun(token: Token) -> bool:
    """`no evidence that ...`: what follows is not stated."""
    return any(c.lower_ in ("no", "any") and c.dep_ == "det" for c in token.children) or _negated(token.head)


def _statement(token: Token) -> bool:
    """A clause that states something: not `whether ...`, `if ...`, `what caused ...` (but
    `explained how Iran had given ...` tells how something happened)."""
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in ("whether", "if"):
            return False
    first = token.left_edge
    return not (first.lower_ in ("what", "who", "why", "which", "whether", "where", "when")
                and first.i < token.i)


def _content_subject(token: Token) -> bool:
    """`Our best estimate is that ...`: a copula whose subject is a noun of assertion."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return _lemma(token) == "be" and subject is not None and (_content_noun(subject) or subject.lower_ in (
        "estimate", "estimates", "understanding", "assessment", "expectation", "guess"))


IMPERSONAL_HEDGES = frozenset("expect believe think say report fear understand rumour rumor suspect allege".split())
IMPERSONAL_HEDGED = frozenset("likely possible probable".split())
IMPERSONAL_STATED = frozenset("clear true certain evident known obvious confirmed".split())


def _impersonal(token: Token) -> str | None:
    """`it is expected that ...` ("alleged"), `it is true that ...` ("asserted"): the status of
    the statement an impersonal clause frames, None for another clause."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.lower_ != "it" or _negated(token):
        return None
    if any(c.dep_ == "auxpass" for c in token.children) and _lemma(token) in IMPERSONAL_HEDGES:
        return "alleged"
    if _lemma(token) == "be":
        complement = next((c for c in token.children if c.dep_ == "acomp"), None)
        if complement is not None and complement.lower_ in IMPERSONAL_HEDGED:
            return "alleged"
        if complement is not None and complement.lower_ in IMPERSONAL_STATED:
            return "asserted"
    return None


def _marked_that(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _is_attribution(token: Token) -> bool:
    """An active, affirmed speech verb: its complement is someone's statement."""
    if _lemma(token) not in ATTRIBUTION_VERBS:
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or _negated_verb(token):
        return False
    return True


def _withheld(token: Token) -> bool:
    """An active speech verb under negation whose complement its subject neither states nor
    denies: an open question (`did not say whether ...`), or a statement of someone else's that
    it would not take a stand on (`did not confirm or reject the assertion that ...`). Not `did
    not tell us that ...`: that denies the telling, and is a claim of its own."""
    lemma = _lemma(token)
    if lemma not in ATTRIBUTION_VERBS or any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return False
    if not _negated_verb(token) and not any(c.dep_ == "nsubj" and c.left_edge.lower_ in ("neither", "no", "nobody")
                                           for c in token.children):
        return False
    return lemma in STANCE_VERBS or any(c.dep_ == "ccomp" and _whether(c) for c in token.children)


def _negated_verb(token: Token) -> bool:
    """`token` negated, or coordinated with a negated verb it shares its subject with (`did not
    confirm or reject`: the negation covers both)."""
    if _negated(token):
        return True
    return token.dep_ == "conj" and _negated(token.head) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _whether(token: Token) -> bool:
    """A `whether`-clause about something named (`whether the drones had been delivered`), not
    about a pronoun (`whether he will return`: too little to stand alone)."""
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in PRONOUNS for c in token.children)


def _content(token: Token) -> list[Token]:
    """The statement(s) `token` attributes: clausal complements of a speech verb, or the
    "that"-clause of its object noun (`rejected claims that ...`, `our estimate is that ...`)."""
    if _content_subject(token) or _impersonal(token):
        return [c for c in token.children if c.dep_ == "ccomp" and _statement(c)]
    if _withheld(token):
        found = [c for c in token.children if c.dep_ == "ccomp" and _verb_form(c) and (_statement(c) or _whether(c))]
        for child in token.children:
            if child.dep_ == "dobj" and _content_noun(child):
                found += [c for c in child.children if c.dep_ in ("acl", "ccomp") and _marked_that(c)]
        return found
    if not _is_attribution(token):
        return []
    found = [c for c in token.children if c.dep_ == "ccomp" and _statement(c)]
    if not found:
        for child in token.children:
            if child.dep_ == "dobj" and _content_noun(child):
                found = [c for c in child.children if c.dep_ in ("acl", "ccomp") and _marked_that(c)]
    return found


def _attribution_markers(token: Token) -> list[Token]:
    """`according to X` and `..., X said, ...` inside a clause: cut out of it, never a claim."""
    found = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            found.append(child)
        elif child.dep_ == "parataxis" and _lemma(child) in ATTRIBUTION_VERBS:
            found.append(child)
    return found


def _is_marker(token: Token) -> bool:
    """`according to X`, `..., X said, ...` and `as reported by X` inside a clause: cut out of
    it, never a claim."""
    if token.dep_ == "prep":
        return token.lower_ == "according"
    return token.dep_ == "parataxis" and _lemma(token) in ATTRIBUTION_VERBS or _as_reported(token)


def _as_reported(token: Token) -> bool:
    """`as reported by Bloomberg`, `as confirmed by the ministry`: an attribution, wherever the
    parser hung it."""
    return _lemma(token) in ATTRIBUTION_VERBS and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children) \
        and any(c.dep_ == "agent" for c in token.children)


def _owners(tokens: range, separate: set[int], heads: list[int]) -> dict[int, int]:
    """The clause each of `tokens` (indices of a sentence) belongs to: the index of its nearest
    ancestor (or itself) in `separate`, -1 for none. `heads`: each token's head index in the doc."""
    owners: dict[int, int] = {}
    for i in tokens:
        path = []
        node = i
        owner = -1
        for _ in range(64):
            if node in owners:
                owner = owners[node]
                break
            path.append(node)
            if node in separate:
                owner = node
                break
            if heads[node] == node:
                break
            node = heads[node]
        for j in path:  # only the last node of the path can be in `separate`: all share its owner
            owners[j] = owner
    return owners


def _trimmed(tokens: list[Token]) -> list[Token]:
    """Without leading conjunctions, subordinators, relative pronouns and punctuation, and
    without trailing punctuation and conjunctions."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].is_space
                      or tokens[0].dep_ in ("cc", "mark") and tokens[0].lower_ != "whether"
                      or tokens[0].lower_ in RELATIVES | {"how"}
                      and tokens[0].dep_ in ("nsubj", "nsubjpass", "advmod", "dobj")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc") \
            and tokens[-1].text not in (")", "%"):
        tokens = tokens[:-1]
    return tokens


def _predicate_token(head: Token) -> Token:
    """The verb that carries the predicate: through light verbs to their complement
    (`is preparing to provide` -> provide, `is scheduled to visit` -> visit)."""
    token = head
    for _ in range(4):
        if _lemma(token) not in LIGHT_VERBS | HEDGE_RAISING and token.lower_ not in ("ready", "due", "set", "able"):
            break
        complement = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if complement is None:
            adjective = next((c for c in token.children if c.dep_ == "acomp"), None)
            complement = next((c for c in adjective.children if c.dep_ == "xcomp"), None) if adjective else None
        if complement is None:
            break
        token = complement
    return token


def _subject_phrase(head: Token, newlines: list[int]) -> list[Token] | None:
    """The clause's subject: its own, else the antecedent of a relative pronoun or the noun a
    participle modifies, else the subject of the clause it is coordinated with or depends on."""
    token = head
    if any(c.dep_ == "expl" for c in head.children):
        return None  # `there has been no ...`
    for _ in range(6):
        candidates = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")] + \
            [g for c in token.children if c.dep_ in ("aux", "auxpass") for g in c.children if g.dep_ == "nsubj"]
        subject = next((c for c in candidates if _same_line(newlines, c, head) and not _dateline_word(c)), None)
        if subject is not None:
            if subject.lower_ in RELATIVES and token.dep_ == "relcl":
                return _noun_phrase(_antecedent(token.head))
            return _noun_phrase(subject)
        if token.dep_ == "acl" or (token.dep_ == "relcl"):
            return _noun_phrase(_antecedent(token.head))
        if token.dep_ in ("conj", "advcl", "xcomp", "pcomp") or token.dep_ == "prep":
            token = token.head
            continue
        break
    return None


def _antecedent(noun: Token) -> Token:
    """The noun a relative clause or participle the parser hung on `noun` modifies: not a role
    (`Biden's first trip to the Middle East as president, which included ...`: the trip)."""
    role = noun.head
    if noun.dep_ == "pobj" and role.lower_ == "as" and role.dep_ == "prep" and role.head.i < noun.i \
            and not any(c.dep_ in ("det", "poss") for c in noun.children) and not _verbal(role.head):
        return role.head
    return noun


def _same_line(newlines: list[int], a: Token, b: Token) -> bool:
    """Whether no line break (offsets `newlines`, sorted) separates `a` and `b`."""
    return bisect_left(newlines, a.idx) == bisect_left(newlines, b.idx)


def _dateline_word(token: Token) -> bool:
    """`SARNHOLM (ANW) —`: the place of a dateline, which the parser may take for a subject."""
    doc = token.doc
    following = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return token.text.isupper() and len(token.text) > 2 and following[:1] in ("(", "—", "–", "-", ",")


def _object_phrase(head: Token) -> list[Token] | None:
    for dep in OBJECT_DEPS:
        child = next((c for c in head.children if c.dep_ == dep), None)
        if child is not None:
            if child.lower_ in RELATIVES and head.dep_ == "relcl":
                return _noun_phrase(head.head)
            return _noun_phrase(child)
    if head.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVES
                                    for c in head.children) and any(c.lower_ in RELATIVES for c in head.children):
        return _noun_phrase(head.head)  # `a weld seam that corrosion had thinned`
    for child in head.children:
        if child.dep_ in ("prep", "agent") and child.i > head.i:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return [child, *_noun_phrase(pobj)]
    return None


def _noun_phrase(head: Token) -> list[Token]:
    """`head` with its modifiers before it and its compounds, `of`-phrases and numbers after;
    not the clauses after it."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "case") or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i)
        else:
            break
    tokens = [doc[i] for i in range(left, right + 1)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "prep", "mark")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text != ")":
        tokens = tokens[:-1]
    return tokens


def _verb_of(token: Token) -> Token:
    return token.head if token.dep_ in SUBJECT_DEPS else token


def _negated(token: Token) -> bool:
    """`not`, `never`, and `at no point`, `in no way`, `at no time` on the verb."""
    for child in token.children:
        if child.dep_ == "neg" or (child.lower_ in ("never", "neither", "nowhere")
                                   and child.dep_ in ("advmod", "preconj", "neg")):
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and any(d.lower_ == "no" and d.dep_ == "det"
                                                                   for d in g.children) for g in child.children):
            return True
    return False


def _negative_argument(head: Token, subject: list[Token] | None, obj: list[Token] | None) -> bool:
    """`no such finding`, `nobody has told`, `nothing was found`: negation on an argument."""
    for phrase in (subject, obj):
        if phrase and any(t.lower_ in ("no", "nobody", "nothing", "none", "neither") and t.head.i in
                          {p.i for p in phrase} | {head.i} for t in phrase[:3]):
            return True
    for child in head.children:  # `there has been no special development`
        if child.dep_ in ("attr", "dobj", "nsubj") and any(c.lower_ == "no" and c.dep_ == "det"
                                                           for c in child.children):
            return True
    return False


def _existential_negation(head: Token) -> bool:
    return any(c.dep_ == "expl" for c in head.children) and _negative_argument(head, None, None)


def _hedge(head: Token, core: Token, tokens: Sequence[Token]) -> str | None:
    """The hedging word as written: an adverb, a modal of the clause's verbs, a raising verb."""
    chain = {head.i, core.i}
    for token in tokens:
        lower = token.lower_
        if lower in HEDGE_ADVERBS and token.dep_ in ("advmod", "npadvmod"):
            return token.text
        if lower in HEDGE_MODALS and token.dep_ == "aux" and token.head.i in chain:
            return token.text
    for token in (head, core):
        lemma = _lemma(token)
        if lemma in HEDGE_RAISING and any(c.dep_ == "xcomp" for c in token.children) and (
                lemma in ("appear", "seem") or any(c.dep_ == "auxpass" for c in token.children)):
            return token.text
    return None


def _attribution(head: Token, attributions: dict[int, list[Token]],
                 newlines: list[int]) -> tuple[Token | None, str | None]:
    """Who states the clause `head` heads, as the parse shows it, and the status that follows
    (None: the clause's own). Only its own line counts: the parser may join a headline to it."""
    node = head
    status: str | None = None
    source: Token | None = None
    for _ in range(24):
        for marker in _attribution_markers(node):
            if source is None and _same_line(newlines, marker, head):
                source = _marker_source(marker)
        parent = node.head
        if parent.i == node.i or not _same_line(newlines, parent, head):
            break
        if parent.i in attributions and node in attributions[parent.i] and _withheld(parent):
            if _whether(node):  # `X did not say whether ...`: the question is open, by X's account
                source = source or _speaker_token(parent)
            else:  # `X did not confirm the assertion that ...`: the assertion's, not X's
                status = status or "alleged"
                noun = next((c for c in parent.children if c.dep_ == "dobj" and _content_noun(c)), None)
                source = source or (_possessor(noun) if noun is not None else None)
        elif parent.i in attributions and node in attributions[parent.i]:
            speaker = _speaker_token(parent)
            lemma = _lemma(parent)
            if status is None:
                status = "denied" if lemma in DENIAL_VERBS else "alleged" if lemma in ALLEGING_VERBS else None
                if status is None and _impersonal(parent) == "alleged":
                    status = "alleged"
            if source is None or source.lower_ in PRONOUNS or _vague(source.text):
                source = speaker or source
        elif parent.dep_ == "dobj" and parent.head.i in attributions and node in attributions[parent.head.i]:
            withheld = _withheld(parent.head)
            speaker = _possessor(parent) or (None if withheld else _speaker_token(parent.head))
            lemma = _lemma(parent.head)
            if status is None:
                status = "denied" if lemma in DENIAL_VERBS and not withheld else "alleged" if withheld or \
                    parent.lower_.rstrip("s") in ALLEGED_NOUNS else None
            if source is None:
                source = speaker
        elif node.dep_ in ("acl", "ccomp") and _content_noun(parent) and _marked_that(node):
            if status is None and parent.lower_.rstrip("s") in ALLEGED_NOUNS:
                status = "alleged"
            if source is None:
                source = _possessor(parent)
        node = parent
        if source is not None and source.lower_ not in PRONOUNS and not _vague(source.text) and status:
            break
    return source, status


ADDRESSEE_VERBS = frozenset("tell inform brief assure warn remind".split())


def _trailing_attribution(sentence: Span) -> Token | None:
    """`..., a senior official said on Tuesday.`: a speech verb with its subject closing the
    sentence after a comma, however the parser attached it, attributes the whole sentence."""
    tokens = [t for t in sentence if not (t.is_punct or t.is_space)]
    for verb in reversed(tokens[-12:]):
        if _lemma(verb) not in ATTRIBUTION_VERBS or verb.dep_ == "ROOT" and not any(
                c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) and verb.dep_ == "ROOT":
            continue
        if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and _lemma(verb) not in ADDRESSEE_VERBS
               for c in verb.children if c.i > verb.i):
            return None
        if verb.dep_ == "ROOT" or _speaker_token(verb) is None:
            return None
        left = verb.left_edge
        if left.i == 0 or sentence.doc[left.i - 1].text != "," or verb.right_edge.i < tokens[-1].i:
            return None
        return verb
    return None


def _speaker_token(verb: Token) -> Token | None:
    """The subject of a speech verb, through the verbs it is coordinated with or depends on
    (`he said ... and added`, `by saying that`)."""
    token = verb
    for _ in range(5):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if subject.lower_ in RELATIVES and token.dep_ == "relcl":
                return token.head
            return subject
        if token.dep_ == "acl":
            return token.head  # `intelligence indicating that ...`
        if token.dep_ in ("conj", "advcl", "pcomp", "xcomp", "prep"):
            token = token.head
            continue
        break
    return None


def _marker_source(marker: Token) -> Token | None:
    agent = next((c for c in marker.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    if marker.lower_ == "according":
        to = next((c for c in marker.children if c.dep_ == "prep"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return _speaker_token(marker)


def _possessor(noun: Token) -> Token | None:
    """`the company's position` -> company; `claims by X` / `of X` -> X."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in PRONOUNS:
            return child
        if child.dep_ == "compound" and child.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_:
                return pobj
    return None


VAGUE_SOURCES = frozenset("""
information intelligence data report reports evidence it this that which statement findings finding
""".split())


def _vague(text: str) -> bool:
    words = text.lower().split()
    return not words or words[-1] in VAGUE_SOURCES or words[-1] in PRONOUNS


def _with_modifier(doc: Doc, first: Token) -> Token:
    """`first` extended left over a modifier such as "more than" or "an estimated"."""
    for modifier in QUANTITY_MODIFIERS:
        begin = first.i - len(modifier)
        if begin >= 0 and all(doc[begin + n].lower_ == word for n, word in enumerate(modifier)):
            return doc[begin]
    return first


def _is_number(token: Token) -> bool:
    text = token.lower_
    if not (token.like_num or text in NUMBER_WORDS or text in ("several", "half") or "-" in text):
        return False
    if any(ch.isdigit() for ch in text):
        return bool(re.fullmatch(r"[$€£]?\d[\d,.]*(?:%|[a-z]{0,2})?", text))
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    if text == "one":
        before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
        return token.dep_ == "nummod" and before not in ("no", "every", "any", "each", "the", "this", "that")
    if text == "half":
        return following in ("of", "a")
    if text == "several":
        return following in ("hundred", "thousand", "million", "hundreds", "thousands", "millions")
    return text in NUMBER_WORDS or ("-" in text and all(part in NUMBER_WORDS for part in text.split("-")))


def _substantive(tokens: Sequence[Token], obj: list[Token] | None, quantities: tuple, times: tuple,
                 entities: list[tuple[int, int, str]], ranges: list[tuple[int, int]]) -> bool:
    """Some content: an entity, a number, a date, or an object that is more than a pronoun."""
    content = [t for t in tokens if t.is_alpha and t.lower_ not in STOPWORDS]
    if len(content) < 2:
        return False
    if quantities or times:
        return True
    if any(label in ENTITY_LABELS and start <= s and e <= end for s, e, label in entities for start, end in ranges):
        return True
    if obj and not all(t.dep_ == "acomp" for t in obj[:1]):
        words = [t for t in obj if t.is_alpha and t.lower_ not in STOPWORDS and t.lower_ not in PRONOUNS]
        if words and len(content) >= 3:
            return True
    return len(content) >= 4 and any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in PRONOUNS
                                     and t.lower_ not in RELATIVES for t in tokens)


DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,40}(?:,[^—–\n]{0,40})?(?:\s*\([A-Za-z ]{1,20}\))?\s*[—–-]{1,2}\s+")


def _clip_line(body: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """`start`..`end` cut to the line that holds `anchor` (a clause never crosses a paragraph),
    and without the line's dateline (`SARNHOLM (ANW) — `)."""
    line_start = body.rfind("\n", 0, anchor) + 1
    dateline = DATELINE.match(body, line_start)
    if dateline is not None and dateline.end() <= anchor:
        line_start = dateline.end()
    line_end = body.find("\n", anchor)
    line_end = len(body) if line_end < 0 else line_end
    return _strip(body, max(start, line_start), min(end, line_end))


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (body[start].isspace() or body[start] in "\"“”‘’',;:—–-"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in "\"“”‘’',;:—–-"):
        end -= 1
    return start, end
