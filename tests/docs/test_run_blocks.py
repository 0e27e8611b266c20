"""run_blocks.py fails a page whose block prints something else, or whose
markup is broken, and --update rewrites the expected output."""
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import run_blocks  # noqa: E402

PAGE = """# A page

<!-- run: python -->
```python
print(6 * 7)
```

It prints:

<!-- expect -->
```text
{expected}
```
"""


def page(tmp_path, text):
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_matching_block_passes(tmp_path):
    assert run_blocks.main([page(tmp_path, PAGE.format(expected="42")), "--python", sys.executable]) == 0


def test_a_block_printing_something_else_fails(tmp_path, capsys):
    assert run_blocks.main([page(tmp_path, PAGE.format(expected="41")), "--python", sys.executable]) == 1
    assert "-41\n+42" in capsys.readouterr().out


def test_a_failing_block_fails(tmp_path):
    text = PAGE.format(expected="42").replace("print(6 * 7)", "raise SystemExit(3)")
    assert run_blocks.main([page(tmp_path, text), "--python", sys.executable]) == 1


def test_update_rewrites_the_expected_output(tmp_path):
    path = page(tmp_path, PAGE.format(expected="41"))
    assert run_blocks.main([path, "--python", sys.executable, "--update"]) == 1
    assert pathlib.Path(path).read_text(encoding="utf-8") == PAGE.format(expected="42")
    assert run_blocks.main([path, "--python", sys.executable]) == 0


@pytest.mark.parametrize("broken", [
    PAGE.format(expected="42").replace("<!-- expect -->\n", ""),
    PAGE.format(expected="42").replace("run: python", "run: cobol"),
    PAGE.format(expected="42").replace("run: python -->", "run: python"),
    "# no blocks\n",
    "<!-- excerpt: examples/platform.c\n```c\nint x;\n```\n",
])
def test_a_malformed_page_is_refused(tmp_path, broken):
    assert run_blocks.main([page(tmp_path, broken), "--python", sys.executable]) == 2


EXCERPT = "<!-- excerpt: examples/platform.c -->\n```c\n{code}\n```\n"


def test_an_excerpt_must_be_verbatim_in_its_file(tmp_path):
    assert run_blocks.main([page(tmp_path, EXCERPT.format(code="int main(int argc, char **argv)"))]) == 0
    assert run_blocks.main([page(tmp_path, EXCERPT.format(code="int main(void)"))]) == 1
