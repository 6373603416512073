from axes.backends import AxesStandaloneBackend


class TestClientAwareAxesBackend(AxesStandaloneBackend):
    """For the test settings only: the test client's `login()` authenticates without a
    request, which axes refuses. Every login through the web passes its request and is
    checked by axes exactly as in production."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
