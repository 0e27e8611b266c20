import pytest

import ipart
from ipart import capi


def test_runtime_and_compiled_versions_agree():
    assert capi.ipart_version() == capi.COMPILED_VERSION_NUMBER
    major, minor, patch = (int(x) for x in ipart.version().split("."))
    assert capi.ipart_version() == major * 10000 + minor * 100 + patch
    assert ipart.__version__ == ipart.version()


def test_skew_is_refused_at_import():
    with pytest.raises(ImportError, match="version skew"):
        ipart.check_version(compiled=capi.ipart_version() + 1)
    ipart.check_version()  # the real pair passes
