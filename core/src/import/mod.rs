//! Import: a committee paper's text (as extracted from a PDF) read into a draft plan in the
//! `workplan: 1` format, with a summary that accounts for every line of the text
//! (docs/import.md).
//!
//! The reading goes in steps, one per file: `lines` sets aside blank lines, front matter and
//! page furniture; `blocks` joins wrapped lines into paragraphs; `numbering` reads the labels;
//! `outline` builds the hierarchy of a numbered paper, `headed` that of a paper of headings and
//! bullet lists (the reading that places more of the text is kept); `levels` names the levels
//! from the paper's words; `measures` proposes measures from numeric targets in the prose;
//! `repair` mends known misreadings of PDF text. Every judgement is recorded on its item under
//! `x-import`.

mod blocks;
mod error;
mod headed;
mod levels;
mod lines;
mod measures;
mod numbering;
mod outline;
mod repair;

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::model::{Date, Plan};

pub use error::ImportError;
pub use lines::Unused;

/// What the paper does not say and the draft needs: used only where the text gives nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOptions {
    /// The plan's id when the paper names no plan ("Business Plan 2020/21").
    pub id: String,
    /// The plan's title when the paper names no plan.
    pub title: String,
    /// The plan's period when the paper states none; by default the calendar year of the first
    /// year printed in the text (2000 when there is none).
    pub period: Option<(Date, Date)>,
    /// Names for the levels, top down, used before the paper's own words (empty: the paper's
    /// words name them, docs/import.md "Levels").
    pub levels: Vec<String>,
    /// Another version of the plan whose ids the draft keeps: an item with the same title (runs
    /// of white space as one space) takes that item's id, so that returns keyed by id and
    /// `workplan diff` follow the items across versions (docs/import.md, "Ids").
    pub ids_from: Option<Plan>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            id: "imported-plan".into(),
            title: "Imported plan".into(),
            period: None,
            levels: Vec::new(),
            ids_from: None,
        }
    }
}

/// The ids of another version of the plan by title (white space joined), in document order.
fn ids_by_title(plan: &Plan) -> HashMap<String, VecDeque<String>> {
    let mut out: HashMap<String, VecDeque<String>> = HashMap::new();
    for (_, item) in plan.items_in_order() {
        out.entry(joined(&item.title)).or_default().push_back(item.id.clone());
    }
    out
}

/// The titles of the outline's items as the draft writes them (repaired, white space joined).
fn draft_titles(nodes: &[outline::Node], out: &mut HashSet<String>) {
    for node in nodes {
        out.insert(joined(&repair::repair(&node.title).0));
        draft_titles(&node.children, out);
    }
}

/// Runs of white space as one space.
fn joined(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which of the shapes docs/import.md describes the paper was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaperShape {
    /// Numbered headings, numbered priorities, lettered outputs (`1.`, `1`, `a.`).
    #[default]
    Numbered,
    /// Headings with bullet lists, indented bullets below them.
    Headed,
}

impl PaperShape {
    /// The shape in words, for the summary.
    pub fn as_str(self) -> &'static str {
        match self {
            PaperShape::Numbered => "numbered headings and lettered outputs",
            PaperShape::Headed => "headings with bullet lists",
        }
    }
}

/// One level of the draft: its name, its items, and where the name came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LevelSummary {
    /// The level's name ("Output").
    pub name: String,
    /// Items at this level.
    pub items: usize,
    /// Where the name came from ("named from the word \"Outputs\" heading the lists", "given by the caller").
    pub named_from: String,
}

/// A line of the text that the draft does not use, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct UnusedLine {
    /// 1-based line number.
    pub line: usize,
    /// Why it is not used.
    pub why: Unused,
    /// The line's text, trimmed.
    pub text: String,
}

/// What the import did: items per level, labels inferred, measures proposed, lines not used.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ImportSummary {
    /// The shape the paper was read as.
    pub shape: PaperShape,
    /// The levels, top down, with their items.
    pub levels: Vec<LevelSummary>,
    /// Items whose label was inferred (`x-label-inferred: true`).
    pub labels_inferred: usize,
    /// Measures proposed from numeric targets in the prose.
    pub measures_proposed: usize,
    /// Lines in the text.
    pub lines_total: usize,
    /// Lines the draft was read from (items' text, labels, and structure such as "Outputs").
    pub lines_used: usize,
    /// Lines not used, in order, with why (blank lines included).
    pub unused: Vec<UnusedLine>,
}

impl ImportSummary {
    /// The summary as lines of text; with `verbose`, every line of the text not used (blank lines
    /// excepted) with its number and why.
    pub fn to_text(&self, verbose: bool) -> String {
        let mut out = String::new();
        let levels: Vec<String> = self.levels.iter().map(|l| format!("{} {}", l.items, l.name)).collect();
        out.push_str(&format!("read as: {}\n", self.shape.as_str()));
        out.push_str(&format!("items: {}\n", levels.join(", ")));
        out.push_str(&format!("labels inferred: {}\n", self.labels_inferred));
        out.push_str(&format!("measures proposed: {}\n", self.measures_proposed));
        let blank = self.unused.iter().filter(|u| u.why == Unused::Blank).count();
        let mut reasons: Vec<(&str, usize)> = Vec::new();
        for unused in self.unused.iter().filter(|u| u.why != Unused::Blank) {
            match reasons.iter_mut().find(|(r, _)| *r == unused.why.reason()) {
                Some((_, n)) => *n += 1,
                None => reasons.push((unused.why.reason(), 1)),
            }
        }
        let detail: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
        out.push_str(&format!(
            "lines: {} in the text, {} used, {} blank, {} not used{}\n",
            self.lines_total,
            self.lines_used,
            blank,
            self.unused.len() - blank,
            if detail.is_empty() { String::new() } else { format!(" ({})", detail.join(", ")) }
        ));
        if verbose {
            for level in &self.levels {
                out.push_str(&format!("  level {}: {}\n", level.name, level.named_from));
            }
            for unused in self.unused.iter().filter(|u| u.why != Unused::Blank) {
                let mut text: String = unused.text.chars().take(70).collect();
                if text.len() < unused.text.len() {
                    text.push('…');
                }
                out.push_str(&format!("  line {}: {}: {text}\n", unused.line, unused.why.reason()));
            }
        }
        out
    }
}

/// The draft plan and what the import did.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The draft: it always loads; validation may warn (the warnings are the user's to-do list).
    pub plan: Plan,
    /// What the import did.
    pub summary: ImportSummary,
}

/// The plan the paper names: "Business Plan 2020/21" (in any case) gives the id
/// `business-plan-2020-21`, that title, and the financial year 2020-04-01..2021-03-31.
fn named_plan(text: &str) -> Option<(String, String, Date, Date)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (index, pair) in words.windows(2).enumerate() {
        if !(pair[0].eq_ignore_ascii_case("business") && pair[1].eq_ignore_ascii_case("plan")) {
            continue;
        }
        let mut next = index + 2;
        if words.get(next).is_some_and(|w| w.eq_ignore_ascii_case("for")) {
            next += 1;
        }
        let year = words.get(next)?.trim_end_matches(['.', ',', ';', ':']);
        let (first, second) = year.split_once('/')?;
        if first.len() != 4 || second.len() != 2 {
            continue;
        }
        let start: i32 = first.parse().ok()?;
        let _: u32 = second.parse().ok()?;
        let title = format!("Business Plan {first}/{second}");
        let id = format!("business-plan-{first}-{second}");
        return Some((id, title, date(start, 4, 1), date(start + 1, 3, 31)));
    }
    None
}

fn default_period(text: &str, options: &ImportOptions) -> (Date, Date) {
    if let Some(period) = options.period {
        return period;
    }
    let year = text
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .and_then(|w| w.parse().ok())
        .unwrap_or(2000);
    (date(year, 1, 1), date(year, 12, 31))
}

/// The date, or 1970-01-01 should it not exist (never, for the dates built here).
fn date(year: i32, month: u32, day: u32) -> Date {
    Date::from_ymd(year, month, day).unwrap_or_else(|| chrono::NaiveDate::default().into())
}

/// Words a title may start with that say nothing of it ("The London Borough Commitment").
const EMPTY_WORDS: [&str; 6] = ["the", "a", "an", "our", "your", "their"];

/// A slug of the first word of a title that says something of it: "Finance Performance" ->
/// `finance`, "The London Borough Commitment" -> `london`.
fn first_word(title: &str) -> String {
    let slug = |w: &str| -> String { crate::text::slugify(w).chars().filter(char::is_ascii_alphanumeric).collect() };
    let word = title.split_whitespace().map(slug).find(|w| !w.is_empty() && !EMPTY_WORDS.contains(&w.as_str()));
    let word = word.unwrap_or_default();
    if word.is_empty() || word.starts_with(|c: char| c.is_ascii_digit()) {
        format!("item-{word}")
    } else {
        word
    }
}

fn last_day(year: i32, month: u32) -> Option<Date> {
    let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    let first = chrono::NaiveDate::from_ymd_opt(next_year, next_month, 1)?;
    Some(first.pred_opt()?.into())
}

struct Writer<'a> {
    ids: HashSet<String>,
    /// The ids of another version of the plan by title, not yet given (`ImportOptions::ids_from`).
    previous: HashMap<String, VecDeque<String>>,
    /// The ids of the other version whose titles the draft has: no generated id takes them.
    reserved: HashSet<String>,
    period_end: Date,
    shape: PaperShape,
    /// Items at each depth.
    counts: Vec<usize>,
    summary: &'a mut ImportSummary,
    used: &'a mut BTreeSet<usize>,
}

impl Writer<'_> {
    /// `id`, or `id-2`, `id-3`... the first not given yet nor kept for an item of the other
    /// version (`reserved`) when `generated`.
    fn unique(&mut self, id: String, generated: bool) -> String {
        let mut candidate = id.clone();
        let mut n = 2;
        while self.ids.contains(&candidate) || (generated && self.reserved.contains(&candidate)) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        self.ids.insert(candidate.clone());
        candidate
    }

    fn item(&mut self, node: &outline::Node, id: String, depth: usize) -> Value {
        let mut node = node.clone();
        let (title, mut notes) = repair::repair(&node.title);
        node.title = title;
        let kept = self.previous.get_mut(&joined(&node.title)).and_then(|ids| {
            let at = ids.iter().position(|id| !self.ids.contains(id))?;
            ids.remove(at)
        });
        let id = match kept {
            Some(id) => {
                notes.push(
                    "id kept from the other version of the plan: an item with the same title (sure: high)".into(),
                );
                self.unique(id, false)
            }
            None => self.unique(id, true),
        };
        if let Some(outcome) = &node.outcome {
            let (outcome, more) = repair::repair(outcome);
            node.outcome = Some(outcome);
            notes.extend(more);
        }
        node.notes.extend(notes);
        if self.counts.len() <= depth {
            self.counts.resize(depth + 1, 0);
        }
        self.counts[depth] += 1;
        self.used.extend(&node.lines);
        let mut item = Map::new();
        item.insert("id".into(), json!(id));
        if let Some(label) = &node.label {
            item.insert("label".into(), json!(label));
        }
        let title = if node.title.is_empty() { "(untitled)".to_string() } else { node.title.clone() };
        item.insert("title".into(), json!(title));
        if let Some(outcome) = &node.outcome {
            item.insert("outcome".into(), json!(outcome));
        }
        let mut note = Map::new();
        if let (Some(first), Some(last)) = (node.lines.iter().min(), node.lines.iter().max()) {
            note.insert(
                "lines".into(),
                json!(if first == last { first.to_string() } else { format!("{first}-{last}") }),
            );
        }
        if node.title.is_empty() {
            note.insert("title".into(), json!("none printed: \"(untitled)\" stands in for it"));
        }
        if !node.notes.is_empty() {
            note.insert("judgements".into(), json!(node.notes));
        }
        // Targets are read from outputs (numbered papers) and bullet points (headed lists).
        let measurable = match self.shape {
            PaperShape::Numbered => depth >= 2,
            PaperShape::Headed => node.marker.is_some(),
        };
        if measurable {
            if let Some(measure) = measures::propose(&node.title) {
                self.summary.measures_proposed += 1;
                item.insert("measure".into(), json!({"unit": measure.unit, "baseline": 0, "target": measure.target}));
                let due = match measure.due {
                    Some(measures::Due::ThisYear) => Some(self.period_end),
                    Some(measures::Due::By { year, month }) => last_day(year, month.unwrap_or(12)),
                    None => None,
                };
                if let Some(due) = due {
                    item.insert("due".into(), json!(due.to_string()));
                }
                note.insert("measure".into(), json!("proposed"));
                note.insert("from".into(), json!(measure.sentence));
            }
        }
        if node.label_inferred {
            self.summary.labels_inferred += 1;
            item.insert("x-label-inferred".into(), json!(true));
        }
        if let Some(marker) = &node.marker {
            item.insert("x-printed-marker".into(), json!(marker));
        }
        if let Some(note) = &node.document_note {
            item.insert("x-document-note".into(), json!(note));
        }
        if let Some(section) = &node.section {
            item.insert("x-section".into(), json!(section));
        }
        item.insert("x-import".into(), Value::Object(note));
        let mut children = Vec::new();
        for (index, child) in node.children.iter().enumerate() {
            let part = match &child.label {
                Some(label) => label.to_lowercase(),
                None => (index + 1).to_string(),
            };
            children.push(self.item(child, format!("{id}.{part}"), depth + 1));
        }
        if !children.is_empty() {
            item.insert("children".into(), Value::Array(children));
        }
        Value::Object(item)
    }
}

/// The lines an outline reads: its structure and every line of its items.
fn lines_read(outline: &outline::Outline) -> usize {
    fn count(node: &outline::Node) -> usize {
        node.lines.len() + node.children.iter().map(count).sum::<usize>()
    }
    outline.structure.len() + outline.items.iter().map(count).sum::<usize>()
}

/// The titles of the items at each depth.
fn titles_by_depth<'a>(nodes: &'a [outline::Node], depth: usize, out: &mut Vec<Vec<&'a str>>) {
    for node in nodes {
        if out.len() <= depth {
            out.resize(depth + 1, Vec::new());
        }
        out[depth].push(&node.title);
        titles_by_depth(&node.children, depth + 1, out);
    }
}

/// Whether the items at each depth are points under points: their parent is a bullet or a
/// lettered output.
fn sub_points_by_depth(nodes: &[outline::Node], depth: usize, parent_is_point: bool, out: &mut Vec<(usize, usize)>) {
    for node in nodes {
        if out.len() <= depth {
            out.resize(depth + 1, (0, 0));
        }
        out[depth].1 += 1;
        if parent_is_point {
            out[depth].0 += 1;
        }
        let letter = node.label.as_deref().is_some_and(|l| l.len() == 1 && l.chars().all(|c| c.is_ascii_lowercase()));
        sub_points_by_depth(&node.children, depth + 1, node.marker.is_some() || letter, out);
    }
}

/// The last line with text before `line` (1-based), and its number.
fn line_before<'a>(raw: &[&'a str], line: usize) -> Option<(&'a str, usize)> {
    (1..line).rev().map(|n| (raw[n - 1].trim(), n)).find(|(t, _)| !t.is_empty())
}

/// Reads a committee paper's text into a draft plan: the paper's numbered headings and lettered
/// outputs, or its headings and bullet lists, whichever reading places more of the text
/// (docs/import.md). What the importer cannot place is listed in the summary's unused lines, and
/// the draft always loads; a text from which no item is read is an error
/// ([`ImportError::NothingRead`]), not an empty draft.
pub fn import_paper(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let read = lines::read(text);
    let numbered = outline::read(&blocks::read(&read.kept));
    let headed = headed::read(&read.kept);
    let (shape, outline) = if lines_read(&headed) > lines_read(&numbered) {
        (PaperShape::Headed, headed)
    } else {
        (PaperShape::Numbered, numbered)
    };
    if outline.items.is_empty() {
        return Err(ImportError::NothingRead { lines: text.lines().count() });
    }

    let named = named_plan(text);
    let (id, title, start, end) = match (named.clone(), &outline.title) {
        (Some(named), _) => named,
        (None, Some(title)) if !crate::text::slugify(title).is_empty() => {
            let (start, end) = default_period(text, options);
            (crate::text::slugify(title), title.clone(), start, end)
        }
        (None, _) => {
            let (start, end) = default_period(text, options);
            (options.id.clone(), options.title.clone(), start, end)
        }
    };
    let mut summary = ImportSummary { shape, lines_total: text.lines().count(), ..ImportSummary::default() };
    let mut used: BTreeSet<usize> = outline.structure.iter().copied().collect();
    let previous = options.ids_from.as_ref().map(ids_by_title).unwrap_or_default();
    let mut titles = HashSet::new();
    draft_titles(&outline.items, &mut titles);
    let reserved =
        previous.iter().filter(|(title, _)| titles.contains(*title)).flat_map(|(_, ids)| ids.clone()).collect();
    let mut writer = Writer {
        ids: HashSet::new(),
        previous,
        reserved,
        period_end: end,
        shape,
        counts: Vec::new(),
        summary: &mut summary,
        used: &mut used,
    };
    let items: Vec<Value> = outline
        .items
        .iter()
        .map(|node| {
            let id = first_word(&node.title);
            writer.item(node, id, 0)
        })
        .collect();
    let counts = std::mem::take(&mut writer.counts);

    let raw: Vec<&str> = text.lines().collect();
    let first_line = outline.items.first().and_then(|n| n.lines.iter().min().copied()).unwrap_or(1);
    let outline_heading = match shape {
        PaperShape::Headed => outline.structure.first().and_then(|l| outline.title.as_deref().map(|t| (t, *l))),
        PaperShape::Numbered => line_before(&raw, first_line),
    };
    let structure_word = match shape {
        PaperShape::Numbered => outline
            .structure
            .iter()
            .map(|l| raw[l - 1].trim().trim_end_matches(':'))
            .find(|t| *t == "Outputs" || *t == "Output")
            .map(|word| (2, word)),
        PaperShape::Headed => None,
    };
    let mut titles = Vec::new();
    titles_by_depth(&outline.items, 0, &mut titles);
    let mut points = Vec::new();
    sub_points_by_depth(&outline.items, 0, false, &mut points);
    let sub_points = points.iter().map(|(under_points, all)| under_points * 2 > *all).collect();
    let evidence = levels::Evidence { text, outline_heading, structure_word, titles, sub_points };
    let names = levels::name(counts.len(), &options.levels, &evidence);
    summary.levels = names
        .iter()
        .zip(&counts)
        .map(|(level, items)| LevelSummary { name: level.name.clone(), items: *items, named_from: level.from.clone() })
        .collect();
    let levels: Vec<Value> = summary
        .levels
        .iter()
        .map(|level| json!({"id": crate::text::slugify(&level.name), "name": level.name}))
        .collect();
    let named_from: Map<String, Value> =
        summary.levels.iter().map(|level| (level.name.clone(), json!(level.named_from))).collect();
    let mut plan = json!({
        "workplan": 1,
        "id": id,
        "title": title,
        "period": {"start": start.to_string(), "end": end.to_string()},
        "status": "draft",
        "levels": levels,
        "items": items,
        "x-import": {
            "note": "a draft read from the text of a committee paper by `workplan import`: check every item \
                     against the paper; each item's x-import records the lines it was read from and every \
                     judgement made",
            "shape": shape.as_str(),
            "levels": named_from,
        },
    });
    if outline.title.is_some() && named.is_none() {
        plan["x-import"]["title"] = json!("the paper's first line");
    }
    summary.lines_used = used.len();
    let mut unused: Vec<UnusedLine> = read
        .unused
        .iter()
        .chain(&outline.unused)
        .map(|(line, why)| UnusedLine {
            line: *line,
            why: *why,
            text: raw.get(line.saturating_sub(1)).map(|t| t.trim().to_string()).unwrap_or_default(),
        })
        .collect();
    unused.sort_by_key(|u| u.line);
    summary.unused = unused;
    let plan = Plan::from_json_value(plan).unwrap_or_else(|_| empty_plan(&id, &title, start, end));
    Ok(Imported { plan, summary })
}

/// A plan with no items: what the draft falls back to should the built draft not load (a bug;
/// the tests import the seed papers and check the draft loads).
fn empty_plan(id: &str, title: &str, start: Date, end: Date) -> Plan {
    let text = json!({
        "workplan": 1, "id": id, "title": title,
        "period": {"start": start.to_string(), "end": end.to_string()}, "items": []
    });
    Plan::from_json_str(&text.to_string()).unwrap_or_else(|error| unreachable!("an empty plan loads: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn loads_and_validates(imported: &Imported) -> Plan {
        let yaml = imported.plan.to_yaml_string();
        let plan = Plan::from_yaml_str(&yaml).unwrap_or_else(|e| panic!("the draft loads: {e}\n{yaml}"));
        let report = plan.validate();
        let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "no errors: {errors:#?}\n{yaml}");
        let summary = &imported.summary;
        assert_eq!(summary.lines_used + summary.unused.len(), summary.lines_total, "every line accounted for");
        let mut lines: Vec<usize> = summary.unused.iter().map(|u| u.line).collect();
        lines.dedup();
        assert_eq!(lines.len(), summary.unused.len(), "a line is set aside once");
        plan
    }

    const OTHER_SHAPE: &str = "\
Corporate Plan 2024

1. Environment

1 Cleaner streets
Residents see cleaner streets in every ward.
(a) Recruit 40 street wardens by March 2025.
(b) Publish a litter strategy, with:
i. a ward by ward baseline;
ii. quarterly reports.

Page 2

2 Greener parks
Outputs
(a) Plant 2,000 trees during this year.
• Half of them in the east
• Half in the west

2. People

1 Better libraries
(a) Open two hubs.
";

    #[test]
    fn a_paper_of_another_shape_is_read_without_code_changes() {
        let imported = import_paper(OTHER_SHAPE, &ImportOptions::default()).expect("items read");
        let plan = loads_and_validates(&imported);
        assert_eq!(plan.id, "imported-plan");
        assert_eq!(plan.period.start.to_string(), "2024-01-01");
        let environment = &plan.items[0];
        assert_eq!((environment.id.as_str(), environment.title.as_str()), ("environment", "Environment"));
        let streets = &environment.children[0];
        assert_eq!(streets.outcome.as_deref(), Some("Residents see cleaner streets in every ward."));
        assert_eq!(streets.children.len(), 2);
        let wardens = &streets.children[0];
        let measure = wardens.measure.as_ref().expect("a measure");
        assert_eq!((measure.unit.as_str(), measure.target), ("street wardens", 40.0));
        assert_eq!(wardens.due.map(|d| d.to_string()).as_deref(), Some("2025-03-31"));
        assert_eq!(wardens.extensions["x-import"]["measure"], "proposed");
        let points: Vec<_> = streets.children[1].children.iter().map(|c| c.label.clone().unwrap_or_default()).collect();
        assert_eq!(points, ["i", "ii"]);
        let trees = &environment.children[1].children[0];
        assert_eq!(trees.due, Some(plan.period.end));
        assert_eq!(trees.children.len(), 2);
        assert_eq!(trees.children[0].extensions["x-printed-marker"], "•");
        assert_eq!(plan.items[1].children[0].children[0].title, "Open two hubs.");
        assert_eq!(imported.summary.levels.iter().map(|l| l.items).collect::<Vec<_>>(), [2, 3, 4, 4]);
        assert!(imported.summary.unused.iter().any(|u| u.line == 12 && u.why == Unused::PageFurniture));
        assert!(imported.summary.unused.iter().any(|u| u.line == 1 && u.why == Unused::FrontMatter));
    }

    #[test]
    fn a_lost_letter_and_letters_printed_apart_are_inferred_and_marked() {
        let text = "1. Finance\n\n1 Funding\n\nThe outcome.\n\nOutputs\n\na.\n\nd.\n\nFirst.\n\nSecond.\n\nThird.\n\nFourth.\n\n. Fifth.\n";
        let imported = import_paper(text, &ImportOptions::default()).expect("items read");
        let plan = loads_and_validates(&imported);
        let outputs = &plan.items[0].children[0].children;
        let labels: Vec<_> = outputs.iter().map(|o| o.label.clone().unwrap_or_default()).collect();
        assert_eq!(labels, ["a", "b", "c", "d", "e"]);
        let inferred: Vec<_> = outputs.iter().map(|o| o.extensions.contains_key("x-label-inferred")).collect();
        assert_eq!(inferred, [false, true, true, false, true]);
        assert_eq!(imported.summary.labels_inferred, 3);
    }

    #[test]
    fn any_text_gives_a_draft_that_loads_or_says_nothing_was_read() {
        for text in ["", "\n\n\n", "just prose, no numbering at all.", "Title\n\nProse.\n\nHeading\n\nMore prose."] {
            let error = import_paper(text, &ImportOptions::default()).expect_err("nothing to read");
            assert_eq!(error.code(), "paper_nothing_read");
            assert_eq!(error, ImportError::NothingRead { lines: text.lines().count() });
        }
        let texts = [
            "1.\n\n1\n\na.\n\n. \n\ne\n\no",
            "1. A\n1 B\na. c\nii. d\n(a) e\n• f\n. g\nOutputs\nOutputs\nh",
            "Item 3 — Appendix\n5.\n\n“quoted” é ½ 1,0000 people\n99 x",
            "1. Portfolio\n1 Priority\nOutputs\nBy 2019 deliver 10 things by 2031.\n",
            "Ωμέγα\n\nΑλφα\n\n- Βήτα\n\nÉconomie\n\n- Emplois\n",
            "1. Économie locale\n\n1 Ωμέγα\n\nOutputs\n\na. Un.\n",
        ];
        for text in texts {
            let imported = import_paper(text, &ImportOptions::default()).expect("items read");
            loads_and_validates(&imported);
        }
    }
}
