// @ts-check
// The explanation panel of an item (docs/rollup.md#explain): the plain sentence first, then the
// arithmetic, then (closed) the returns or members behind it. The numbers are the engine's
// (`RollupEngine.explain`); this only writes them out.
import { h } from "./dom.js";
import { coverageWords } from "./row.js";

/**
 * @typedef {import("./rollup-view.js").RollupView} RollupView
 * @typedef {import("../pkg/web/workplan_wasm.js").Explanation} Explanation
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupEngine} RollupEngine
 * @typedef {import("../pkg/web/workplan_wasm.js").RollupRow} RollupRow
 * @typedef {NonNullable<Explanation["members"]>} MemberSummary
 */

/**
 * The explanation of an item as a panel (`part=explanation`), with the text it shows (closed
 * details left out), to go into the item's name.
 * @param {RollupEngine} engine
 * @param {string} id
 * @param {RollupView} view
 * @param {string} depth the item's `--depth`, which indents the panel as its row
 * @returns {{box: HTMLDivElement, text: string, explanation: Explanation}}
 */
export function explanationPanel(engine, id, view, depth) {
  const f = view.fmt;
  /** @type {Explanation} */
  const explanation = engine.explain(id);
  const row = view.rows.get(id);
  const name = row ? `${row.label ? `${row.label} ` : ""}${row.title}` : id;
  const memberCells = explanation.kind === "member_item" ? engine.cells(id) : [];
  const members = explanation.members;
  // The engine's own sentence is English: other languages build it from the strings table.
  const engineSummary = f.locale.startsWith("en") && typeof explanation.summary === "string" ? explanation.summary : null;
  const box = h("div", { class: "explain", part: "explanation", role: "note", "aria-label": f.t("explanation_label", { item: name }) }, [
    h("p", { class: "summary" }, [engineSummary ?? summaryOf(explanation, row, view)]),
    members && !engineSummary ? h("p", { class: "members" }, [membersSentence(members, view)]) : null,
    h("h4", {}, [f.t("arithmetic")]),
    h("p", { class: "text" }, [explanation.text]),
  ]);
  box.style.setProperty("--depth", depth);
  if (explanation.children.length) {
    const table = h("table", {}, [
      h("thead", {}, [h("tr", {}, [h("th", {}, [f.t("th_item")]), h("th", {}, [f.t("th_progress")]), h("th", {}, [f.t("th_weight")]), h("th", {}, [f.t("th_counted")])])]),
      h(
        "tbody",
        {},
        explanation.children.map((child) => {
          const childRow = view.rows.get(child.item);
          return h("tr", {}, [
            h("td", {}, [childRow?.label ? `${childRow.label} ` : "", childRow?.title ?? child.item]),
            h("td", { class: "n" }, [f.percent(child.progress)]),
            h("td", { class: "n" }, [f.number(child.weight)]),
            h("td", {}, [child.counted ? f.t("counted_yes") : child.reason ? f.t("counted_no_because", { reason: child.reason }) : f.t("counted_no")]),
          ]);
        }),
      ),
    ]);
    box.append(table);
  } else if (members && memberCells.length) {
    const shown = memberCells.filter((c) => c.state !== "out_of_scope");
    box.append(
      h("details", { class: "returns" }, [
        h("summary", {}, [f.plural("show_members", shown.length)]),
        h("table", {}, [
          h("thead", {}, [h("tr", {}, [h("th", {}, [f.t("th_member")]), h("th", {}, [f.t("th_value")]), h("th", {}, [f.t("th_date")])])]),
          h(
            "tbody",
            {},
            shown.map((c) =>
              h("tr", {}, [
                h("td", {}, [view.memberName(c.member)]),
                h("td", { class: "n" }, [c.state === "reported" ? f.percent(c.progress) : f.t(`cell_${c.state}`)]),
                h("td", {}, [f.date(c.date)]),
              ]),
            ),
          ),
        ]),
      ]),
    );
  } else if (explanation.updates.length) {
    box.append(
      h("details", { class: "returns" }, [
        h("summary", {}, [f.plural("show_returns", explanation.updates.length)]),
        h(
          "ul",
          {},
          explanation.updates.map((u) => {
            const values = { field: u.field, value: u.value, date: f.date(u.date), member: u.member ? view.memberName(u.member) : "" };
            return h("li", {}, [`${f.t(u.member ? "update_by" : "update_line", values)} ${f.t("recorded", { date: f.date(u.recorded) })}`]);
          }),
        ),
      ]),
    );
  }
  box.dataset.for = id;
  // The panel is text of the item: its name holds what it shows, after what the row shows.
  // Spaces after each element (not drawn between blocks and table cells) keep words apart.
  for (const element of box.querySelectorAll("*")) element.after(" ");
  box.prepend(" ");
  const shown = /** @type {HTMLElement} */ (box.cloneNode(true));
  for (const hidden of shown.querySelectorAll("details:not([open]) > :not(summary)")) hidden.remove();
  const text = (shown.textContent ?? "").replace(/\s+/g, " ").trim();
  return { box, text, explanation };
}

/**
 * The plain sentence of an explanation, from its structured fields (when the engine gives none).
 * @param {Explanation} explanation
 * @param {RollupRow | undefined} row
 * @param {RollupView} view
 */
function summaryOf(explanation, row, view) {
  const f = view.fmt;
  const item = row ? `${row.label ? `${row.label} ` : ""}${row.title}` : explanation.item;
  const values = {
    item,
    progress: f.percent(explanation.progress),
    expected: f.percent(explanation.expected),
    date: f.date(explanation.as_of),
    status: f.t(`status_${explanation.status}`),
    coverage: row ? coverageWords(row, f) : "",
  };
  if (explanation.progress === null) return f.t("summary_leaf_none", values);
  return f.t(explanation.kind === "parent" ? "summary_parent" : "summary_leaf", values);
}

/**
 * The members' sentence: how many reported, the spread, who is furthest behind.
 * @param {MemberSummary} members
 * @param {RollupView} view
 */
function membersSentence(members, view) {
  const f = view.fmt;
  const counts =
    members.reported === 0
      ? f.t("summary_members_none", { count: f.number(members.count) })
      : f.t("summary_members", { reported: f.number(members.reported), count: f.number(members.count), lowest: f.percent(members.lowest), highest: f.percent(members.highest) });
  if (!members.behind.length) return counts;
  const names = members.behind.map((m) => f.t("behind_entry", { name: view.memberNames.get(m.member) ?? m.name, progress: m.progress === null ? f.t("cell_no_report") : f.percent(m.progress) }));
  return `${counts} ${f.t("summary_behind", { names: f.list(names) })}`;
}
