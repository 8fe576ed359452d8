"""A real SMTP server on a free local port, for tests that send mail."""

import contextlib
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

from tests.helpers import free_port


class Collector:
    def __init__(self):
        self.messages = []
        # One peer address per SMTP connection the site opened.
        self.connections = set()

    async def handle_DATA(self, server, session, envelope):
        self.connections.add(session.peer)
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self):
        self.port = free_port()
        self.collector = Collector()
        self.controller = None

    @property
    def messages(self):
        return self.collector.messages

    def start(self):
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            with contextlib.suppress(Exception):
                self.controller.stop()
            self.controller = None


class HungSMTPServer:
    """A mail server that accepts connections and never says a word, as a stuck relay does."""

    def __init__(self):
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(256)
        self.port = self.sock.getsockname()[1]

    def stop(self):
        self.sock.close()
