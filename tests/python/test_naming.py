"""One vocabulary (doc/naming.md): the naming table lists every public C
function with its Python and Java names and argument order. These tests
check the C headers and the Python package against the table, and the
table's Python and Java columns against each other; the Java surface is
checked by tests/java/no/ipart/NamingTest.java.

A failure names the row to add or the name to fix."""
import enum
import inspect
import pathlib
import re
from typing import Dict, Iterator, List, NamedTuple, Optional, Set, Tuple

import pytest

import ipart

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = ROOT / "doc" / "naming.md"
HEADERS = sorted((ROOT / "include" / "ipart").rglob("*.h"))


class Span(NamedTuple):
    """One name of a table cell: `Owner.member(args)`, `Owner(args)` (a
    constructor), `function(args)`, or `Owner.property` (no parentheses)."""
    owner: str             # "" for a module-level Python function or constant
    member: str            # "" for a constructor
    args: Optional[Tuple[str, ...]]  # None: no parentheses (property, attribute)
    text: str


def sections() -> Dict[str, List[List[str]]]:
    """The table rows of each `## Section`, as lists of cell texts."""
    out: Dict[str, List[List[str]]] = {}
    current = ""
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif line.startswith("|") and not re.match(r"^\|[-| ]+\|$", line):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out.setdefault(current, []).append(cells)
    for rows in out.values():
        del rows[0]  # the header row
    return out


def spans(cell: str, types: Set[str]) -> List[Span]:
    """The code spans of a cell (`—` or free text give none)."""
    out = []
    for text in re.findall(r"`([^`]+)`", cell):
        m = re.fullmatch(r"([A-Za-z_][\w.]*)(?:\((.*)\))?", text)
        assert m, f"doc/naming.md: cannot read `{text}`"
        name, args = m.group(1), m.group(2)
        arglist = None if args is None else tuple(
            a.split("=")[0].strip() for a in args.split(",") if a.strip() and a.strip() != "*")
        if name in types:
            out.append(Span(name, "", arglist, text))
        elif "." in name:
            owner, member = name.rsplit(".", 1)
            out.append(Span(owner, member, arglist, text))
        else:
            out.append(Span("", name, arglist, text))
    return out


SECTIONS = sections()
FUNCTIONS = SECTIONS["Functions"]
TYPES = SECTIONS["Types"]
DEPRECATED = SECTIONS["Deprecated aliases"]
PY_TYPES = {s for row in TYPES for s in re.findall(r"`([^`]+)`", row[1])}
JAVA_TYPES = {s for row in TYPES for s in re.findall(r"`([^`]+)`", row[2])}


def python_spans() -> Iterator[Span]:
    for row in FUNCTIONS:
        yield from spans(row[1], PY_TYPES)


def python_deprecated() -> List[Span]:
    return [s for row in DEPRECATED if row[0] == "Python" for s in spans(row[1], PY_TYPES)]


def c_functions() -> Dict[str, Tuple[str, ...]]:
    """Every IPART_API function of the public headers, with its parameter names."""
    out = {}
    for header in HEADERS:
        text = re.sub(r"/\*.*?\*/", "", header.read_text(encoding="utf-8"), flags=re.S)
        for m in re.finditer(r"IPART_API[^;{]*?\b(ipart_\w+)\s*\(([^)]*)\)", text, re.S):
            params = [p.strip() for p in m.group(2).split(",") if p.strip() not in ("", "void")]
            out[m.group(1)] = tuple(re.split(r"[\s*]+", p)[-1] for p in params)
    return out


def test_the_table_parses_and_has_its_sections():
    assert len(FUNCTIONS) > 100 and len(TYPES) > 40 and DEPRECATED
    assert all(len(row) == 4 for row in FUNCTIONS + TYPES), "every row has 4 cells"


def test_every_public_c_function_has_a_row_with_its_argument_order():
    listed = {}
    for row in FUNCTIONS:
        m = re.fullmatch(r"`(ipart_\w+)\(([^)]*)\)`", row[0])
        if m:
            listed[m.group(1)] = tuple(a.strip() for a in m.group(2).split(",") if a.strip())
    problems = []
    for name, params in c_functions().items():
        if name not in listed:
            problems.append(f"{name} is public but has no row: add `| `{name}({', '.join(params)})` "
                            f"| <Python name(args)> | <Java Class.name(args)> | |` to doc/naming.md, "
                            f"and bind it in both languages")
        elif listed[name] != params:
            problems.append(f"{name}: the table says ({', '.join(listed[name])}), "
                            f"the header ({', '.join(params)})")
    for name in set(listed) - set(c_functions()):
        problems.append(f"doc/naming.md lists {name}, which no public header declares")
    assert not problems, "\n".join(problems)


def _python_class(name: str) -> type:
    return getattr(ipart, name)


def _own_public_members(cls: type) -> Set[str]:
    """Members a class defines itself, minus the data of records and enums."""
    data: Set[str] = set(getattr(cls, "_fields", ()))
    if issubclass(cls, enum.Enum):
        data |= set(cls.__members__)
    return {m for m in vars(cls) if not m.startswith("_") and m not in data}


def test_every_public_python_name_is_in_the_table():
    listed = {(s.owner, s.member) for s in python_spans()}
    listed |= {(s.owner, s.member) for s in python_deprecated()}
    problems = []
    for name in ipart.__all__:
        if name.startswith("__"):
            continue
        obj = getattr(ipart, name)
        if inspect.isclass(obj):
            if name not in PY_TYPES:
                problems.append(f"class ipart.{name} is not in the Types table of doc/naming.md: "
                                f"add `| <C type> | `{name}` | <Java class> | |`")
                continue
            for member in sorted(_own_public_members(obj)):
                if (name, member) not in listed:
                    problems.append(f"ipart.{name}.{member} is public but not in doc/naming.md: add it "
                                    f"as `{name}.{member}(args)` to the row of its C function")
        elif ("", name) not in listed:
            problems.append(f"ipart.{name} is public but not in doc/naming.md: add `{name}(args)` to "
                            f"the row of its C function")
    assert not problems, "\n".join(problems)


def _sample_error() -> ipart.IpartError:
    with pytest.raises(ipart.IpartError) as caught:
        ipart.Money.parse("x", "NOK")
    return caught.value


def _signature(obj: object) -> Tuple[str, ...]:
    params = inspect.signature(obj).parameters.values()  # type: ignore[arg-type]
    return tuple(p.name for p in params if p.name not in ("self", "cls") and not p.name.startswith("_"))


def _check_python_span(span: Span) -> Optional[str]:
    if not span.owner:
        if not hasattr(ipart, span.member):
            return f"`{span.text}`: ipart has no {span.member}"
        obj = getattr(ipart, span.member)
        if span.args is not None and _signature(obj) != span.args:
            return f"`{span.text}`: ipart.{span.member} takes ({', '.join(_signature(obj))})"
        return None
    cls = _python_class(span.owner)
    if not span.member:
        got = _signature(cls)
        return None if got == span.args else f"`{span.text}`: {span.owner}() takes ({', '.join(got)})"
    holder: object = cls
    if issubclass(cls, BaseException):
        holder = _sample_error()
    elif issubclass(cls, enum.Enum):
        holder = next(iter(cls))  # type: ignore[call-overload]
    if not hasattr(holder, span.member):
        return f"`{span.text}`: {span.owner} has no {span.member}"
    raw = inspect.getattr_static(cls, span.member, None)
    if span.args is None:
        if callable(raw) and not isinstance(raw, property) and not span.member.startswith("__"):
            return f"`{span.text}`: {span.owner}.{span.member} is a method; write it with its arguments"
        return None
    if isinstance(raw, property):
        return f"`{span.text}`: {span.owner}.{span.member} is a property; write it without parentheses"
    got = _signature(getattr(cls, span.member))
    return None if got == span.args else f"`{span.text}`: {span.owner}.{span.member} takes ({', '.join(got)})"


def test_every_listed_python_name_exists_with_that_argument_order():
    problems = [p for s in list(python_spans()) + python_deprecated()
                if (p := _check_python_span(s))]
    assert not problems, "\n".join(problems)


def test_deprecated_python_aliases_warn_and_are_in_api_stability():
    stability = (ROOT / "doc" / "api-stability.md").read_text(encoding="utf-8")
    for span in python_deprecated():
        assert f"{span.member}()" in stability or span.member in stability, span.text
    with ipart.Partnership("NO") as p:
        with pytest.warns(DeprecationWarning), pytest.raises(ipart.IpartError):
            p.partner_detail("op01")


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


def test_python_and_java_use_one_vocabulary():
    """The first Python name of a row and the first Java name carry the same
    name (snake_case / lowerCamelCase) and argument order; every Java overload
    of it takes a prefix of the Python arguments (the optional ones last).
    A row that differs on purpose says so in its note ("differs: why")."""
    problems = []
    for row in FUNCTIONS:
        py, java = spans(row[1], PY_TYPES), spans(row[2], JAVA_TYPES)
        if not py or not java or row[3].startswith("differs"):
            continue
        first = py[0]
        if first.member != "" and camel(first.member) != java[0].member:
            problems.append(f"{row[0]}: Python `{first.text}` but Java `{java[0].text}` "
                            f"(same name expected, or a note 'differs: why')")
            continue
        want = tuple(camel(a) for a in first.args or ())
        for j in java:
            if j.member == java[0].member and j.args is not None and want[:len(j.args)] != j.args:
                problems.append(f"{row[0]}: Java `{j.text}` does not take Python's arguments "
                                f"({', '.join(first.args or ())}) in that order")
    assert not problems, "\n".join(problems)


def test_python_stage_and_role_cover_the_c_tables():
    """Stage and Role list the rows of IPART_STAGE_MAP / IPART_ROLE_MAP (as
    Status lists IPART_ERROR_MAP): a stage or role added in C fails here
    until Python has it too."""
    from ipart import capi
    for prefix, members in (("IPART_STAGE_", ipart.Stage), ("IPART_ROLE_", ipart.Role)):
        in_c = {n[len(prefix):]: getattr(capi, n) for n in dir(capi) if n.startswith(prefix)}
        assert {m.name: int(m) for m in members} == in_c, prefix
        assert all(str(m) == getattr(capi, "ipart_" + prefix[6:-1].lower() + "_name")(int(m))
                   for m in members)
