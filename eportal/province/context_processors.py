from django.urls import get_script_prefix


def site_root(request):
    """`site_root`: the address of the current site's home page, "/" or "/<prefix>/"."""
    return {"site_root": get_script_prefix()}
