"""The message catalogue: report labels in Norwegian bokmål and English."""
from typing import List, Optional

from . import capi


def message(key: str, lang: str = "en") -> Optional[str]:
    """The text of ``key`` in ``lang`` ("nb" or "en"; any other language
    gets English, see :func:`message_language`); None for an unknown key."""
    return capi.ipart_message(key, lang)


def message_language(lang: Optional[str]) -> str:
    """The language a request for ``lang`` is answered in: "nb" or "en"."""
    return capi.ipart_message_language(lang)


def message_has(key: str, lang: str) -> bool:
    """Whether the entry of ``key`` has its own text in ``lang`` (no fallback)."""
    return bool(capi.ipart_message_has(key, lang))


def message_keys() -> List[str]:
    """Every key of the catalogue, in its sorted order."""
    return [capi.ipart_message_key_at(i) for i in range(capi.ipart_message_count())]
