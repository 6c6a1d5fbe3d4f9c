"""A TCP proxy in front of Redis that can stall: while stalled it holds every byte (as a
Redis busy with a slow command, a full network buffer or a failing-over primary does), then
lets them through when released."""

import contextlib
import selectors
import socket
import threading


class StallingProxy:
    def __init__(self, upstream=("127.0.0.1", 6379)):
        self.upstream = upstream
        self.flowing = threading.Event()
        self.flowing.set()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def stall(self):
        self.flowing.clear()

    def release(self):
        self.flowing.set()

    def close(self):
        self.closed = True
        self.flowing.set()
        with contextlib.suppress(OSError):
            self.server.close()

    def _accept(self):
        while not self.closed:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.upstream)
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, client, upstream):
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        try:
            while not self.closed:
                for key, _ in selector.select(timeout=0.1):
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    self.flowing.wait()  # a stall: the bytes wait here
                    key.data.sendall(data)
        except OSError:
            return
        finally:
            client.close()
            upstream.close()
