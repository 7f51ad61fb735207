"""Statements in other languages that take the same shapes as English ones: a name, a tie, "from A and B".

Every statement here is invented.
"""

import pytest

from registry.parsing import parse_statement

AUTHORS = ["Tom Marx", "Mia Kunz", "Pia Stamm"]


@pytest.mark.parametrize(
    "statement",
    [
        "T. Marx hat Vortragshonorare von Vaxco und Genco erhalten. M. Kunz ist Berater für Medico. "
        "P. Stamm gibt an, dass kein Interessenkonflikt besteht.",
        "T. Marx a reçu des honoraires de Vaxco et Genco. M. Kunz est consultant pour Medico. "
        "P. Stamm déclare ne pas avoir de conflit d'intérêts.",
        "T. Marx ha recibido honorarios de Vaxco y Genco. M. Kunz es consultor de Medico. "
        "P. Stamm declara no tener ningún conflicto de interés.",
        "T. Marx recebeu honorários de Vaxco e Genco. M. Kunz é consultor da Medico. "
        "P. Stamm declara não haver conflito de interesses.",
    ],
)
def test_the_same_shapes_in_german_french_spanish_and_portuguese(statement):
    result = parse_statement(statement, AUTHORS)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Tom Marx", "lectures", "Vaxco"),
        ("Tom Marx", "lectures", "Genco"),
        ("Mia Kunz", "consulting", "Medico"),
    ]
    assert result.declares_none == ["Pia Stamm"]


def test_a_foundation_named_after_two_people_keeps_its_und():
    result = parse_statement("T.M. has received consultant fees from Daimler und Benz Stiftung and Vaxco.", AUTHORS)
    assert [it.organization for it in result.items] == ["Daimler und Benz Stiftung", "Vaxco"]
