"""The pages' stylesheet and script (inline: the pages work offline from the folder).
"""

from __future__ import annotations


STYLE = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#1a1a1a;line-height:1.65;background:#fff}
a{color:#0a58a8}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{border-bottom:1px solid #ddd;padding-bottom:8px}
.kicker{color:#555;font-size:.85em;margin:.8em 0 0}
h1{font-size:1.5em;line-height:1.3;margin:.3em 0}
h2{font-size:1.25em;margin:1.6em 0 .5em;border-top:2px solid #1a1a1a;padding-top:.4em}
h3{font-size:1.05em;margin:1.2em 0 .3em}
nav ul{list-style:none;padding:0;margin:.5em 0;display:flex;flex-wrap:wrap;gap:.4em 1em;font-size:.95em}
.lede{font-size:1.12em;font-weight:600}
.def{color:#444;font-size:.92em;margin:.2em 0 .5em}
ol.findings li,ul.findings li{margin:.45em 0}
.rating{display:inline-block;font-size:.8em;font-weight:700;padding:0 .45em;border-radius:3px;margin-right:.3em;border:1px solid}
.rating.r-contradiction{background:#fde3d6;border-color:#a63f00;color:#7a2e00}
.rating.r-not_reproducible{background:#fff0d1;border-color:#8a5a00;color:#5c3c00}
.rating.r-misprint{background:#f6e1ee;border-color:#8e3b6e;color:#6b2c53}
.rating.r-worth_a_look{background:#dcefff;border-color:#1f5f8b;color:#174766}
.rating.r-consistent{background:#d9f2e7;border-color:#00664a;color:#00513b}
.rating.r-cannot_check{background:#eee;border-color:#666;color:#333}
.permalink{font-size:.85em;text-decoration:none;color:#555;margin-left:.3em}
.outcome{display:inline-block;font-size:.85em;font-weight:700;padding:0 .45em;border-radius:3px;border:1px solid;white-space:nowrap}
.outcome.o-met{background:#d9f2e7;border-color:#00664a;color:#00513b}
.outcome.o-missed{background:#fde3d6;border-color:#a63f00;color:#7a2e00}
.outcome.o-not_reported{background:#eee;border-color:#666;color:#333}
table.targets td.num{white-space:nowrap}
td.n{white-space:nowrap;font-variant-numeric:tabular-nums}
@media (max-width:640px){
 table.targets,table.targets tbody,table.targets tr,table.targets td{display:block;width:auto}
 table.targets thead{display:none}
 table.targets tr{border-bottom:1px solid #ccc;padding:.4em 0}
 table.targets td{border:0;padding:.1em 0}
 table.targets td[data-label]::before{content:attr(data-label) "：";color:#555;font-size:.9em}
 html[lang=en] table.targets td[data-label]::before{content:attr(data-label) ": "}
 table.targets td.subject{font-weight:700}
}
dl.facts{display:grid;grid-template-columns:minmax(7em,max-content) 1fr;gap:.2em 1em;margin:.5em 0}
dl.facts dt{color:#555}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.src{color:#666;font-size:.85em}
code,.hash{overflow-wrap:anywhere;word-break:break-all;font-size:.9em}
ul.headlines li{margin:.3em 0}
.flag{font-size:.85em}
figure{margin:20px 0;border-top:1px solid #e5e5e5;padding-top:12px}
figure img{display:block;width:100%;max-width:760px;height:auto}
figcaption{font-size:.92em;color:#222}
figcaption .links{font-size:.9em}
details{margin:.4em 0}
summary{cursor:pointer}
pre.embed{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:8px;font-size:.8em;max-width:100%}
.table-wrap{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.9em;width:100%}
th,td{border-bottom:1px solid #e5e5e5;padding:5px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#fafafa}
tr:target,.num:target,li:target{outline:3px solid #b35900;outline-offset:2px}
a.num,a.mark,li,tr,figure{scroll-margin-top:25vh}
#source{font-size:1.02em;max-width:46em}
#source p{overflow-wrap:anywhere;margin:.7em 0}
.legend{display:flex;flex-wrap:wrap;gap:.3em .8em;font-size:.9em;padding:0;list-style:none}
.num{border-radius:3px;padding:0 2px}
.num.other{background:#f0f0f0}
a.num,a.mark{color:#1a1a1a;text-decoration:none;border-bottom:2px solid;cursor:pointer}
a.num.r-consistent{background:#d9f2e7;border-color:#00664a}
a.num.r-cannot_check{background:#eee;border-color:#777;border-bottom-style:dotted}
a.num.r-contradiction{background:#fde3d6;border-color:#a63f00;border-bottom-style:double;border-bottom-width:3px}
a.num.r-not_reproducible{background:#fff0d1;border-color:#8a5a00;border-bottom-style:double;border-bottom-width:3px}
a.num.r-worth_a_look{background:#dcefff;border-color:#1f5f8b;border-bottom-style:dashed}
a.mark.misprint{background:#f6e1ee;border-color:#8e3b6e;border-bottom-style:wavy}
a.num:focus,a.mark:focus{outline:3px solid #0a58a8;outline-offset:1px}
#popover{position:absolute;z-index:10;width:min(26em,calc(100vw - 16px));max-height:min(70vh,32em);overflow:auto;
 background:#fff;border:1px solid #888;border-radius:6px;box-shadow:0 4px 18px rgba(0,0,0,.25);padding:10px 12px;font-size:.93em}
#popover[hidden]{display:none}
#popover h3{margin:0 2em .3em 0;font-size:1em}
#popover .close{position:absolute;top:4px;right:6px;border:0;background:none;font-size:1.4em;line-height:1;cursor:pointer;padding:4px 8px}
#popover blockquote{margin:.3em 0;padding-left:.6em;border-left:3px solid #ccc;color:#333;font-size:.92em}
#popover p{margin:.35em 0}
@media (max-width:600px){
 #popover{position:fixed;left:8px!important;right:8px;bottom:8px;top:auto!important;width:auto;max-height:60vh}
 h1{font-size:1.3em}
 dl.facts{grid-template-columns:1fr}
}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{color:#555;font-size:.85em;border-top:1px solid #ddd;margin-top:2em;padding-bottom:2em}
@media print{
 nav,#popover,.embed-wrap,.links,.permalink,details.more,#live{display:none!important}
 body{font-size:10.5pt;color:#000}
 header,main,footer{max-width:none;padding:0}
 h2{break-after:avoid}
 figure,tr,li{break-inside:avoid}
 a{color:#000;text-decoration:none}
 a.num,a.mark{border-bottom-width:1px}
 .table-wrap{overflow:visible}
}
"""
SCRIPT = """
(function(){
  var details = JSON.parse(document.getElementById('claim-details').textContent);
  var pop = document.getElementById('popover'), live = document.getElementById('live');
  var words = JSON.parse(document.getElementById('page-words').textContent);
  var opener = null;
  function el(tag, cls, text){var e=document.createElement(tag); if(cls){e.className=cls;} if(text!==undefined){e.textContent=text;} return e;}
  function keyOf(a){ return a.dataset.claim || ('finding:' + a.dataset.finding); }
  function fill(d, key){
    pop.textContent = '';
    var close = el('button', 'close', '\\u00d7'); close.type='button'; close.setAttribute('aria-label', words.close);
    close.addEventListener('click', function(){ hide(true); });
    pop.appendChild(close);
    var h = el('h3', null, d.value + ' \\u00b7 ' + d.subject); h.id = 'pop-title'; pop.appendChild(h);
    var r = el('p'); r.appendChild(el('span', 'rating r-' + d.rating, d.label)); pop.appendChild(r);
    if (!d.checks.length) { pop.appendChild(el('p', null, words.nocheck)); }
    d.checks.forEach(function(c){
      var p = el('p'); p.appendChild(el('span', 'rating r-' + c.rating, c.label));
      if (c.role) { p.appendChild(el('em', null, c.role + ' ')); }
      p.appendChild(document.createTextNode(c.sentence + ' '));
      var a = el('a', 'permalink', words.finding); a.href = '#' + c.anchor; p.appendChild(a);
      pop.appendChild(p);
      var det = el('details'); det.appendChild(el('summary', null, words.how));
      if (c.formula) { det.appendChild(el('p', null, words.formula + ': ' + c.formula)); }
      if (c.computed) { det.appendChild(el('p', null, words.computed + ': ' + c.computed)); }
      if (c.evidence) { det.appendChild(el('blockquote', null, c.evidence)); }
      pop.appendChild(det);
    });
    if (key.indexOf('finding:') !== 0) {
      var l = el('p'); var a2 = el('a', null, words.toclaim); a2.href = '#claim-' + key; l.appendChild(a2); pop.appendChild(l);
    }
  }
  function place(a){
    if (window.matchMedia('(max-width:600px)').matches) { pop.style.left=''; pop.style.top=''; return; }
    var r = a.getBoundingClientRect(), w = pop.offsetWidth, h = pop.offsetHeight;
    var left = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - w - 8);
    var below = r.bottom + 6, above = r.top - h - 6;
    var top = (below + h <= window.innerHeight || above < 0) ? below : above;
    pop.style.left = left + 'px'; pop.style.top = (top + window.scrollY) + 'px';
  }
  function show(a, focusInside){
    var key = keyOf(a), d = details[key]; if(!d){return;}
    opener = a; fill(d, key); pop.hidden = false; place(a);
    live.textContent = d.value + ': ' + d.label;
    if (focusInside) { pop.querySelector('.close').focus(); }
  }
  var restoring = false;
  function hide(restore){
    if (pop.hidden) { return; }
    pop.hidden = true;
    if (restore && opener) { restoring = true; opener.focus(); restoring = false; }
  }
  document.querySelectorAll('a.num, a.mark').forEach(function(a){
    a.addEventListener('click', function(ev){ ev.preventDefault(); show(a, true); history.replaceState(null, '', '#m-' + a.dataset.start); });
    a.addEventListener('focus', function(){ if (!restoring) { show(a, false); } });
  });
  document.addEventListener('keydown', function(ev){ if (ev.key === 'Escape') { hide(true); } });
  document.addEventListener('click', function(ev){
    if (!pop.hidden && !pop.contains(ev.target) && !(ev.target.closest && ev.target.closest('a.num, a.mark'))) { hide(false); }
  });
  window.addEventListener('resize', function(){ if (!pop.hidden && opener) { place(opener); } });
})();
"""
