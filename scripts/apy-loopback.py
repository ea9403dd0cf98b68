"""Start Apertium APy listening on the loopback interface only.

APy (apertium-apy 0.11.x) calls ``HTTPServer.bind(port)`` without an address, so it would accept
connections on every interface, and it has no option to change that. This wrapper gives
tornado's ``TCPServer.bind`` a default address of 127.0.0.1 (or $APY_BIND) before handing the
command line to APy's own ``main``. Started by ``scripts/mt.mjs``; run it with Debian's
/usr/bin/python3 (the one that has python3-tornado) and a UTF-8 locale.
"""
import os
import sys

import tornado.tcpserver

ADDRESS = os.environ.get("APY_BIND", "127.0.0.1")
_original_bind = tornado.tcpserver.TCPServer.bind


def _loopback_bind(self, port, address=None, *args, **kwargs):
    return _original_bind(self, port, address or ADDRESS, *args, **kwargs)


tornado.tcpserver.TCPServer.bind = _loopback_bind

from apertium_apy.apy import main  # noqa: E402  (import after the patch on purpose)

sys.argv[0] = "apertium-apy"
main()
