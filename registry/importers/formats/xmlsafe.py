"""XML parsing without entity expansion, DTD loading or network access.

A document whose DOCTYPE declares entities (the shape of XXE and "billion laughs" attacks) is
refused before lxml sees it, and checked again after parsing in case its encoding hid it.
"""

from lxml import etree

from registry.importers.errors import ImportFailure


def _parser() -> etree.XMLParser:
    # A new parser per document: lxml parsers keep state and are not safe to share across threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
    )


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def parse_xml(data: bytes, *, file: str) -> etree._ElementTree:
    """Parse `data` safely; raise ImportFailure naming the line and reason of any refusal."""
    if b"<!DOCTYPE" in data:
        entity_at = data.find(b"<!ENTITY")
        if entity_at >= 0:
            raise ImportFailure(
                "the DOCTYPE declares entities; documents with entity declarations are refused "
                "(external entities and entity expansion are unsafe)",
                file=file,
                location=f"line {_line_of(data, entity_at)}",
            )
    try:
        tree = etree.fromstring(data, parser=_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else "")
        raise ImportFailure(
            f"not well-formed XML: {exc.msg}", file=file, location=f"line {line}" if line else ""
        ) from exc
    except ValueError as exc:  # e.g. a unicode string with an encoding declaration
        raise ImportFailure(f"not readable as XML: {exc}", file=file) from exc
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ImportFailure(
            "the DOCTYPE declares entities; documents with entity declarations are refused",
            file=file,
            location="line 1",
        )
    return tree


def local_name(element) -> str:
    """The tag without its namespace (`{http://www.orcid.org/ns/common}name` → `name`)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def text_of(element, *, skip: frozenset[str] = frozenset()) -> str:
    """The element's text with whitespace collapsed, leaving out descendants named in `skip`."""
    if element is None:
        return ""
    if not skip:
        return " ".join("".join(element.itertext()).split())
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if local_name(child) not in skip:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())
