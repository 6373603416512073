from django.shortcuts import render
from ninja.openapi.docs import DocsBase


def _type(schema):
    """ "integer", "string (date)"... of a parameter's JSON schema, optional ones included."""
    variants = schema.get("anyOf") or [schema]
    names = []
    for variant in variants:
        if variant.get("type") and variant["type"] != "null":
            names.append(variant["type"] + (f" ({variant['format']})" if variant.get("format") else ""))
    return " | ".join(names)


def _parameter(param):
    schema = param.get("schema", {})
    return {
        "name": param.get("name", ""),
        "in": param.get("in", ""),
        "required": bool(param.get("required")),
        "type": _type(schema),
        "description": param.get("description") or schema.get("description", ""),
    }


class PlainDocs(DocsBase):
    """The API's documentation as a plain server-rendered page.

    ninja's Swagger UI would load its scripts from a CDN: the portal loads nothing from
    third parties, and the OpenAPI document is what integrators need.
    """

    template = "api/docs.html"

    def render_page(self, request, api, **kwargs):
        schema = api.get_openapi_schema(path_params=kwargs)
        operations = []
        for path, methods in schema["paths"].items():
            for method, operation in methods.items():
                operations.append({
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [_parameter(p) for p in operation.get("parameters", [])],
                    "responses": sorted(operation.get("responses", {})),
                })
        context = {
            "api": api,
            "operations": operations,
            "openapi_url": self.get_openapi_url(api, kwargs),
            "meta_title": f"{api.title} - tài liệu",
            "meta_description": "Tài liệu API dữ liệu mở của cổng thông tin điện tử.",
        }
        return render(request, self.template, context)
