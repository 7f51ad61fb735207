"""Typo-tolerant matching of names and titles ("andreasen" finds Andreassen, "pfzer" finds Pfizer).

On PostgreSQL pg_trgm narrows the candidates in the database; on SQLite every candidate is read. Either
way rapidfuzz scores the same candidates word by word, so both databases rank alike.
"""

from collections.abc import Sequence

from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from rapidfuzz import fuzz, process

from registry.names import fold

# Out of 100: how close each word of the query must come to some word of the text. 80 lets one typo
# through in a word of five letters or more ("ketamin", "pfzer", "andreasen") and none in shorter ones.
WORD_THRESHOLD = 80
# Words of a query the database looks at (the score reads them all): enough for any name or title.
MAX_WORDS = 8


def words(text: str) -> list[str]:
    return fold(text).split()


def word_score(query_words: list[str], text: str) -> float:
    """0 unless every query word is in the text or within a typo of one of its words; else the mean
    closeness, 100 for exact words, plus one when the whole text is the query."""
    text_words = words(text)
    if not query_words or not text_words:
        return 0.0
    scores = [
        max(100.0 if word in candidate else fuzz.ratio(word, candidate) for candidate in text_words)
        for word in query_words
    ]
    if min(scores) < WORD_THRESHOLD:
        return 0.0
    return sum(scores) / len(scores) + (1.0 if query_words == text_words else 0.0)


def scores_of(query_words: list[str], texts: Sequence[str], *, folded: bool = False) -> dict[int, float]:
    """`word_score(query_words, text)` of every text that scores, by the text's position in `texts`.

    The same scores, sooner: each distinct word of the texts is compared once with each query word
    (rapidfuzz's batch `extract`), and only the texts holding a close word for every query word are
    scored one by one. On SQLite, where every candidate is read, scoring each text alone took most of a
    search. `folded` says the texts are folded already (a `normalized_name` column), so not again.
    """
    if not query_words:
        return {}
    folded_texts = texts if folded else [fold(text) for text in texts]
    vocabulary = list(set(" ".join(folded_texts).split()))
    close_words = []
    for query_word in query_words:
        close = {word for word in vocabulary if query_word in word}
        close.update(
            word
            for word, _, _ in process.extract(
                query_word, vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_THRESHOLD, limit=None
            )
        )
        if not close:
            return {}
        close_words.append(close)
    return {
        position: score
        for position, text in enumerate(folded_texts)
        if all(not close.isdisjoint(text.split()) for close in close_words)
        if (score := word_score(query_words, texts[position]))
    }


# Two neighbouring letters swapped, the commonest typo, break the trigrams around them: in a word of five
# to seven letters too many for the trigram threshold ("zahng" is 0.2 from "zhang", "ohtmas" 0.29 from
# "thomas"), though the score lets it through. A shorter word cannot score a swap (two edits over the eight
# letters of two four-letter words: 75, under WORD_THRESHOLD); a longer one keeps enough trigrams (0.44 or more).
SWAPS_CHECKED = range(5, 8)


def swapped(word: str) -> list[str]:
    """The word with each pair of different neighbouring letters swapped, if a swap could go unseen by the
    trigram threshold (a word of five to seven letters); each found by the trigram index as a LIKE."""
    if len(word) not in SWAPS_CHECKED:
        return []
    return [
        word[:at] + word[at + 1] + word[at] + word[at + 2 :] for at in range(len(word) - 1) if word[at] != word[at + 1]
    ]


def candidates(queryset: QuerySet, field: str, key: str, *, also: Q | None = None) -> QuerySet:
    """The rows of `queryset` worth scoring against `key`: on PostgreSQL those where some word of the key
    is in `field` or trigram-similar to a part of it (or that meet `also`), everywhere else all of them.
    Any word rather than every word, in any order: the score then asks for every word."""
    if connection.vendor != "postgresql":
        return queryset
    # pg_trgm (migration 0011). `field %> word` is word_similarity(word, field) >= the connection's
    # pg_trgm.word_similarity_threshold (0.3, set in settings.DATABASES: below it PostgreSQL does not even
    # offer a candidate): an operator, unlike the function, that the trigram indexes of migration 0013
    # serve. Normalized names are in lower case already, so a plain LIKE finds a word in them, and the
    # index on the column serves it; a title needs icontains (UPPER() LIKE UPPER(), its own index).
    from django.contrib.postgres.lookups import TrigramWordSimilar

    condition = also if also is not None else Q(pk__in=[])
    contains = "contains" if field == "normalized_name" else "icontains"
    for word in key.split()[:MAX_WORDS]:
        condition |= Q(TrigramWordSimilar(F(field), Value(word))) | Q(**{f"{field}__{contains}": word})
        for variant in swapped(word):
            condition |= Q(**{f"{field}__{contains}": variant})
    # Unordered: the hits are ranked by score afterwards, and sorting thousands of candidates by the
    # model's ordering was a tenth of a misspelt search's SQL at the large scale.
    return queryset.filter(condition).order_by()
