"""Calling a WSGI application directly, as granian does."""

from wsgiref.util import setup_testing_defaults


def call(application, path, method="GET", **environ_extra):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, **environ_extra}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers):
        answer["status"] = status
        answer["headers"] = dict(headers)

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body
