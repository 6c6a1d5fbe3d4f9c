"""Importing from the desk: an editor uploads the export, the worker runs it, the import's
page follows its progress and shows the report; a wrong file is refused at once with
nothing kept; a failed run can be run again and finishes the job."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Article, ImportRun
from articles.services import imports
from articles.wordpress.importer import Importer

pytestmark = pytest.mark.django_db
EXPORT = Path(__file__).with_name("newsroom.xml")
ADD = "admin:articles_importrun_add"


def _upload(data=None, name="newsroom.xml"):
    return SimpleUploadedFile(name, data if data is not None else EXPORT.read_bytes(), "text/xml")


def test_an_editor_imports_from_the_desk_and_reads_the_report(editor_client, committed, media_root):
    page = editor_client.get(reverse(ADD))
    assert page.status_code == 200
    assert "WordPress export" in page.content.decode()
    with committed():  # the worker takes the job once the upload is committed
        response = editor_client.post(reverse(ADD), {"export": _upload(), "dry_run": ""})
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_importrun_change", args=[run.pk])
    run.refresh_from_db()
    assert run.status == "done"
    assert run.started_by.username == "editor1"
    assert not run.file  # the export (drafts, commenters' addresses) is not kept once done
    assert Article.objects.filter(slug="romantics-anonymous-starts-filming").exists()
    report = editor_client.get(response["Location"]).content.decode()
    assert "posts: created 8" in report
    assert "Run again" not in report
    progress = editor_client.get(reverse("admin:articles_importrun_progress", args=[run.pk]))
    assert progress.json()["running"] is False


def test_a_wrong_file_is_refused_at_once_and_nothing_is_kept(editor_client, settings):
    for data, message in (
        (b"<html><body>hello</body></html>", "This is not a WordPress export."),
        (b"", "The submitted file is empty."),
    ):
        response = editor_client.post(reverse(ADD), {"export": _upload(data, "page.xml")})
        assert response.status_code == 200
        assert message in response.content.decode()
    settings.NEWSROOM_IMPORT_MAX_MB = 0
    too_big = editor_client.post(reverse(ADD), {"export": _upload()})
    assert "the most this site takes is 0 MB" in too_big.content.decode()
    assert not ImportRun.objects.exists()


def test_photos_are_read_only_from_the_servers_import_folder(editor_client, settings, tmp_path):
    settings.NEWSROOM_IMPORT_MEDIA_ROOT = str(tmp_path)
    (tmp_path / "oldsite").mkdir()
    outside = editor_client.post(reverse(ADD), {"export": _upload(), "media_folder": "../../etc"})
    assert "must be inside" in outside.content.decode()
    missing = editor_client.post(reverse(ADD), {"export": _upload(), "media_folder": "nope"})
    assert "There is no folder nope" in missing.content.decode()
    assert not ImportRun.objects.exists()
    assert imports.media_folder("oldsite") == str((tmp_path / "oldsite").resolve())


def test_writers_and_readers_cannot_import(writer, committed):
    writer_client = Client()
    writer_client.force_login(writer)
    assert writer_client.get(reverse(ADD)).status_code == 403
    assert writer_client.post(reverse(ADD), {"export": _upload()}).status_code == 403
    with pytest.raises(PermissionDenied):
        imports.start_import(upload=_upload(), by=writer)
    assert not ImportRun.objects.exists()


def test_a_failed_run_says_why_and_runs_again_to_the_end(
    editor_client, committed, monkeypatch, media_root
):
    original = Importer.run

    def breaks(self, file):
        raise OSError("disk full")

    monkeypatch.setattr(Importer, "run", breaks)
    with committed():
        editor_client.post(reverse(ADD), {"export": _upload()})
    run = ImportRun.objects.get()
    assert (run.status, run.error) == ("failed", "OSError: disk full")
    page = editor_client.get(reverse("admin:articles_importrun_change", args=[run.pk]))
    assert "Run again" in page.content.decode()
    monkeypatch.setattr(Importer, "run", original)
    retry = reverse("admin:articles_importrun_retry", args=[run.pk])
    assert editor_client.get(retry).status_code == 405  # a POST, with its CSRF token
    with committed():
        editor_client.post(retry)
    run.refresh_from_db()
    assert run.status == "done"
    assert run.error == ""
    with committed():
        again = editor_client.post(retry, follow=True)
    assert "cannot be started again" in again.content.decode()


def test_an_uploaded_export_waits_in_a_private_folder_never_the_public_media(
    editor_client, settings
):
    editor_client.post(reverse(ADD), {"export": _upload()})  # not committed: no worker yet
    run = ImportRun.objects.get()
    assert run.status == "queued"
    stored = Path(run.file.path)
    assert stored.is_file()
    assert Path(settings.NEWSROOM_IMPORT_UPLOAD_ROOT) in stored.parents
    assert Path(settings.MEDIA_ROOT) not in stored.parents
