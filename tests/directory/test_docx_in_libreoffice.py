"""The model deliberation as LibreOffice reads it: a French A4 document. The file is converted
by LibreOffice itself (headless `soffice`, installed by `make test`) to OpenDocument, whose
styles say the page size and the language LibreOffice took from it."""

import re
import shutil
import subprocess
import zipfile

import pytest

from directory.deliberation_text import values_for
from directory.docx_files import as_docx
from directory.models import DELIBERATION_FILE, DeliberationModel
from reference.models import Departement, Level, Territory


def in_cm(value, unit):
    return float(value) * (2.54 if unit == "in" else 1)


def amiens():
    territory = Territory(level=Level.COMMUNE, code="80021", name="Amiens")
    territory.departement = Departement(pk=80, code="80", name="Somme")
    return territory


def test_libreoffice_opens_the_deliberation_as_an_a4_french_document(tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "make test installs LibreOffice (libreoffice-writer-nogui)"
    title, body = DELIBERATION_FILE.read_text(encoding="utf-8").strip().split("\n", 1)
    model = DeliberationModel(title=title.strip(), body=body.strip())
    source = tmp_path / "deliberation-amiens.docx"
    source.write_bytes(as_docx(model.title, model.filled_in(values_for(amiens()))))
    # A profile of its own: a user's LibreOffice, open or not, is never touched.
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    converted = zipfile.ZipFile(tmp_path / "deliberation-amiens.odt")
    styles = converted.read("styles.xml").decode()
    page = re.search(r'<style:page-layout-properties[^>]*fo:page-width="([\d.]+)(in|cm)"'
                     r'[^>]*fo:page-height="([\d.]+)(in|cm)"', styles)  # fmt: skip
    assert page, "no page size"
    width, height = (in_cm(page.group(1), page.group(2)), in_cm(page.group(3), page.group(4)))
    assert (width, height) == pytest.approx((21.0, 29.7), abs=0.01)  # A4, not US Letter
    default = re.search(r'<style:default-style style:family="paragraph">.*?</style:default-style>',
                        styles, re.S).group(0)  # fmt: skip
    assert 'fo:language="fr"' in default and 'fo:country="FR"' in default
    meta = converted.read("meta.xml").decode()
    assert "<dc:title>Délibération" in meta and "Lianes coopération" in meta
    content = converted.read("content.xml").decode()
    assert "engagement de la commune d’Amiens" in content
    assert "tribunal administratif d’Amiens" in content
