"""The staff guide (docs/guia-del-personal.md), rendered inside the admin and linked from its
index, so that it is at hand wherever the portal runs (the file ships with the code)."""

from pathlib import Path

import markdown
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

GUIDE = Path(settings.BASE_DIR) / "docs" / "guia-del-personal.md"


@staff_member_required
def staff_guide(request):
    # The project's own file, from the repository, not staff input: its HTML is trusted.
    guide = mark_safe(markdown.markdown(GUIDE.read_text(encoding="utf-8"), output_format="html"))
    context = {**admin.site.each_context(request), "title": _("Staff guide"), "guide": guide}
    return TemplateResponse(request, "admin/staff_guide.html", context)
