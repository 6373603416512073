from django.http import HttpResponseServerError
from django.template import TemplateDoesNotExist, loader
from django.views.decorators.csrf import requires_csrf_token

from .requestid import current_request_id


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Django's 500 view, with `request_id` in the template's context: a citizen can quote
    it ("Mã lỗi") and the operator finds the traceback in the log by it."""
    try:
        template = loader.get_template(template_name)
    except TemplateDoesNotExist:
        return HttpResponseServerError("<h1>Lỗi hệ thống (500)</h1>", content_type="text/html; charset=utf-8")
    return HttpResponseServerError(template.render({"request_id": current_request_id()}))
