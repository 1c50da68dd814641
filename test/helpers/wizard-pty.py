#!/usr/bin/env python3
"""Drive `kehoach wizard` through a pseudo-terminal, the way a clerk would type.

Usage: wizard-pty.py SCENARIO.json

The scenario is {"node": path, "bin": path, "cwd": dir, "runs": [run, ...]} where each run is
{"args": [...], "steps": [step, ...], "exit": code}. A step waits until `expect` (a regex) shows
up in the screen text printed since the previous step (ANSI sequences removed), then types
`send` (UTF-8; "\r" is Enter, "\x03" Ctrl-C). A step may `capture` a regex group from the screen
into a variable; `{name}` in a later run's args is replaced by it (split like a shell would).

Exits 0 when every run went as written; otherwise prints what it waited for and the last screen,
and exits 1.
"""
import fcntl
import json
import os
import pty
import re
import select
import shlex
import struct
import sys
import termios
import time

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[@-Z\\-_]")
STEP_TIMEOUT = float(os.environ.get("WIZARD_PTY_TIMEOUT", "20"))


def fail(message, screen):
    tail = screen[-3000:]
    sys.stderr.write(f"wizard-pty: {message}\n----- last screen (ANSI removed) -----\n{tail}\n-----\n")
    sys.exit(1)


class Session:
    def __init__(self, argv, cwd):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            env = dict(os.environ, TERM="xterm-256color", COLUMNS="250", LINES="60")
            env.pop("NO_COLOR", None)
            os.execve(argv[0], argv, env)
        # A wide screen keeps prompts on one line, so that patterns do not straddle a wrap.
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 250, 0, 0))
        self.raw = b""
        self.screen = ""
        self.mark = 0
        self.status = None

    def pump(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            return False
        self.raw += chunk
        self.screen = ANSI.sub("", self.raw.decode("utf-8", errors="replace")).replace("\r", "")
        return True

    def expect(self, pattern):
        regex = re.compile(pattern)
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            found = regex.search(self.screen, self.mark)
            if found:
                self.mark = found.end()
                return found
            if time.monotonic() > deadline:
                fail(f"waited {STEP_TIMEOUT:.0f} s for /{pattern}/", self.screen[self.mark - 200 if self.mark > 200 else 0:])
            if not self.pump(0.2):
                fail(f"the program ended while waiting for /{pattern}/", self.screen)

    def send(self, text):
        # Let the prompt finish drawing and start listening before the keys arrive.
        time.sleep(0.15)
        os.write(self.fd, text.encode("utf-8"))

    def wait(self):
        deadline = time.monotonic() + STEP_TIMEOUT
        while self.pump(0.2):
            if time.monotonic() > deadline:
                fail("the program did not end", self.screen)
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        scenario = json.load(f)
    variables = {}
    for number, run in enumerate(scenario["runs"], start=1):
        args = []
        for arg in run["args"]:
            if re.fullmatch(r"\{\w+\}", arg):
                args.extend(shlex.split(variables[arg[1:-1]]))
            else:
                args.append(arg)
        session = Session([scenario["node"], scenario["bin"], *args], scenario["cwd"])
        sys.stdout.write(f"run {number}: kehoach {' '.join(args)}\n")
        for step in run["steps"]:
            found = session.expect(step["expect"])
            if "capture" in step:
                variables[step["capture"]] = found.group(1)
            if "send" in step:
                session.send(step["send"])
        code = session.wait()
        if code != run["exit"]:
            fail(f"run {number} exited {code}, expected {run['exit']}", session.screen)
        sys.stdout.write(session.screen)
    sys.stdout.write("\nwizard-pty: every run went as written\n")


if __name__ == "__main__":
    main()
