"""Show an APL RenderDocument the way an Echo Show does: Amazon's APL engine in headless Chromium.

The engine is the npm package `apl-viewhost-web` 1.4.0 (the last version that ships its
WebAssembly inside the package), installed by `npm ci` into `node_modules/`; Playwright drives
the system's Chromium (Debian package `chromium`), never a browser of its own. The screen tests
and `python -m skill chat --screens DIR` both render through this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
ENGINE_JS = ROOT / "node_modules" / "apl-viewhost-web" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
TAP_TRIES = 3
# Without the charset the engine's bundle fails to parse.
PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"></head>'
    '<body style="margin:0;background:#000"><div id="view"></div></body></html>'
)
# Creates the renderer for one document in one viewport; resolves once it is laid out. The
# document's data is bound to its mainTemplate parameters as Alexa binds it on a device (Amazon's
# "APL Data Sources" page, developer.amazon.com/docs/alexa-presentation-language/
# apl-data-source.html): a parameter named `payload` gets the whole `datasources` object, any
# other parameter the data source of its own name, and a parameter with no such data source
# nothing at all (the engine then draws no screen).
RENDER = """async ([documentText, datasources, viewport]) => {
  if (window.renderer) { window.renderer.destroy(); }
  const view = document.getElementById("view");
  view.innerHTML = "";
  window.sentEvents = [];
  const content = AplRenderer.Content.create(documentText);
  const sources = JSON.parse(datasources);
  for (const parameter of JSON.parse(documentText).mainTemplate.parameters || []) {
    const name = typeof parameter === "string" ? parameter : parameter.name;
    if (name === "payload") {
      content.addData(name, JSON.stringify(sources));
    } else if (Object.prototype.hasOwnProperty.call(sources, name)) {
      content.addData(name, JSON.stringify(sources[name]));
    }
  }
  window.renderer = AplRenderer.default.create({
    content, view, viewport, theme: "dark",
    environment: {agentName: "glute-detective-tests", agentVersion: "1.0",
                  allowOpenUrl: false, disallowVideo: true},
    onSendEvent: (event) => window.sentEvents.push(event),
    utcTime: 0, localTimeAdjustment: 0,
  });
  await window.renderer.init();
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""
# Every piece of text the engine drew, with its box on the page.
TEXTS = """() => Array.from(document.querySelectorAll("#view *"))
  .filter((e) => e.children.length === 0 && e.textContent.trim())
  .map((e) => { const r = e.getBoundingClientRect();
                return [e.textContent.trim(), r.left, r.top, r.right, r.bottom]; })"""


class Viewport(NamedTuple):
    name: str
    width: int
    height: int
    round: bool = False

    def as_apl(self) -> dict[str, Any]:
        # 160 dpi: one dp is one pixel, as on the Echo Show 5 and the Echo Spot.
        shape = "ROUND" if self.round else "RECTANGLE"
        return {"width": self.width, "height": self.height, "dpi": 160, "shape": shape}

    def holds(self, box: TextBox) -> bool:
        """Whether the whole box lies on the screen (inside the circle, on a round one)."""
        corners = [(box.left, box.top), (box.right, box.top), (box.left, box.bottom)]
        corners.append((box.right, box.bottom))
        if self.round:
            radius = self.width / 2
            return all((x - radius) ** 2 + (y - radius) ** 2 <= radius**2 for x, y in corners)
        return all(0 <= x <= self.width and 0 <= y <= self.height for x, y in corners)


# The small round hub, the small and medium landscape hubs, the large hub and the TV.
VIEWPORTS = (
    Viewport("round-480x480", 480, 480, round=True),
    Viewport("960x480", 960, 480),
    Viewport("1280x800", 1280, 800),
    Viewport("1920x1080", 1920, 1080),
)


class TextBox(NamedTuple):
    text: str
    left: float
    top: float
    right: float
    bottom: float


class ScreenError(RuntimeError):
    """The renderer cannot run here, or a screen could not be drawn or tapped."""


class Screen:
    """One rendered document: its text, a picture of it, and its buttons to tap."""

    def __init__(self, page: Page, directive: Mapping[str, Any], viewport: Viewport) -> None:
        self._page = page
        self.directive = directive
        self.viewport = viewport

    def texts(self) -> list[TextBox]:
        return [TextBox(*row) for row in self._page.evaluate(TEXTS)]

    def evaluate(self, script: str, argument: Any = None) -> Any:
        """Run a script on the page the screen is drawn on (for what the tests measure)."""
        return self._page.evaluate(script, argument)

    def save_png(self, path: Path) -> None:
        self._page.screenshot(path=str(path))

    def tap(self, label: str) -> dict[str, Any]:
        """Touch the text `label`; returns the UserEvent request the device would send."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        boxes = [box for box in self.texts() if box.text == label]
        if len(boxes) != 1:
            raise ScreenError(f"expected one {label!r} on the screen, found {len(boxes)}")
        box = boxes[0]
        self._page.evaluate("() => { window.sentEvents = []; }")
        centre = ((box.left + box.right) / 2, (box.top + box.bottom) / 2)
        # The engine may drop the first press after a document is shown; a press that sends
        # nothing is harmless, so press again, and take the first event sent.
        for _ in range(TAP_TRIES):
            self._page.mouse.click(*centre, delay=50)
            try:
                self._page.wait_for_function("() => window.sentEvents.length > 0", timeout=1000)
                break
            except PlaywrightTimeout:
                continue
        else:
            raise ScreenError(f"tapping {label!r} sent no event")
        sent = self._page.evaluate("() => JSON.parse(JSON.stringify(window.sentEvents[0]))")
        return {
            "type": "Alexa.Presentation.APL.UserEvent",
            "token": self.directive.get("token"),
            "arguments": sent.get("arguments", []),
            "source": sent.get("source", {}),
            "components": sent.get("components", {}),
        }


class Renderer:
    """One browser page with the APL engine loaded; renders one document at a time."""

    def __init__(self, page: Page) -> None:
        self._page = page

    def render(self, directive: Mapping[str, Any], viewport: Viewport) -> Screen:
        """Draw a RenderDocument directive (as in a response envelope) in `viewport`."""
        self._page.set_viewport_size({"width": viewport.width, "height": viewport.height})
        arguments = [
            json.dumps(directive["document"]),
            json.dumps(directive.get("datasources") or {}),
            viewport.as_apl(),
        ]
        self._page.evaluate(RENDER, arguments)
        return Screen(self._page, directive, viewport)


@contextmanager
def renderer() -> Iterator[Renderer]:
    """Start Chromium with the APL engine; closes the browser on leaving."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as missing:
        raise ScreenError("Playwright is missing: install the dev extras (make test)") from missing
    if not ENGINE_JS.is_file():
        raise ScreenError(f"the APL engine is missing at {ENGINE_JS}: run npm ci")
    if not CHROMIUM.is_file():
        raise ScreenError(f"Chromium is missing at {CHROMIUM}: run scripts/ensure-chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(CHROMIUM_FLAGS)
        )
        try:
            page = browser.new_page()
            # Nothing leaves the machine: the engine's web-font requests fail at once.
            page.route("**/*", lambda route: route.abort())
            page.set_content(PAGE)
            # initEngine() waits for the WebAssembly start-up: call it in the same script.
            engine = ENGINE_JS.read_text(encoding="utf-8")
            page.add_script_tag(content=engine + "\nwindow.aplReady = AplRenderer.initEngine();")
            page.evaluate("() => window.aplReady")
            yield Renderer(page)
        finally:
            browser.close()


def render_directives(response: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The RenderDocument directives of a response envelope."""
    directives = (response.get("response") or {}).get("directives") or []
    return [d for d in directives if d.get("type") == "Alexa.Presentation.APL.RenderDocument"]
