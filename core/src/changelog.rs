//! A [`PlanDiff`] as a changelog a committee can read, in plain text or Markdown.

use serde_json::Value;

use crate::diff::{FieldChange, PlanDiff};

/// A field value, short enough for a changelog line.
fn show(value: &Value) -> String {
    let text = match value {
        Value::Null => return "(none)".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let chars: Vec<char> = text.chars().collect();
    if chars.len() > 90 {
        format!("\"{}...\"", chars[..87].iter().collect::<String>())
    } else if matches!(value, Value::String(_)) {
        format!("\"{text}\"")
    } else {
        text
    }
}

/// Two long texts shown by what differs: the common start and end cut to some context.
fn show_change(old: &Value, new: &Value) -> (String, String) {
    let (Value::String(a), Value::String(b)) = (old, new) else { return (show(old), show(new)) };
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() <= 90 && b.len() <= 90 {
        return (show(old), show(new));
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    const CONTEXT: usize = 24;
    let cut = |text: &[char]| {
        let start = prefix.saturating_sub(CONTEXT);
        let end = (text.len() - suffix + CONTEXT).min(text.len());
        let middle: String = text[start..end].iter().collect();
        let middle: String =
            if middle.chars().count() > 160 { middle.chars().take(157).chain("...".chars()).collect() } else { middle };
        format!("\"{}{middle}{}\"", if start > 0 { "..." } else { "" }, if end < text.len() { "..." } else { "" })
    };
    (cut(&a), cut(&b))
}

fn change_line(change: &FieldChange) -> String {
    let cosmetic = if change.cosmetic { " (typography only)" } else { "" };
    let (old, new) = show_change(&change.old, &change.new);
    format!("{}: {old} -> {new}{cosmetic}", change.field)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

impl PlanDiff {
    /// One line of counts: "1 added, 1 removed, 1 moved, 5 relabelled, 26 changed".
    pub fn headline(&self) -> String {
        format!(
            "{} added, {} removed, {} moved, {} relabelled, {} changed{}",
            self.added.len(),
            self.removed.len(),
            self.moved.len(),
            self.relabelled.len(),
            self.changed.len(),
            if self.plan.is_empty() {
                String::new()
            } else {
                format!("; {} on the plan itself", plural(self.plan.len(), "change"))
            }
        )
    }

    /// The changelog as plain text.
    pub fn to_text(&self) -> String {
        let mut out = format!("{} -> {}: {}\n", self.old, self.new, self.headline());
        let section = |out: &mut String, title: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                out.push_str(&format!("\n{title}\n"));
                for line in lines {
                    out.push_str(&format!("  {line}\n"));
                }
            }
        };
        section(&mut out, "Plan", self.plan.iter().map(change_line).collect());
        let item_line = |sign: char, i: &crate::diff::ItemSummary| {
            let label = i.label.as_deref().map(|l| format!(" ({l})")).unwrap_or_default();
            let under = i.parent.as_deref().map(|p| format!(" under {p}")).unwrap_or_default();
            format!("{sign} {}{label}{under}: {}", i.id, show(&Value::String(i.title.clone())))
        };
        section(&mut out, "Added", self.added.iter().map(|i| item_line('+', i)).collect());
        section(&mut out, "Removed", self.removed.iter().map(|i| item_line('-', i)).collect());
        section(
            &mut out,
            "Possibly renamed",
            self.possible_renames
                .iter()
                .map(|r| format!("{} -> {} (titles {:.0}% alike)", r.removed, r.added, r.similarity * 100.0))
                .collect(),
        );
        let parent = |p: &Option<String>| p.clone().unwrap_or_else(|| "(top level)".to_owned());
        section(
            &mut out,
            "Moved",
            self.moved.iter().map(|m| format!("{}: {} -> {}", m.id, parent(&m.from), parent(&m.to))).collect(),
        );
        let label = |l: &Option<String>| l.clone().unwrap_or_else(|| "(none)".to_owned());
        section(
            &mut out,
            "Relabelled",
            self.relabelled.iter().map(|r| format!("{}: {} -> {}", r.id, label(&r.from), label(&r.to))).collect(),
        );
        let mut changed = Vec::new();
        for item in &self.changed {
            for change in &item.changes {
                changed.push(format!("~ {} {}", item.id, change_line(change)));
            }
        }
        section(&mut out, "Changed", changed);
        out
    }

    /// The changelog as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# Changes from `{}` to `{}`\n\n{}\n", self.old, self.new, self.headline());
        let cell = |v: &Value| show(v).replace('|', "\\|");
        if !self.plan.is_empty() {
            out.push_str("\n## The plan\n\n| field | before | after |\n|---|---|---|\n");
            for c in &self.plan {
                out.push_str(&format!("| {} | {} | {} |\n", c.field, cell(&c.old), cell(&c.new)));
            }
        }
        for (title, list) in [("Added", &self.added), ("Removed", &self.removed)] {
            if !list.is_empty() {
                out.push_str(&format!("\n## {title}\n\n"));
                for i in list {
                    let under = i.parent.as_deref().map(|p| format!(" (under `{p}`)")).unwrap_or_default();
                    out.push_str(&format!("- `{}`{under}: {}\n", i.id, i.title));
                }
            }
        }
        if !self.moved.is_empty() || !self.relabelled.is_empty() {
            out.push_str("\n## Moved and relabelled\n\n");
            for m in &self.moved {
                out.push_str(&format!(
                    "- `{}` moved from `{}` to `{}`\n",
                    m.id,
                    m.from.as_deref().unwrap_or("-"),
                    m.to.as_deref().unwrap_or("-")
                ));
            }
            for r in &self.relabelled {
                out.push_str(&format!(
                    "- `{}` relabelled {} -> {}\n",
                    r.id,
                    r.from.as_deref().unwrap_or("-"),
                    r.to.as_deref().unwrap_or("-")
                ));
            }
        }
        if !self.changed.is_empty() {
            out.push_str("\n## Changed\n\n| item | field | before | after |\n|---|---|---|---|\n");
            for item in &self.changed {
                for c in &item.changes {
                    let field = if c.cosmetic { format!("{} (typography)", c.field) } else { c.field.clone() };
                    let (old, new) = show_change(&c.old, &c.new);
                    out.push_str(&format!(
                        "| `{}` | {field} | {} | {} |\n",
                        item.id,
                        old.replace('|', "\\|"),
                        new.replace('|', "\\|")
                    ));
                }
            }
        }
        out
    }
}
