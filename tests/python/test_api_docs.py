"""The Python API page (pydoc, `--target docs_python`) is complete: every
public name of the package, and every public method and property of its
classes, has a docstring, and the page pydoc renders lists every name."""
import inspect
import pydoc

import ipart


def public_members():
    for name in ipart.__all__:
        obj = getattr(ipart, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            yield name, obj
        if not inspect.isclass(obj):
            continue
        for member, value in vars(obj).items():
            if member.startswith("_"):
                continue
            if isinstance(value, property):
                yield f"{name}.{member}", value.fget
            elif isinstance(value, (classmethod, staticmethod)):
                yield f"{name}.{member}", value.__func__
            elif inspect.isfunction(value):
                yield f"{name}.{member}", value


def test_every_public_item_has_a_docstring():
    members = list(public_members())
    assert len(members) > 100
    missing = [name for name, obj in members if not (obj.__doc__ or "").strip()]
    assert missing == [], f"undocumented: {missing}"


def test_the_pydoc_page_lists_every_public_name():
    page = pydoc.HTMLDoc().document(ipart)
    absent = [name for name in ipart.__all__ if not name.startswith("__") and name not in page]
    assert absent == []
