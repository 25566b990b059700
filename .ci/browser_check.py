#!/usr/bin/env python3
"""Loads an HTML report of foi-refusal in headless Chromium and checks it as a reader would see
it: the legend is there; the table at the top has one row per letter, each linking to its
letter; relied-on highlights have a colour per ground, the same as their ground's card; every
link of the notice checks, the outcome and the cards goes to a highlight that is there; the
filters by ground and by failed check hide the letters that do not match; the page loads
nothing from outside and throws no script error. Saves a screenshot of the top of the page and
one of a letter with quoted mail.

Talks to Chromium over --remote-debugging-pipe (the DevTools protocol as NUL-terminated JSON
on file descriptors 3 and 4): only the standard library, no driver, no network port.

Usage: browser_check.py REPORT.html --letters N --screenshot OUT.png [--letter-shot OUT2.png]
"""

import argparse
import base64
import fcntl
import json
import os
import pathlib
import select
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 60.0


class Browser:
    """Headless Chromium driven over the DevTools pipe."""

    def __init__(self, binary, width, height):
        self.profile = tempfile.mkdtemp(prefix="foi-browser-check-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # Out of the way of 3 and 4, so that dup2 below never overwrites one with the other.
        high_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD_CLOEXEC, 10)
        high_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_chrome_r)
        os.close(from_chrome_w)

        def fds():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        args = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            f"--window-size={width},{height}",
            f"--user-data-dir={self.profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self.proc = subprocess.Popen(
            args,
            preexec_fn=fds,
            close_fds=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(high_r)
        os.close(high_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def _read_message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from Chromium")
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            if ready:
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the pipe")
                self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        data = json.dumps(msg).encode() + b"\0"
        while data:
            data = data[os.write(self.to_chrome, data):]
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method):
        deadline = time.monotonic() + TIMEOUT
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        while True:
            e = self._read_message(deadline)
            if e.get("method") == method:
                return e
            self.events.append(e)

    def open(self, url, width, height):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.send(
            "Target.attachToTarget",
            {"targetId": target["targetId"], "flatten": True},
            session=False,
        )
        self.session = attached["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def eval(self, expression):
        r = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in r:
            raise RuntimeError(f"script failed: {r['exceptionDetails']}")
        return r["result"].get("value")

    def screenshot(self, path, clip=None):
        params = {"format": "png"}
        if clip:
            params["clip"] = dict(clip, scale=1)
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params)["data"]
        pathlib.Path(path).write_bytes(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


# What the page shows, read in the page. Returns plain data for the checks below.
INSPECT = r"""
(() => {
  const $$ = (s, root) => Array.from((root || document).querySelectorAll(s));
  const legend = document.getElementById('legend');
  const rows = $$('tr[data-letter]');
  const sections = $$('section.letter');
  const rowLinks = rows.map(r => {
    const a = r.querySelector('a[href^="#letter-"]');
    return a ? !!document.getElementById(a.getAttribute('href').slice(1)) : false;
  });
  // Links of the asides (outcome, cards, checks, advice) and where they go.
  const links = $$('aside a[href^="#l"]').map(a => {
    const t = document.getElementById(a.getAttribute('href').slice(1));
    return { ok: !!t && t.tagName === 'MARK', inChecks: !!a.closest('ul.checks') };
  });
  // Relied-on highlights: the colour of each ground's marks, and of its card's swatch.
  const grounds = [];
  for (const s of sections) {
    const byGround = {};
    for (const m of $$('pre mark.relied_on', s)) {
      const g = m.getAttribute('data-g');
      (byGround[g] = byGround[g] || new Set()).add(getComputedStyle(m).backgroundColor);
    }
    const cards = {};
    for (const c of $$('.card', s)) {
      const sw = c.querySelector('.swatch');
      cards[c.getAttribute('data-g')] = getComputedStyle(sw).backgroundColor;
    }
    grounds.push({
      id: s.id,
      marks: Object.fromEntries(Object.entries(byGround).map(([g, v]) => [g, Array.from(v)])),
      cards: cards,
    });
  }
  const external = $$('[src],[href]').map(e => e.getAttribute('src') || e.getAttribute('href'))
    .filter(u => /^(https?:)?\/\//i.test(u));
  return {
    legend: !!legend && legend.offsetHeight > 0,
    legendTerms: legend ? $$('dt', legend).length : 0,
    rows: rows.length,
    rowLinks: rowLinks,
    sections: sections.length,
    links: links,
    grounds: grounds,
    quoted: $$('.zone-quoted .zone-label').length,
    external: external,
    resources: performance.getEntriesByType('resource').map(r => r.name),
    filtersShown: !document.getElementById('filters').hidden,
  };
})()
"""

# Chooses value `value` in select `id` as a reader would (the change event), then says which
# letters are shown.
FILTER = r"""
((id, value) => {
  const sel = document.getElementById(id);
  sel.value = value;
  sel.dispatchEvent(new Event('change'));
  const shown = el => el.offsetParent !== null;
  const rows = Array.from(document.querySelectorAll('tr[data-letter]'));
  return {
    rows: rows.filter(shown).map(r => ({
      letter: r.getAttribute('data-letter'),
      grounds: r.getAttribute('data-grounds').split(' '),
      failed: r.getAttribute('data-failed').split(' '),
    })),
    sections: Array.from(document.querySelectorAll('section.letter')).filter(shown).map(s => s.id),
    count: document.getElementById('f-count').textContent,
  };
})(%s, %s)
"""

OPTIONS = r"""
Array.from(document.querySelectorAll('#%s option')).filter(o => o.value)
  .map(o => ({ value: o.value, n: parseInt(o.textContent.match(/\((\d+)\)\s*$/)[1], 10) }))
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--letters", type=int, required=True)
    ap.add_argument("--screenshot", required=True)
    ap.add_argument("--letter-shot")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()

    failures = []
    passed = []

    def check(name, ok, detail=""):
        (passed if ok else failures).append(name)
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))

    width, height = 1400, 2400
    browser = Browser(args.chromium, width, height)
    try:
        url = pathlib.Path(args.report).resolve().as_uri()
        browser.open(url, width, height)
        page = browser.eval(INSPECT)

        check("the legend is shown", page["legend"] and page["legendTerms"] >= 8,
              f"{page['legendTerms']} terms")
        check(f"the table has one row per letter ({args.letters})",
              page["rows"] == args.letters, f"{page['rows']} rows")
        check("every row links to its letter", all(page["rowLinks"]) and page["rowLinks"],
              f"{page['rowLinks'].count(False)} rows without a letter")
        check(f"one section per letter", page["sections"] == args.letters,
              f"{page['sections']} sections")
        check_links = [l for l in page["links"] if l["inChecks"]]
        check("the notice checks link to their evidence", len(check_links) >= 1,
              f"{len(check_links)} links")
        bad = [l for l in page["links"] if not l["ok"]]
        check("every link beside a letter goes to a highlight", not bad and page["links"],
              f"{len(bad)} of {len(page['links'])} go nowhere")

        two = [g for g in page["grounds"] if len(g["marks"]) >= 2]
        one_colour = all(len(v) == 1 for g in page["grounds"] for v in g["marks"].values())
        distinct = all(
            len({v[0] for v in g["marks"].values()}) == len(g["marks"]) for g in two
        )
        shared = all(
            g["cards"].get(k) == v[0] for g in page["grounds"] for k, v in g["marks"].items()
        )
        check("each ground's highlights have one colour", one_colour)
        check("two grounds of one letter have two colours", bool(two) and distinct,
              f"{len(two)} letters with two grounds")
        check("a ground's highlights and its card share the colour", shared)
        check("quoted mail is shaded and labelled", page["quoted"] >= 1)
        check("nothing is loaded from outside", not page["external"] and not page["resources"],
              f"{page['external'] + page['resources']}")
        check("the filters are shown (script ran)", page["filtersShown"])

        if args.letter_shot:
            rect = browser.eval(
                "(() => { const z = document.querySelector('section.letter .zone-quoted');"
                " const s = z && z.closest('section.letter'); if (!s) return null;"
                " const r = s.getBoundingClientRect();"
                " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width,"
                " height: Math.min(r.height, 2400)}; })()"
            )
            if rect:
                browser.screenshot(args.letter_shot, rect)

        # The filters, as a reader uses them.
        for select, key in (("f-ground", "grounds"), ("f-check", "failed")):
            options = browser.eval(OPTIONS % select)
            if not options:
                check(f"filter {select} has choices", False, "no options")
                continue
            choice = min(options, key=lambda o: o["n"])
            got = browser.eval(FILTER % (json.dumps(select), json.dumps(choice["value"])))
            ok = (
                len(got["rows"]) == choice["n"]
                and all(choice["value"] in r[key] for r in got["rows"])
                and sorted(got["sections"]) == sorted(r["letter"] for r in got["rows"])
                and got["count"].startswith(f"{choice['n']} of {args.letters}")
            )
            check(f"filter {select}={choice['value']} shows only its {choice['n']} letters", ok,
                  f"{len(got['rows'])} rows, {len(got['sections'])} sections, {got['count']!r}")
            back = browser.eval(FILTER % (json.dumps(select), json.dumps("")))
            check(f"filter {select}=any shows every letter",
                  len(back["rows"]) == args.letters and len(back["sections"]) == args.letters)

        errors = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
        check("no script error", not errors, json.dumps(errors)[:500])

        browser.eval("window.scrollTo(0, 0)")
        browser.screenshot(args.screenshot)
        print(f"screenshot: {args.screenshot}")
        if args.letter_shot:
            print(f"letter screenshot: {args.letter_shot}")
    finally:
        browser.close()

    print(f"browser check: {len(passed)} checks ok, {len(failures)} failing")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
