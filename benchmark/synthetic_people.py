"""People of the synthetic registry as a publisher's records show them: one researcher under several
records (name printed with initials, with or without the middle initial, with diacritics; an ORCID iD
on one record only), and common names ("Wei Wang") borne by different researchers. Which records are
one researcher is kept, so linking can be scored against it."""

import random
from dataclasses import dataclass, field

# Names that many different researchers share: linking must keep these people apart.
COMMON_NAMES = [
    "Wei Wang",
    "Li Zhang",
    "Jun Li",
    "Hui Chen",
    "Yan Liu",
    "Min Kim",
    "Jin Park",
    "Maria Garcia",
    "John Smith",
    "Anna Muller",
]
COMMON_SHARE = 0.02  # of researchers, bearing one of the common names
MIDDLE_SHARE = 0.3  # of researchers, with a middle initial
ORCID_SHARE = 0.4  # of researchers, with an ORCID iD on their first record
# Of a researcher's authorships after the first, the share recorded under a record of their own, as
# an import does when it cannot tell the name printed is someone already in the registry.
DUPLICATE_SHARE = 0.3
VARIANTS = [("exact", 0.3), ("diacritics", 0.2), ("middle", 0.2), ("initials", 0.3)]
_ACCENTS = str.maketrans("aeiou", "áéíöü")


@dataclass
class Researcher:
    given: str
    middle: str  # an initial, or ""
    family: str
    orcid: str | None = None

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.given, f"{self.middle}." if self.middle else "", self.family) if part)


@dataclass
class Identities:
    """Record id → the researcher (their first record's id) it belongs to, for every background record."""

    researcher_of: dict[int, int] = field(default_factory=dict)

    def true_pairs(self) -> int:
        sizes: dict[int, int] = {}
        for researcher in self.researcher_of.values():
            sizes[researcher] = sizes.get(researcher, 0) + 1
        return sum(n * (n - 1) // 2 for n in sizes.values())


def orcid_for(number: int) -> str:
    """A well-formed ORCID iD (ISO 7064 11,2 check digit) from a running number."""
    digits = f"{number:015d}"
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    base = digits + ("X" if check == 10 else str(check))
    return "-".join(base[i : i + 4] for i in range(0, 16, 4))


def new_researcher(rng: random.Random, word, number: int) -> Researcher:
    """`word(syllables)` gives a pronounceable word; `number` makes the ORCID iD unique."""
    if rng.random() < COMMON_SHARE:
        given, family = rng.choice(COMMON_NAMES).split()
    else:
        given, family = word(2).capitalize(), word(3).capitalize()
    middle = rng.choice("ABCDEFGHJKLMNPRST") if rng.random() < MIDDLE_SHARE else ""
    orcid = orcid_for(number) if rng.random() < ORCID_SHARE else None
    return Researcher(given, middle, family, orcid)


def variant_name(rng: random.Random, researcher: Researcher) -> str:
    """The name as one more article prints it."""
    kind = rng.choices([k for k, _ in VARIANTS], weights=[w for _, w in VARIANTS])[0]
    given, middle, family = researcher.given, researcher.middle, researcher.family
    if kind == "diacritics":  # one accented vowel, as a name keeps it in its own language
        vowel = next((i for i, letter in enumerate(family) if i and letter in "aeiou"), None)
        if vowel is not None:
            family = family[:vowel] + family[vowel].translate(_ACCENTS) + family[vowel + 1 :]
    elif kind == "middle":
        middle = "" if middle else rng.choice("ABCDEFGHJKLMNPRST")
    elif kind == "initials":
        given = f"{given[0]}."
    return " ".join(part for part in (given, f"{middle}." if middle else "", family) if part)
