//! Committee papers: a plan with its rollup in the shape of the seed documents (portfolio;
//! numbered priority with its outcome; lettered outputs with status and progress), as Markdown
//! or as one self-contained, printable HTML page (no network), with the adoption matrix for
//! plans delivered by members.

use std::fmt::Write;

use crate::approval::ApprovalState;
use crate::locale::Locale;
use crate::model::Missing;
use crate::model::{Plan, PlanStatus};
use crate::rollup::{CellState, EffectiveSettings, Rollup, Row, Status, StatusCounts, StatusSource, Trend};

mod lines;
mod style;

use lines::Lines;

fn status_words(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not started",
        Status::OnTrack => "on track",
        Status::AtRisk => "at risk",
        Status::OffTrack => "off track",
        Status::Done => "done",
        Status::Unknown => "no data",
    }
}

fn trend_words(trend: Option<Trend>) -> &'static str {
    match trend {
        Some(Trend::Improving) => "improving",
        Some(Trend::Worsening) => "worsening",
        Some(Trend::Steady) => "steady",
        None => "",
    }
}

/// "approved by Leaders' Committee on 2020-03-24", or the status.
fn standing(plan: &Plan, state: &ApprovalState, locale: &Locale) -> String {
    match (&state.approved, plan.status()) {
        (Some(step), PlanStatus::Approved) => format!("approved by {} on {}", step.body, locale.date(step.date)),
        (_, PlanStatus::Draft) => "draft".to_owned(),
        (_, PlanStatus::Consultation) => "in consultation".to_owned(),
        (_, PlanStatus::Approved) => "approved".to_owned(),
        (_, PlanStatus::Archived) => "archived".to_owned(),
    }
}

fn summary_line(counts: &StatusCounts) -> String {
    format!(
        "{} done, {} on track, {} at risk, {} off track, {} not started, {} without data",
        counts.done, counts.on_track, counts.at_risk, counts.off_track, counts.not_started, counts.unknown
    )
}

/// The heading text of an item: label and title.
fn heading(row: &Row) -> String {
    match &row.label {
        Some(label) => format!("{label} {}", row.title),
        None => row.title.to_string(),
    }
}

fn shown_status(row: &Row) -> String {
    if !row.included {
        format!("{:?}", row.state).to_lowercase()
    } else if row.status_source == StatusSource::Reported {
        format!("{} (as reported)", status_words(row.status))
    } else {
        status_words(row.status).to_owned()
    }
}

/// How much of a row's data is in, with `low coverage` when it is under the threshold.
fn data_in(row: &Row, locale: &Locale) -> String {
    let words = locale.coverage_words(row);
    if row.low_coverage {
        format!("{words}, low coverage")
    } else {
        words
    }
}

/// What the paper's marks mean: reported and derived statuses, the data in, low coverage, and
/// how missing returns count (docs/rollup.md).
fn key(settings: &EffectiveSettings, locale: &Locale) -> String {
    let missing = match settings.missing {
        Missing::Zero => "A missing return counts as 0% (setting `missing: zero`)",
        Missing::Exclude => "An item without a return is left out of its parent's figure (setting `missing: exclude`)",
    };
    format!(
        "A status marked \u{201c}as reported\u{201d} is the officer's; the others are derived from progress against \
         the schedule. \u{201c}Data in\u{201d} says how many of the returns behind a number are in; \u{201c}low \
         coverage\u{201d} marks a number with less than {} of its data, too little to read as a judgement. {missing}.",
        locale.percent(Some(settings.coverage_threshold))
    )
}

impl Rollup {
    /// The plan and its rollup as a committee paper in Markdown, under the plan's settings (use
    /// [`to_markdown_with`](Self::to_markdown_with) for the settings of a rollup made with others).
    ///
    /// ```
    /// use workplan::{rollup, RollupOptions, Updates};
    /// # let plan = workplan::Plan::from_yaml_str("workplan: 1\nid: p\ntitle: P\nperiod: {start: 2020-04-01, end: 2021-03-31}\nitems: [{id: a, title: A, children: [{id: a.1, title: A1}, {id: a.2, title: A2}]}]\n")?;
    /// let paper = rollup(&plan, &Updates::new(), &RollupOptions::default()).to_markdown(&plan);
    /// assert!(paper.starts_with("# P"), "{paper}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_markdown(&self, plan: &Plan) -> String {
        self.to_markdown_with(plan, &EffectiveSettings::resolve(plan.settings.as_ref(), None), &Locale::default())
    }

    /// The committee paper in Markdown; `settings` are those the rollup was made with (its key
    /// says how missing returns count and where low coverage starts); dates and numbers are
    /// written for `locale`.
    pub fn to_markdown_with(&self, plan: &Plan, settings: &EffectiveSettings, locale: &Locale) -> String {
        let mut out = String::new();
        let state = plan.approval_state();
        let _ = writeln!(out, "# {}\n", plan.title);
        let organisation = plan.organisation.as_deref().map(|o| format!("{o} · ")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{organisation}{} to {} · {} · progress at {}\n",
            locale.date(plan.period.start),
            locale.date(plan.period.end),
            standing(plan, &state, locale),
            locale.date(self.as_of)
        );
        let _ = writeln!(out, "**Summary:** {}.\n", summary_line(&self.status_totals()));
        let _ = writeln!(out, "*Key:* {}\n", key(settings, locale));
        let parents: std::collections::HashSet<&str> = self.rows.iter().filter_map(|r| r.parent.as_deref()).collect();
        let header = "| | | progress | expected | status | data in | last return |\n|---|---|---:|---:|---|---|---|\n";
        // The parent whose leaves the open table lists, and the last heading written.
        let mut table: Option<Option<&str>> = None;
        let mut last_heading: Option<&str> = None;
        for row in &self.rows {
            if parents.contains(row.id.as_str()) {
                if table.take().is_some() {
                    out.push('\n');
                }
                let hashes = "#".repeat((row.depth + 2).min(6));
                let trend = match trend_words(row.trend) {
                    "" => String::new(),
                    words => format!(", {words}"),
                };
                let _ = writeln!(
                    out,
                    "{hashes} {}\n\n{} (expected {}) · {}{trend} · data in: {}\n",
                    heading(row),
                    locale.percent(row.progress),
                    locale.percent(row.expected),
                    shown_status(row),
                    data_in(row, locale)
                );
                if let Some(outcome) = plan.item(&row.id).and_then(|i| i.outcome.as_deref()) {
                    let _ = writeln!(out, "*Outcome:* {outcome}\n");
                }
                last_heading = Some(row.id.as_str());
                continue;
            }
            if table != Some(row.parent.as_deref()) {
                if table.is_some() {
                    out.push('\n');
                }
                if row.parent.as_deref() != last_heading {
                    if let Some(parent) = row.parent.as_deref().and_then(|p| self.row(p)) {
                        let _ = writeln!(out, "*{} (continued)*\n", heading(parent));
                    }
                }
                out.push_str(header);
                table = Some(row.parent.as_deref());
            }
            let stale = if row.stale == Some(true) { " (stale)" } else { "" };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {}{stale} |",
                row.label.as_deref().unwrap_or(""),
                row.title.replace('|', "\\|").replace('\n', " "),
                locale.percent(row.progress),
                locale.percent(row.expected),
                shown_status(row),
                data_in(row, locale),
                row.last_update.map(|d| locale.date(d)).unwrap_or_default()
            );
        }
        if table.is_some() {
            out.push('\n');
        }
        if !self.excluded.is_empty() {
            let _ = writeln!(out, "**Left out of the figures:**\n");
            for entry in &self.excluded {
                let why = match (&entry.because_of, entry.reason) {
                    (Some(by), reason) if by != &entry.item => format!("{reason:?} (under {by})").to_lowercase(),
                    (_, reason) => format!("{reason:?}").to_lowercase().replace("nodata", "no data"),
                };
                let _ = writeln!(out, "- {}: {why}", entry.item);
            }
            out.push('\n');
        }
        out
    }

    /// The plan and its rollup as one self-contained, printable HTML page, under the plan's
    /// settings (see [`to_html_with`](Self::to_html_with)).
    pub fn to_html(&self, plan: &Plan) -> String {
        self.to_html_with(plan, &EffectiveSettings::resolve(plan.settings.as_ref(), None), &Locale::default())
    }

    /// The committee paper as one self-contained, printable HTML page (each top-level item starts
    /// a new printed page); `settings` are those the rollup was made with; dates and numbers are
    /// written for `locale`, whose tag is the page's `lang`. The page is written a block to a
    /// line, indented by nesting, so a change to it reviews as a diff of lines.
    pub fn to_html_with(&self, plan: &Plan, settings: &EffectiveSettings, locale: &Locale) -> String {
        let state = plan.approval_state();
        let totals = self.status_totals();
        let title = escape(&plan.title);
        let mut page = Lines::new();
        page.line("<!doctype html>");
        page.line(&format!("<html lang=\"{}\">", escape(locale.tag())));
        page.open("<head>");
        page.line("<meta charset=\"utf-8\">");
        page.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.line(&format!("<title>{title}</title>"));
        page.open("<style>");
        for rule in style::RULES {
            page.line(rule);
        }
        page.open_with("@media print{", "}".to_owned());
        for rule in style::PRINT {
            page.line(rule);
        }
        page.close(); // @media print
        page.close(); // style
        page.close(); // head
        page.open("<body>");
        page.open("<header>");
        page.line(&format!("<h1>{title}</h1>"));
        page.line(&format!(
            "<p class=\"meta\">{org}{start} to {end} · {standing} · progress at <strong>{as_of}</strong></p>",
            org = plan.organisation.as_deref().map(|o| format!("{} · ", escape(o))).unwrap_or_default(),
            start = locale.date(plan.period.start),
            end = locale.date(plan.period.end),
            standing = escape(&standing(plan, &state, locale)),
            as_of = locale.date(self.as_of),
        ));
        page.open("<ul class=\"summary\">");
        for (status, count) in [
            (Status::Done, totals.done),
            (Status::OnTrack, totals.on_track),
            (Status::AtRisk, totals.at_risk),
            (Status::OffTrack, totals.off_track),
            (Status::NotStarted, totals.not_started),
            (Status::Unknown, totals.unknown),
        ] {
            page.line(&format!("<li class=\"chip {}\">{count} {}</li>", status.as_str(), status_words(status)));
        }
        page.close(); // ul
        page.line(&format!("<p class=\"key\">{}</p>", escape(&key(settings, locale))));
        page.close(); // header
        page.open("<main>");
        page.open("<table class=\"plan\">");
        page.open("<thead>");
        page.open("<tr>");
        for head in [
            "<th>item</th>",
            "<th>progress</th>",
            "<th class=\"num\">expected</th>",
            "<th>status</th>",
            "<th>trend</th>",
            "<th>data in</th>",
            "<th>last return</th>",
        ] {
            page.line(head);
        }
        page.close(); // tr
        page.close(); // thead
        for (index, row) in self.rows.iter().enumerate() {
            if row.depth == 0 {
                // One body per top-level item: in print, each starts a page.
                if index > 0 {
                    page.close(); // tbody
                }
                page.open("<tbody class=\"top\">");
            }
            let has_children = self.rows.iter().any(|r| r.parent.as_deref() == Some(&row.id));
            let class = if has_children {
                format!("group depth{}", row.depth.min(3))
            } else {
                format!("leaf depth{}", row.depth.min(3))
            };
            let outcome = if has_children {
                plan.item(&row.id)
                    .and_then(|i| i.outcome.as_deref())
                    .map(|o| format!("<div class=\"outcome\">{}</div>", escape(o)))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            let low = if row.low_coverage { " low" } else { "" };
            let bar = match row.progress {
                Some(p) => format!(
                    "<div class=\"bar\" role=\"img\" aria-label=\"{} done, {} expected\"><div class=\"fill {}{low}\" style=\"width:{:.1}%\"></div>{}</div><span class=\"num\">{}</span>",
                    locale.percent(Some(p)),
                    locale.percent(row.expected),
                    row.status.as_str(),
                    p * 100.0,
                    row.expected.map(|e| format!("<div class=\"expected\" style=\"left:{:.1}%\"></div>", e * 100.0)).unwrap_or_default(),
                    locale.percent(Some(p))
                ),
                None => "<span class=\"none\">no data</span>".to_owned(),
            };
            let stale = if row.stale == Some(true) { " <span class=\"stale\">stale</span>" } else { "" };
            let source = if row.included && row.status_source == StatusSource::Derived { " derived" } else { "" };
            let coverage = if row.low_coverage {
                format!("{} <strong class=\"low\">low coverage</strong>", escape(&locale.coverage_words(row)))
            } else {
                escape(&locale.coverage_words(row))
            };
            page.open(&format!("<tr class=\"{class}\">"));
            page.line(&format!(
                "<td><span class=\"label\">{}</span> {}{outcome}</td>",
                escape(row.label.as_deref().unwrap_or("")),
                escape(&row.title)
            ));
            page.line(&format!("<td>{bar}</td>"));
            page.line(&format!("<td class=\"num\">{}</td>", locale.percent(row.expected)));
            page.line(&format!(
                "<td><span class=\"chip {}{source}\">{}</span></td>",
                if row.included { row.status.as_str() } else { "excluded" },
                escape(&shown_status(row))
            ));
            page.line(&format!("<td>{}</td>", trend_words(row.trend)));
            page.line(&format!("<td>{coverage}</td>"));
            page.line(&format!("<td>{}{stale}</td>", row.last_update.map(|d| locale.date(d)).unwrap_or_default()));
            page.close(); // tr
        }
        if !self.rows.is_empty() {
            page.close(); // tbody
        }
        page.close(); // table
        if !self.adoption.is_empty() {
            self.matrix_html(plan, locale, &mut page);
        }
        if !self.excluded.is_empty() {
            page.line("<h2>Left out of the figures</h2>");
            page.open("<ul>");
            for entry in &self.excluded {
                page.line(&format!("<li>{}: {:?}</li>", escape(&entry.item), entry.reason));
            }
            page.close(); // ul
        }
        page.close(); // main
        page.close(); // body
        page.line("</html>");
        page.finish()
    }

    /// The adoption matrix: members down, member items across; the cell shows progress, its
    /// colour the state (with a letter, so colour is never the only signal).
    fn matrix_html(&self, plan: &Plan, locale: &Locale, page: &mut Lines) {
        let mut items: Vec<&str> = Vec::new();
        for cell in &self.adoption {
            if !items.contains(&cell.item.as_str()) {
                items.push(&cell.item);
            }
        }
        page.line("<h2>Adoption and returns by member</h2>");
        page.line(
            "<p class=\"meta\">R reported (with the member's progress), N no return yet, A not adopted, \
             &ndash; not in scope</p>",
        );
        page.open("<div class=\"matrix-wrap\">");
        page.open("<table class=\"matrix\">");
        page.open("<thead>");
        page.open("<tr>");
        page.line("<th>member</th>");
        for item in &items {
            // The item's number (or label) and the start of its title; the whole title on hover.
            let (short, full) = match self.row(item) {
                Some(row) => {
                    let title: String = row.title.chars().take(40).collect();
                    let cut = if title.len() < row.title.len() { "\u{2026}" } else { "" };
                    let number =
                        row.number.as_deref().or(row.label.as_deref()).map(|n| format!("{n} ")).unwrap_or_default();
                    (format!("{number}{title}{cut}"), row.title.to_string())
                }
                None => ((*item).to_owned(), (*item).to_owned()),
            };
            page.line(&format!("<th title=\"{}\"><span>{}</span></th>", escape(&full), escape(&short)));
        }
        page.close(); // tr
        page.close(); // thead
        page.open("<tbody>");
        for member in &plan.members {
            page.open("<tr>");
            page.line(&format!("<th>{}</th>", escape(&member.name)));
            for item in &items {
                let cell = self.adoption.iter().find(|c| c.item == *item && c.member == member.id);
                let (class, text) = match cell.map(|c| (c.state, c.progress)) {
                    Some((CellState::Reported, p)) => ("reported", format!("R {}", locale.percent(p))),
                    Some((CellState::NoReport, _)) => ("no_report", "N".to_owned()),
                    Some((CellState::NotAdopted, _)) => ("not_adopted", "A".to_owned()),
                    _ => ("out_of_scope", "&ndash;".to_owned()),
                };
                page.line(&format!("<td class=\"{class}\">{text}</td>"));
            }
            page.close(); // tr
        }
        page.close(); // tbody
        page.close(); // table
        page.close(); // div
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
