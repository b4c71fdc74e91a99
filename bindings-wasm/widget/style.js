// @ts-check
// The stylesheet of `<workplan-progress>`. Every colour is a custom property `--wp-*` with a light
// and a dark value (the table `COLOURS`, documented in README.md, "Theming"); the rules below use
// only those. The `theme` attribute picks `light` or `dark`; `auto` (the default) follows
// `prefers-color-scheme`. Print always uses the light values.

/**
 * The colours: `[property, light, dark, what it colours]`. A page sets `--wp-text` (for example)
 * on the element or an ancestor to override both values; to override one, set it inside its own
 * `@media (prefers-color-scheme: dark)` or on `workplan-progress[theme=dark]`.
 * @type {readonly (readonly [string, string, string, string])[]}
 */
export const COLOURS = Object.freeze([
  ["--wp-text", "#1f2328", "#e6edf3", "text"],
  ["--wp-muted", "#57606a", "#9ea7b3", "secondary text (dates, counts, labels)"],
  ["--wp-background", "#ffffff", "#0d1117", "background"],
  ["--wp-border", "#8c959f", "#656c76", "borders of inputs and buttons"],
  ["--wp-rule", "#d0d7de", "#30363d", "the frame and the lines between sections"],
  ["--wp-toolbar", "#f6f8fa", "#151b23", "toolbar background"],
  ["--wp-input", "#ffffff", "#0d1117", "input and select background"],
  ["--wp-button", "#ffffff", "#212830", "button background"],
  ["--wp-hover", "#f6f8fa", "#151b23", "row under the pointer"],
  ["--wp-selected", "#ddf4ff", "#0c2d6b", "selected row"],
  ["--wp-accent", "#0969da", "#4493f8", "selected row's edge, explanation's edge"],
  ["--wp-focus", "#ffdd00", "#ffdd00", "keyboard focus background (GOV.UK yellow)"],
  ["--wp-focus-text", "#0b0c0c", "#0b0c0c", "text and underline on the focus colour"],
  ["--wp-mark", "#fff8c5", "#5a4a00", "search matches"],
  ["--wp-error", "#a40e26", "#ff7b72", "error text"],
  ["--wp-error-bg", "#fff5f5", "#25171c", "error box background"],
  ["--wp-explain", "#f6f8fa", "#151b23", "explanation panel background"],
  ["--wp-bar", "#eaeef2", "#2f3742", "progress bar track"],
  ["--wp-marker", "#1f2328", "#e6edf3", "expected progress mark"],
  ["--wp-hatch", "#8c959f", "#8b949e", "hatching of a low-coverage bar"],
  ["--wp-done", "#1a7f37", "#3fb950", "bar and icon: done"],
  ["--wp-done-text", "#116329", "#7ee787", "chip text: done"],
  ["--wp-done-bg", "#dafbe1", "#033a16", "chip background: done"],
  ["--wp-on-track", "#2da44e", "#56d364", "bar and icon: on track"],
  ["--wp-on-track-text", "#116329", "#56d364", "chip text: on track"],
  ["--wp-on-track-bg", "#e6f6ea", "#04260f", "chip background: on track"],
  ["--wp-at-risk", "#bf8700", "#d29922", "bar and icon: at risk"],
  ["--wp-at-risk-text", "#7d4e00", "#e3b341", "chip text: at risk"],
  ["--wp-at-risk-bg", "#fff8c5", "#3b2300", "chip background: at risk"],
  ["--wp-off-track", "#cf222e", "#f85149", "bar and icon: off track"],
  ["--wp-off-track-text", "#a40e26", "#ffa198", "chip text: off track"],
  ["--wp-off-track-bg", "#ffebe9", "#490202", "chip background: off track"],
  ["--wp-not-started", "#6e7781", "#8b949e", "bar and icon: not started"],
  ["--wp-not-started-text", "#424a53", "#b7bdc8", "chip text: not started"],
  ["--wp-not-started-bg", "#f6f8fa", "#21262d", "chip background: not started"],
  ["--wp-unknown", "#8c959f", "#6e7681", "bar and icon: no data, left out"],
  ["--wp-unknown-text", "#57606a", "#9ea7b3", "chip text: no data, left out"],
  ["--wp-unknown-bg", "#f6f8fa", "#21262d", "chip background: no data, left out"],
  ["--wp-stale", "#953800", "#ffa657", "stale badge text and edge"],
  ["--wp-stale-bg", "#fff1e5", "#3d1d00", "stale badge background"],
  ["--wp-tooltip", "#1f2328", "#e6edf3", "tooltip background"],
  ["--wp-tooltip-text", "#ffffff", "#0d1117", "tooltip text"],
  ["--wp-shadow", "#00000040", "#00000099", "tooltip shadow"],
  ["--wp-heat-1", "#e6f6ea", "#0f2a18", "heat map, reported, progress below 20%"],
  ["--wp-heat-1-text", "#1f2328", "#e6edf3", "its text"],
  ["--wp-heat-2", "#b4e5c0", "#1b4d2b", "heat map, reported, 20% to 40%"],
  ["--wp-heat-2-text", "#1f2328", "#e6edf3", "its text"],
  ["--wp-heat-3", "#6fc383", "#2b7a43", "heat map, reported, 40% to 60%"],
  ["--wp-heat-3-text", "#0b0c0c", "#ffffff", "its text"],
  ["--wp-heat-4", "#1f7a3a", "#56c271", "heat map, reported, 60% to 80%"],
  ["--wp-heat-4-text", "#ffffff", "#0d1117", "its text"],
  ["--wp-heat-5", "#0f5323", "#a6f0b8", "heat map, reported, 80% and more"],
  ["--wp-heat-5-text", "#ffffff", "#0d1117", "its text"],
  ["--wp-no-report", "#fff8c5", "#3b2e00", "heat map: no return"],
  ["--wp-no-report-text", "#7d4e00", "#e3b341", "its text and symbol"],
  ["--wp-not-adopted", "#ffebe9", "#3c1618", "heat map: not adopted"],
  ["--wp-not-adopted-stripe", "#ffcecb", "#5a1e22", "its stripes"],
  ["--wp-not-adopted-text", "#a40e26", "#ffa198", "its text and symbol"],
  ["--wp-out-of-scope", "#f6f8fa", "#161b22", "heat map: not in scope"],
  ["--wp-out-of-scope-text", "#57606a", "#9ea7b3", "its text and symbol"],
]);

/** Properties that are not colours: `[property, default, what]`. */
export const SIZES = Object.freeze([
  ["--wp-font", 'system-ui, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif', "text"],
  ["--wp-font-size", "14px", "base text size"],
  ["--wp-radius", "6px", "corners of the frame"],
  ["--wp-bar-width", "6.5em", "progress bar width"],
  ["--wp-bar-width-narrow", "5em", "progress bar width on narrow screens"],
  ["--wp-matrix-height", "32em", "height of the heat map's scrolling box"],
]);

/** The internal name of a colour: `--wp-text` is used as `var(--_text)`. @param {string} name */
const inner = (name) => name.replace("--wp-", "--_");

/** Declarations of the colours in one scheme. @param {1 | 2} which 1: light, 2: dark */
const scheme = (which) => COLOURS.map((c) => `${inner(c[0])}:var(${c[0]},${c[which]})`).join(";");

const LIGHT = `${scheme(1)};color-scheme:light`;
const DARK = `${scheme(2)};color-scheme:dark`;

/** Reads the colour `--wp-name` (its internal property). @param {string} name */
const c = (name) => `var(--_${name})`;

export const STYLE = `
:host{${LIGHT}}
:host([theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host(:not([theme=light])){${DARK}}}
:host{all:initial;display:block;container:wp/inline-size;box-sizing:border-box;
  font:var(--wp-font-size,14px)/1.45 var(--wp-font,system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif);
  color:${c("text")};background:${c("background")};
  border:1px solid ${c("rule")};border-radius:var(--wp-radius,6px);overflow:hidden}
:host([hidden]){display:none}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
button,input,select{font:inherit;color:inherit}
:focus-visible{outline:3px solid ${c("focus")};outline-offset:0;box-shadow:inset 0 0 0 2px ${c("focus-text")}}
button:focus-visible,summary:focus-visible{background:${c("focus")};color:${c("focus-text")};box-shadow:0 -2px ${c("focus")},0 4px ${c("focus-text")};outline:none}
.head{padding:.75em .9em .5em;border-bottom:1px solid ${c("rule")}}
h2{font-size:1.15em;margin:0;line-height:1.3}
.meta,.levels,.legend,.shown{color:${c("muted")};font-size:.86em;margin:.2em 0 0}
.legend{display:flex;flex-wrap:wrap;gap:.2em .8em;padding:0;list-style:none;align-items:center}
.legend .chip{min-width:0}
.legend .bar{width:3em}
.tools{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;padding:.5em .9em;border-bottom:1px solid ${c("rule")};background:${c("toolbar")}}
.tools label{display:flex;flex-direction:column;font-size:.8em;color:${c("muted")};gap:.1em;flex:1 1 9em;max-width:22em;min-width:0}
.tools input,.tools select{font-size:1.15em;padding:.25em .4em;border:1px solid ${c("border")};border-radius:4px;background:${c("input")};color:${c("text")};min-width:0;width:100%}
.tools button{font-size:.9em;padding:.35em .7em;border:1px solid ${c("border")};border-radius:4px;background:${c("button")};color:${c("text")};cursor:pointer}
.tools .buttons{display:flex;flex-wrap:wrap;gap:.4em;flex:0 0 auto}
.status{padding:1em .9em}
.status.error{color:${c("error")};background:${c("error-bg")}}
.status p{margin:.2em 0}
.diagnostics{padding:.4em .9em;border-bottom:1px solid ${c("rule")};font-size:.88em}
.diagnostics summary{cursor:pointer;color:${c("muted")}}
.diagnostics.errors summary{color:${c("error")};font-weight:600}
.diagnostics ul{margin:.3em 0;padding-left:1.2em}
.diagnostics li{margin:.15em 0}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em;color:${c("muted")}}
ul[role=tree],ul[role=group]{list-style:none;margin:0;padding:0}
ul[role=tree]{padding:.25em 0}
li[role=treeitem]{outline:none;box-shadow:none;content-visibility:auto;contain-intrinsic-size:auto 2.4em}
.matrix{content-visibility:auto;contain-intrinsic-size:auto 40em}
.row{display:grid;grid-template-columns:1.3em minmax(0,1fr) auto;gap:.1em .6em;align-items:center;
  padding:.3em .9em .3em calc(.5em + var(--depth,0) * 1.15em);border-left:3px solid transparent;cursor:pointer}
.row:hover{background:${c("hover")}}
li[aria-selected=true]>.row{background:${c("selected")};border-left-color:${c("accent")}}
li[role=treeitem]:focus-visible>.row{background:${c("focus")};color:${c("focus-text")};box-shadow:inset 0 -3px 0 ${c("focus-text")}}
li[role=treeitem]:focus-visible>.row :is(.label,.when,.counts,.coverage,.pct,.trend,.twisty,.low,.name){color:${c("focus-text")}}
.twisty{align-self:start;margin-top:.05em;width:1.3em;height:1.3em;display:inline-flex;align-items:center;justify-content:center;border:0;background:none;padding:0;color:${c("muted")};cursor:pointer}
.twisty::before{content:"▸";transition:transform .1s}
li[aria-expanded=true]>.row .twisty::before{transform:rotate(90deg)}
li:not([aria-expanded])>.row .twisty{visibility:hidden}
.name{min-width:0;overflow-wrap:anywhere}
.depth0>.row .name{font-weight:600}
.label{color:${c("muted")};font-variant-numeric:tabular-nums}
.label:empty{display:none}
.context>.row .name{color:${c("muted")}}
mark{background:${c("mark")};color:inherit}
.figures{display:flex;align-items:center;gap:.5em;white-space:nowrap;justify-self:end}
.bar{position:relative;display:inline-block;width:var(--wp-bar-width,6.5em);height:.6em;background:${c("bar")};border-radius:.3em}
.fill{position:absolute;left:0;top:0;bottom:0;border-radius:.3em;background:${c("unknown")}}
.marker{position:absolute;top:-.3em;width:2px;height:1.2em;margin-left:-1px;background:${c("marker")}}
.low-coverage>.row .bar,.bar.hatched{background:repeating-linear-gradient(135deg,${c("hatch")} 0 2px,${c("bar")} 2px 5px)}
.low-coverage>.row .fill[class*=s-],.bar.hatched .fill{background:repeating-linear-gradient(135deg,var(--c) 0 3px,${c("bar")} 3px 5px)}
.pct{min-width:4.3em;text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.pct.none{font-weight:400;color:${c("muted")}}
.chip{display:inline-flex;align-items:center;gap:.25em;border-radius:1em;padding:0 .55em;font-size:.82em;line-height:1.6;border:1px solid currentColor;min-width:6.6em}
.trend{width:1.2em;text-align:center;color:${c("muted")}}
.when{font-size:.82em;color:${c("muted")};min-width:6.2em;font-variant-numeric:tabular-nums}
.stale{font-size:.75em;border-radius:.3em;padding:0 .3em;background:${c("stale-bg")};color:${c("stale")};border:1px dashed ${c("stale")}}
.counts{grid-column:2/-1;display:flex;flex-wrap:wrap;gap:.2em .7em;font-size:.8em;color:${c("muted")}}
.coverage{font-variant-numeric:tabular-nums}
.low{font-weight:600;border:1px dashed currentColor;border-radius:.3em;padding:0 .3em}
.count{font-variant-numeric:tabular-nums}
.count b{font-weight:600}
.s-done{--c:${c("done")};--t:${c("done-text")};--b:${c("done-bg")}}
.s-on_track{--c:${c("on-track")};--t:${c("on-track-text")};--b:${c("on-track-bg")}}
.s-at_risk{--c:${c("at-risk")};--t:${c("at-risk-text")};--b:${c("at-risk-bg")}}
.s-off_track{--c:${c("off-track")};--t:${c("off-track-text")};--b:${c("off-track-bg")}}
.s-not_started{--c:${c("not-started")};--t:${c("not-started-text")};--b:${c("not-started-bg")}}
.s-unknown,.s-excluded{--c:${c("unknown")};--t:${c("unknown-text")};--b:${c("unknown-bg")}}
.chip[class*=s-]{color:var(--t);background:var(--b);border:1px solid var(--c)}
.chip.derived[class*=s-]{background:transparent;border:1px dashed var(--t)}
.fill[class*=s-]{background:var(--c)}
.count[class*=s-] i{color:var(--c);font-style:normal}
.explain{margin:.2em .9em .5em calc(2em + var(--depth,0) * 1.15em);padding:.5em .7em;border-left:3px solid ${c("accent")};background:${c("explain")};font-size:.9em;cursor:auto}
.explain p{margin:.2em 0}
.explain .summary{font-size:1.05em}
.explain h4{font-size:1em;margin:.5em 0 .1em}
.explain summary{cursor:pointer;margin-top:.3em}
.explain table{border-collapse:collapse;margin-top:.3em;font-size:.95em;width:100%}
.explain th,.explain td{text-align:left;padding:.1em .5em .1em 0;vertical-align:top}
.explain td.n{text-align:right;font-variant-numeric:tabular-nums}
.explain td.n,.explain th{white-space:nowrap}
.matrix{border-top:1px solid ${c("rule")};padding:.6em .9em .9em;position:relative}
.matrix h3{font-size:1em;margin:0 0 .2em}
.matrix .wrap{overflow:auto;max-height:var(--wp-matrix-height,32em);border:1px solid ${c("rule")}}
.matrix table{border-collapse:separate;border-spacing:1px;font-size:.75em}
.matrix thead th{position:sticky;top:0;background:${c("background")};z-index:1;vertical-align:bottom;padding:.2em 0;font-weight:500}
.matrix thead th span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;display:inline-block}
.matrix thead th b{font-weight:600}
.matrix tbody th{position:sticky;left:0;background:${c("background")};text-align:left;font-weight:500;padding:0 .5em 0 .2em;z-index:1;min-width:9em;max-width:16em;white-space:normal;overflow-wrap:break-word}
.matrix thead th:first-child{left:0;z-index:2;background:${c("background")};vertical-align:bottom;text-align:left}
.matrix thead th:first-child span{writing-mode:horizontal-tb;transform:none}
.matrix td{width:2.3em;min-width:2.3em;height:1.9em;text-align:center;font-variant-numeric:tabular-nums;border-radius:2px;cursor:default}
.matrix td:focus-visible,.matrix th:focus-visible{outline:3px solid ${c("focus")};outline-offset:-1px;box-shadow:inset 0 0 0 3px ${c("focus-text")}}
.c-reported{background:var(--heat);color:var(--heat-text)}
.h1{--heat:${c("heat-1")};--heat-text:${c("heat-1-text")}}
.h2{--heat:${c("heat-2")};--heat-text:${c("heat-2-text")}}
.h3{--heat:${c("heat-3")};--heat-text:${c("heat-3-text")}}
.h4{--heat:${c("heat-4")};--heat-text:${c("heat-4-text")}}
.h5{--heat:${c("heat-5")};--heat-text:${c("heat-5-text")}}
.c-no_report{background:${c("no-report")};color:${c("no-report-text")};box-shadow:inset 0 0 0 1px ${c("no-report-text")}}
.c-not_adopted{background:repeating-linear-gradient(135deg,${c("not-adopted-stripe")} 0 3px,${c("not-adopted")} 3px 7px);color:${c("not-adopted-text")}}
.c-out_of_scope{background:${c("out-of-scope")};color:${c("out-of-scope-text")}}
.cellkey{display:flex;flex-wrap:wrap;gap:.3em 1em;list-style:none;padding:0;margin:.3em 0;font-size:.86em}
.cellkey li{display:flex;align-items:center;gap:.35em}
.cellkey .swatch{display:inline-flex;align-items:center;justify-content:center;min-width:2.3em;height:1.6em;border-radius:2px;font-variant-numeric:tabular-nums}
.tip{position:fixed;z-index:10;max-width:18em;padding:.4em .6em;border-radius:4px;background:${c("tooltip")};color:${c("tooltip-text")};font-size:.8em;pointer-events:none;box-shadow:0 2px 8px ${c("shadow")}}
.tip b{display:block}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.print-only{display:none}
@container wp (max-width:640px){
  .row{grid-template-columns:1.3em minmax(0,1fr)}
  .figures{grid-column:2;justify-self:start;flex-wrap:wrap;row-gap:.2em}
  .bar{width:var(--wp-bar-width-narrow,5em)}
  .pct{min-width:0}
  .chip{min-width:0}
  .when{min-width:0}
  .explain{margin-left:.9em}
}
@media print{
  :host{${LIGHT};border:0;overflow:visible}
  .tools,.tip,.matrix .wrap,.matrix .screen-only{display:none!important}
  .twisty{visibility:hidden}
  .print-only{display:block}
  ul[role=group]{display:block}
  .row{break-inside:avoid;cursor:auto}
  .explain{break-inside:avoid}
  .matrix .print-only table{break-inside:auto;margin-bottom:1em}
  .matrix .print-only tr{break-inside:avoid}
  .matrix .print-only thead{display:table-header-group}
  .matrix .print-only thead th{position:static}
  .matrix .print-only tbody th{position:static}
  .matrix .print-only h4{font-size:.9em;margin:.6em 0 .2em;break-after:avoid}
}
`;
