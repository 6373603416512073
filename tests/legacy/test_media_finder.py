"""Where the importer looks for a page's images and attachments (no database)."""

from eportal.legacy.media import MediaFinder


def make(tmp_path, *names):
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")


def test_references_are_found_beside_the_page(tmp_path):
    make(tmp_path, "site/tin/bai_files/anh.jpg", "site/files/ke-hoach.pdf", "site/tin/docs/mau-don.doc",
         "site/tin/bieu-do.png", "secret.jpg")
    page = tmp_path / "site" / "tin" / "bai.html"
    finder = MediaFinder(page, root=tmp_path / "site")
    assert finder.find("./bai_files/anh.jpg") == tmp_path / "site/tin/bai_files/anh.jpg"
    # Chrome rewrote the page but the reference kept the server's path: found in bai_files/ by name.
    assert finder.find("https://old.example/images/anh.jpg?t=1") == tmp_path / "site/tin/bai_files/anh.jpg"
    assert finder.find("../files/ke-hoach.pdf") == (tmp_path / "site/files/ke-hoach.pdf").resolve()
    # Liferay's /documents/<group>/<folder>/<name>/<uuid>: found by the name segment.
    assert finder.find("/documents/10180/0/mau-don.doc/1f0c2a3e") == tmp_path / "site/tin/docs/mau-don.doc"
    assert finder.find("BIEU-DO.PNG") == tmp_path / "site/tin/bieu-do.png"
    # Never outside the directory given to the command, nor data: URLs.
    assert finder.find("../../secret.jpg") is None
    assert finder.find("data:image/png;base64,AAAA") is None
    assert finder.find("https://old.example/khong-co.jpg") is None
