"""The layers hold for dependencies no import shows, too: an app never reaches a higher
app's models through a reverse relation (``show.articles``, ``person.photos``,
``filter(articles__in=...)``). Import contracts cover the imports (``make lint``)."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["people", "shows", "articles"]  # lowest first


def reverse_names(app_label):
    """Names that reach, from this app's models, the models of the apps above it."""
    higher = set(ORDER[ORDER.index(app_label) + 1 :])
    names = set()
    for model in apps.get_app_config(app_label).get_models():
        for relation in model._meta.related_objects:
            if relation.related_model._meta.app_label in higher and not relation.hidden:
                names.add(relation.get_accessor_name())
                names.add(relation.field.related_query_name())
    return names


def uses(path, names):
    """(line, name) wherever the code uses a name as an attribute, in a lookup keyword or in
    a lookup string."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and node.attr in names:
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.keyword) and node.arg and node.arg.split("__")[0] in names:
            found.append((node.value.lineno, node.arg))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            parts = node.value.split("__")
            hit = next((part for part in parts if part in names), None)
            if hit and " " not in node.value:
                found.append((node.lineno, node.value))
    return found


def test_lower_apps_never_reach_higher_apps_through_reverse_relations():
    offences = []
    for app_label in ORDER[:-1]:
        names = reverse_names(app_label)
        assert names, app_label  # the check has something to look for
        for path in sorted((ROOT / app_label).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            offences += [(str(path.relative_to(ROOT)), *use) for use in uses(path, names)]
    assert offences == []


def test_the_check_sees_a_reverse_relation(tmp_path):
    names = reverse_names("shows")
    assert {"articles", "photos"} <= names
    source = tmp_path / "example.py"
    source.write_text("def f(show):\n    return show.articles.filter(photos__in=[])\n")
    assert {name for _line, name in uses(source, names)} == {"articles", "photos__in"}
