"""Whatever a bundle holds, the import either makes a case or says what is wrong (InputError):
never a crash, never a value from the file in the message."""

import json
from pathlib import Path

from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vpdischarge.domain.issues import InputError
from vpdischarge.domain.site import load_site
from vpdischarge.ehr.importer import import_bytes

BUNDLE = json.loads((Path(__file__).parent / "data" / "fhir" / "vertebroplasty-collection.json").read_text())
# Not a possible element name: a key like this is never repeated in a message (one that looks
# like an element name is, so a misspelling can be found, as for case files).
MARK = "Zq9 Secret"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.just(MARK) | st.just(""),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from([MARK, "text", "code"]), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _paths(value, (*path, n))


PATHS = [p for p in _paths(BUNDLE) if p]


def _replaced(path, value):
    data = json.loads(json.dumps(BUNDLE))
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), json_values)
def test_any_one_value_replaced(path, value):
    raw = json.dumps(_replaced(path, value)).encode()
    try:
        result = import_bytes(raw, load_site(None), TODAY)
    except InputError as exc:
        for issue in exc.issues:
            assert MARK not in str(issue)
        return
    lines = [str(i) for i in result.not_mapped + result.to_check] + result.imported
    assert not any(MARK in line for line in lines)
