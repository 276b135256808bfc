"""Drawing a figure: SVG and PNG (cached by content), the interactive page, the files of a
chart in an edition, the embed snippet.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from ...errors import InputError
from ...files import csv_text, json_text
from ...paths import RENDER_CACHE_ENV
from .style import FONT
from .figures import Figure, records
from .lint import lint


def accessible_svg(svg: str, title: str, description: str, lang: str = "zh") -> str:
    """role="img" with its own <title> and <desc>, so a screen reader announces the finding."""
    t, d = html.escape(title), html.escape(description)
    head_end = svg.index(">", svg.index("<svg")) + 1
    head = svg[:head_end]
    head = re.sub(r'\s(role|aria-labelledby|aria-roledescription|aria-label|lang)="[^"]*"', "", head)
    head = head[:-1] + f' role="img" lang="{"zh-Hans" if lang == "zh" else "en"}" aria-labelledby="chart-title chart-desc">'
    return f'{head}<title id="chart-title">{t}</title><desc id="chart-desc">{d}</desc>{svg[head_end:]}'


def render_key(spec: dict) -> str:
    """Content address of a drawing: the spec, the renderer's version and the font."""
    import hashlib

    import vl_convert as vlc
    blob = json.dumps(spec, sort_keys=True, ensure_ascii=False) + vlc.__version__ + FONT
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def render(spec: dict, png: bool = True) -> tuple[str, bytes]:
    """The SVG and PNG of a spec. Drawing costs about half a second a chart, so drawings are
    kept by content in $REPORTFIGURES_RENDER_CACHE when set (the build sets it, and draws
    ahead on the second core): an unchanged chart is never drawn twice."""
    import os

    import vl_convert as vlc
    cache = os.environ.get(RENDER_CACHE_ENV)
    if cache:
        key = render_key(spec)
        svg_path, png_path = Path(cache) / f"{key}.svg", Path(cache) / f"{key}.png"
        try:
            hit = svg_path.read_text(encoding="utf-8"), png_path.read_bytes() if png else b""
            os.utime(svg_path)  # recently used: kept when the cache is pruned
            return hit
        except OSError:
            pass
    svg = vlc.vegalite_to_svg(spec)
    image = vlc.svg_to_png(svg, scale=2) if png else b""  # the same drawing, without running Vega twice
    if cache:
        try:
            Path(cache).mkdir(parents=True, exist_ok=True)
            files = ((png_path, image),) if png else ()
            for path, data in (*files, (svg_path, svg.encode("utf-8"))):  # svg last: it marks completion
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(data)
                tmp.replace(path)
        except OSError:
            pass
    return svg, image


def render_svg(spec: dict) -> str:
    return render(spec)[0]


def chart_dir(dest: Path, lang: str) -> Path:
    """charts/ for Chinese, charts/en/ for English: the same file names in both."""
    return Path(dest) if lang == "zh" else Path(dest) / lang


def save_figure(fig: Figure, dest: Path, narrow: Figure | None = None) -> dict[str, str]:
    """Write every format of a figure into dest/ (charts folder of an edition); English
    figures go into dest/en/. `narrow`: the same figure drawn at NARROW_WIDTH, written as
    <id>.narrow.svg for the page on a phone. Refuses a chart that breaks a drawing rule."""
    for f in (fig, narrow) if narrow is not None else (fig,):
        problems = lint(f.spec)
        if problems:
            raise InputError(f"figure {f.id} ({f.lang}) would mislead: {'; '.join(problems)}", "figures.yml")
    d = chart_dir(dest, fig.lang)
    d.mkdir(parents=True, exist_ok=True)
    out = {"json": d / f"{fig.id}.vl.json", "svg": d / f"{fig.id}.svg", "png": d / f"{fig.id}.png",
           "html": d / f"{fig.id}.html", "csv": d / f"{fig.id}.csv"}
    out["json"].write_text(json_text(fig.spec), encoding="utf-8")
    svg, png = render(fig.spec)
    out["svg"].write_text(accessible_svg(svg, fig.title, fig.alt, fig.lang), encoding="utf-8")
    out["png"].write_bytes(png)
    bundle = Path(dest) / "vega.js"
    if not bundle.exists():
        bundle.write_text(vega_bundle(), encoding="utf-8")
    out["html"].write_text(offline_html(fig, "vega.js" if fig.lang == "zh" else "../vega.js"), encoding="utf-8")
    out["csv"].write_text(csv_text(records(fig.table), [c for c in fig.table.columns if c != "claim_id"]
                                   + (["claim_id"] if "claim_id" in fig.table.columns else [])), encoding="utf-8")
    if narrow is not None:
        out["narrow"] = d / f"{fig.id}.narrow.svg"
        out["narrow"].write_text(accessible_svg(render(narrow.spec, png=False)[0], narrow.title, narrow.alt, narrow.lang),
                                 encoding="utf-8")
    return {k: p.name for k, p in out.items()}


def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed in one file, shared by every chart page (offline).
    Bundling takes seconds, so it is kept per vl-convert version in the user's cache."""
    import os

    import vl_convert as vlc
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportfigures"
    path = cache / f"vega-bundle-{vlc.__version__}.js"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    js = vlc.javascript_bundle()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(js, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home only costs the seconds again
    return js


_HTML = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title>
<style>body{{margin:0;padding:8px;font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a}}
#chart{{width:100%;overflow:hidden}}#chart svg{{max-width:100%;height:auto}}.alt,.get{{font-size:13px;color:#333;max-width:60em}}</style></head>
<body><div id="chart" role="img" aria-label="{alt}"></div>
<p class="alt">{alt}</p><p class="get"><a href="{csv}">{data_label}</a></p>
<script src="{bundle}"></script>
<script>
(function(){{
  var spec = {spec};
  var id = {fid};
  function fit(node, w){{
    if (Array.isArray(node)) {{ node.forEach(function(n){{ fit(n, w); }}); return; }}
    if (!node || typeof node !== 'object') return;
    if (typeof node.width === 'number') node.width = w;
    if (node.axis && node.axis.labelLimit) node.axis.labelLimit = Math.min(220, Math.round(w * 0.45));
    if (node.mark && node.mark.limit) node.mark.limit = w + 200;
    Object.keys(node).forEach(function(k){{ if (k !== 'data') fit(node[k], w); }});
  }}
  function draw(){{
    var box = document.getElementById('chart').clientWidth;
    var w = Math.max(120, box - Math.min(240, Math.round(box * 0.45)) - 80);
    var s = JSON.parse(JSON.stringify(spec)); fit(s, w);
    vegaEmbed('#chart', s, {{actions: false, renderer: 'svg'}}).then(function(){{
      if (window.parent !== window) {{
        window.parent.postMessage({{reportfigures: {{id: id, height: document.body.scrollHeight}}}}, '*');
      }}
    }});
  }}
  var t; window.addEventListener('resize', function(){{ clearTimeout(t); t = setTimeout(draw, 150); }});
  draw();
}})();
</script></body></html>
"""


def offline_html(fig: Figure, bundle: str = "vega.js") -> str:
    """The interactive chart, offline (Vega from a file beside it), as wide as its container,
    telling an embedding page its height."""
    spec = json.dumps(fig.spec, ensure_ascii=False).replace("</", "<\\/")
    return _HTML.format(lang="zh-Hans" if fig.lang == "zh" else "en", title=html.escape(fig.title),
                        alt=html.escape(fig.alt), csv=html.escape(f"{fig.id}.csv"),
                        data_label="数据表（精确数值）" if fig.lang == "zh" else "Data table (exact values)",
                        bundle=bundle, spec=spec, fid=json.dumps(fig.id))


def embed_snippet(fig_id: str, year: int, title: str, alt: str, base_url: str = "", lang: str = "zh") -> str:
    """A responsive iframe of a chart's page, with the script that sets its height."""
    sub = "" if lang == "zh" else f"{lang}/"
    src = f"{base_url}{year}/charts/{sub}{fig_id}.html"
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" aria-label="{html.escape(alt)}" '
            f'data-reportfigures="{html.escape(fig_id)}" style="width:100%;border:0" height="460" loading="lazy"></iframe>\n'
            "<script>window.addEventListener('message',function(e){var d=e.data&&e.data.reportfigures;if(!d)return;"
            "document.querySelectorAll('iframe[data-reportfigures=\"'+d.id+'\"]').forEach(function(f){f.height=d.height+16;});});"
            "</script>")
