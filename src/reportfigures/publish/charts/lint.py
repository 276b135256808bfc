"""The drawing rules every chart must pass before it is saved: one scale per unit, no cut
label, no legend for what is not drawn, contrast of text, the font draws every glyph.
"""

from __future__ import annotations

import json

from .figures import CLAIM_ID
from .style import FONT, LABEL_SIZE, _text_width


NAMED = {"white": "#ffffff", "black": "#000000", "gray": "#808080", "grey": "#808080"}


def _luminance(hex_colour: str) -> float:
    h = NAMED.get(str(hex_colour).lower(), str(hex_colour)).lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from _walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, path + (i,))


def _views(spec: dict) -> list[dict]:
    """The unit views of a spec (each with data and marks)."""
    out = []
    for _, node in _walk(spec):
        if "data" in node and ("mark" in node or "layer" in node):
            out.append(node)
    return out


def _visible_texts(spec: dict) -> list[str]:
    """Every string a reader of the image sees: titles, footers, axis and legend titles,
    labels and the values of fields drawn as text or on an axis."""
    out = []
    t = spec.get("title") or {}
    for line in [t.get("text", ""), t.get("subtitle", "")] if isinstance(t, dict) else [t]:
        out += [str(x) for x in line] if isinstance(line, list) else [str(line)]  # a title on several lines
    for view in _views(spec):
        values = (view.get("data") or {}).get("values") or []
        fields = set()
        for _, node in _walk(view):
            enc = node.get("encoding") if isinstance(node, dict) else None
            if not isinstance(enc, dict):
                continue
            for ch, e in enc.items():
                if not isinstance(e, dict):
                    continue
                if e.get("title"):
                    out.append(str(e["title"]))
                if ch in ("text", "y", "x", "color") and e.get("field") and e.get("type") in ("nominal", "ordinal", None):
                    fields.add(e["field"])
                for tip in e if ch == "tooltip" and isinstance(e, list) else []:
                    out.append(str(tip.get("title", "")))
        for v in values:
            out += [str(v[f]) for f in fields if f in v]
    return out


def _text_colours(spec: dict) -> list[tuple[str, str]]:
    """(where, colour) of every text the image draws."""
    out = []
    t = spec.get("title") or {}
    if isinstance(t, dict):
        out += [("title", t.get("color", "#000000")), ("subtitle", t.get("subtitleColor", "#000000"))]
    cfg = spec.get("config") or {}
    for k in ("axis", "legend"):
        out += [(f"{k} labels", cfg.get(k, {}).get("labelColor", "#000000")),
                (f"{k} title", cfg.get(k, {}).get("titleColor", "#000000"))]
    for path, node in _walk(spec):
        mark = node.get("mark") if isinstance(node, dict) else None
        if isinstance(mark, dict) and mark.get("type") == "text":
            out.append((f"text mark {'/'.join(map(str, path))}", mark.get("color", "#000000")))
    return out


def lint(spec: dict) -> list[str]:
    """What a graphics desk would refuse in this chart, one line each; [] when sound."""
    problems = []
    meta = (spec.get("usermeta") or {}).get("reportfigures") or {}
    background = spec.get("background", "#ffffff")
    # the same unit shares one scale
    panel_units = []
    for v in spec.get("vconcat", []):
        vals = (v.get("data") or {}).get("values") or []
        units = {x.get("unit") for x in vals if "unit" in x and "label" in x}
        if units:
            panel_units.append(tuple(sorted(units)))
    flat = [u for us in panel_units for u in us]
    dup = sorted({u for u in flat if flat.count(u) > 1})
    if dup:
        problems.append(f"same unit on separate scales: {', '.join(dup)}")
    # nothing stacked, explicitly or by two bars sharing a row
    for path, node in _walk(spec):
        if isinstance(node, dict) and node.get("stack") not in (None, False) and "field" in node:
            problems.append(f"stacked encoding at {'/'.join(map(str, path))}")
    for view in _views(spec):
        layers = view.get("layer") or [view]
        for layer in layers:
            mark = layer.get("mark")
            mtype = mark.get("type") if isinstance(mark, dict) else mark
            if mtype != "bar":
                continue
            vals = (layer.get("data") or view.get("data") or {}).get("values") or []
            yf = ((view.get("encoding") or {}).get("y") or (layer.get("encoding") or {}).get("y") or {}).get("field")
            rows = [v.get(yf) for v in vals if yf]
            if len(rows) != len(set(rows)):
                problems.append("two bars share a row: they would be stacked")
    # plan against actual only for the same measure
    if meta.get("type") == "plan" and not meta.get("same_measure"):
        problems.append("a plan drawn against an actual that measures something else")
    # no internal ids in the image
    ids = sorted({m for t in _visible_texts(spec) for m in CLAIM_ID.findall(t)})
    if ids:
        problems.append(f"internal ids in the image: {', '.join(ids[:3])}")
    # a legend only for what is drawn
    for view in _views(spec):
        vals = (view.get("data") or {}).get("values") or []
        for _, node in _walk(view):
            enc = node.get("encoding") if isinstance(node, dict) else None
            for ch in ("color", "fill", "shape", "fillOpacity", "strokeDash"):
                e = (enc or {}).get(ch) if isinstance(enc, dict) else None
                if not isinstance(e, dict) or e.get("legend", {}) is None or "field" not in e:
                    continue
                domain = (e.get("scale") or {}).get("domain") or []
                drawn = {v.get(e["field"]) for v in vals}
                extra = [d for d in domain if d not in drawn]
                if extra:
                    problems.append(f"legend for what is not drawn: {', '.join(map(str, extra))}")
    # text contrast
    for where, colour in _text_colours(spec):
        if contrast(colour, background) < 4.5:
            problems.append(f"{where}: contrast {contrast(colour, background):.1f}:1 < 4.5:1")
    for path, node in _walk(spec):
        mark = node.get("mark") if isinstance(node, dict) else None
        if isinstance(mark, dict) and mark.get("type") == "text" and mark.get("align") == "right" \
                and float(mark.get("dx", 0)) < 0 and "value < 0" not in json.dumps(node.get("transform", [])):
            problems.append("a label drawn inside its bar")
    if '"type": "log"' in json.dumps(spec) or '"type":"log"' in json.dumps(spec, separators=(",", ":")):
        problems.append("log scale (bars would be drawn empty)")
    # a bar's label is read whole: lines that fit, or an ellipsis where the rest is too long
    for _, node in _walk(spec):
        y = (node.get("encoding") or {}).get("y") if isinstance(node, dict) and isinstance(node.get("encoding"), dict) else None
        if not isinstance(y, dict) or y.get("field") != "label" or not isinstance(y.get("axis"), dict):
            continue
        limit = y["axis"].get("labelLimit", 180)  # Vega-Lite's default cuts labels at 180 px
        splits = "split(datum.label" in str(y["axis"].get("labelExpr", ""))
        for v in (node.get("data") or {}).get("values") or []:
            lines = str(v.get("label", "")).split("\n") if splits else [str(v.get("label", ""))]
            cut = [ln for ln in lines if _text_width(ln, LABEL_SIZE) > limit + 1]
            if cut:
                problems.append(f"label cut off at {limit} px: {cut[0][:24]}…")
    return problems


def glyphs_differ(a: str, b: str, font: str = FONT) -> bool:
    """Whether two characters rasterise differently: False means both are drawn as the same
    missing-glyph box (no CJK font on this machine; run scripts/install-system-deps)."""
    import vl_convert as vlc

    def pixels(ch: str) -> bytes:
        spec = {"data": {"values": [{"t": ch}]}, "mark": {"type": "text", "fontSize": 40, "font": font},
                "encoding": {"text": {"field": "t"}}, "width": 60, "height": 60, "config": {"view": {"stroke": None}}}
        return _png_pixels(vlc.vegalite_to_png(spec))
    return pixels(a) != pixels(b)


def _png_pixels(png: bytes) -> bytes:
    """Decoded image data of a PNG (files may differ in metadata only)."""
    import struct
    import zlib
    pos, idat = 8, b""
    while pos < len(png):
        n, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"IDAT":
            idat += png[pos + 8:pos + 8 + n]
        pos += 12 + n
    return zlib.decompress(idat)
