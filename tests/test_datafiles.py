"""graph.datafiles: the fast YAML reader gives the very data PyYAML's safe_load gives, for every data file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph.datafiles import load_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "graph" / "data").glob("*.yaml"))


def test_every_data_file_is_read() -> None:
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_fast_reader_gives_safe_loads_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.safe_load(text)
    with path.open(encoding="utf-8") as fh:
        assert load_yaml(fh) == yaml.safe_load(text)


def test_it_stays_a_safe_loader() -> None:
    """No Python object is built from a tag: the safe constructor refuses it, as safe_load does."""
    with pytest.raises(yaml.constructor.ConstructorError):
        load_yaml("!!python/object/apply:os.system ['true']")
