//! The lines of a paper's text: blank lines, the front matter before the outline, page furniture
//! (running headers and footers, page numbers) and stray markers set aside with a reason; every
//! other line kept with its number, so the summary can account for every line (docs/import.md).

/// Why a line of the text is not used in the draft (as data: `blank`, `front_matter`,
/// `page_furniture`, `stray_marker`, `unplaced`, `prose`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unused {
    /// An empty line (or spaces only).
    Blank,
    /// Before the outline: the covering report, its summary and recommendations.
    FrontMatter,
    /// A page number or a running header or footer repeated on many pages.
    PageFurniture,
    /// A bullet or label character with no text after it and no paragraph to give it to.
    StrayMarker,
    /// Text between a portfolio heading and its first priority that the outline has no place for.
    Unplaced,
    /// Prose of a paper read as headed lists: a paragraph that introduces no list, or a heading
    /// with no list under it (an introduction, a context section).
    Prose,
}

impl Unused {
    /// The reason in words, for the summary.
    pub fn reason(self) -> &'static str {
        match self {
            Unused::Blank => "blank",
            Unused::FrontMatter => "front matter (before the outline)",
            Unused::PageFurniture => "page number, header or footer",
            Unused::StrayMarker => "stray marker with no text",
            Unused::Unplaced => "text the outline has no place for",
            Unused::Prose => "prose with no list under it",
        }
    }
}

/// One line of the text: its 1-based number and its text without surrounding spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the paper's text.
    pub number: usize,
    /// The text, trimmed, runs of white space made one space.
    pub text: String,
    /// The white-space characters before the text (an indented bullet is a sub-point).
    pub indent: usize,
}

/// The text split into lines: those the outline reads and those set aside.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    /// Lines the outline reads, in order; `None` marks where blank lines (or set-aside lines) were.
    pub kept: Vec<Option<Line>>,
    /// Lines set aside, with why.
    pub unused: Vec<(usize, Unused)>,
}

/// Whether a trimmed line is a page number: `12`, `Page 12`, `12 of 30`, `- 12 -`.
fn is_page_number(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let t = t.strip_prefix("Page ").or_else(|| t.strip_prefix("page ")).unwrap_or(t);
    let mut parts = t.split(" of ");
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let numeric = |s: &str| !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit());
    if rest.len() == 1 {
        return numeric(first.trim()) && numeric(rest[0].trim());
    }
    // A bare number is a page number only when it says "Page"; bare numbers are headings' numbers.
    rest.is_empty() && text.trim().len() != t.len() && numeric(first)
}

/// A file name or running footer naming the paper's item: "Item 5  - 200303 Business Plan 2020-21
/// - final", "Item 5 -Appendix A - ...".
fn is_trailer(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("Item ") else { return false };
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && rest[digits..].trim_start().starts_with(['-', '–', '—'])
}

/// Where the outline starts: after the last appendix heading (`Item 9 — Appendix One`), else at
/// the first line of a numbered top-level heading (`1. Finance`), else at the first line.
fn outline_start(lines: &[&str]) -> usize {
    let appendix = lines.iter().rposition(|line| {
        let t = line.trim();
        t.starts_with("Item ") && t.contains("Appendix") && t.len() < 60
    });
    if let Some(index) = appendix {
        return index + 1;
    }
    lines
        .iter()
        .position(|line| {
            let t = line.trim();
            let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
            !digits.is_empty() && digits.len() <= 2 && t[digits.len()..].starts_with(". ")
        })
        .unwrap_or(0)
}

/// Running headers and footers: short non-blank lines of the outline printed identically on
/// three or more pages (a page break is two or more blank lines in a row).
fn furniture(lines: &[&str], start: usize) -> std::collections::HashSet<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut blanks = 0;
    for line in &lines[start..] {
        let t = line.trim();
        if t.is_empty() {
            blanks += 1;
            continue;
        }
        if blanks >= 2 && t.len() <= 60 && super::numbering::read(t).is_none() {
            *seen.entry(t.to_string()).or_default() += 1;
        }
        blanks = 0;
    }
    seen.into_iter().filter(|(_, count)| *count >= 3).map(|(text, _)| text).collect()
}

/// Splits the text into lines and sets aside the front matter, page furniture and blanks.
pub fn read(text: &str) -> Lines {
    let raw: Vec<&str> = text.lines().collect();
    let start = outline_start(&raw);
    let furniture = furniture(&raw, start);
    let mut out = Lines::default();
    for (index, line) in raw.iter().enumerate() {
        let number = index + 1;
        let t = line.trim();
        if index < start {
            out.unused.push((number, if t.is_empty() { Unused::Blank } else { Unused::FrontMatter }));
            continue;
        }
        if t.is_empty() {
            out.unused.push((number, Unused::Blank));
            out.kept.push(None);
        } else if is_page_number(t) || furniture.contains(t) || is_trailer(t) {
            out.unused.push((number, Unused::PageFurniture));
            out.kept.push(None);
        } else {
            // Runs of spaces and tabs inside the line are one space.
            let text = super::joined(t);
            let indent = line.chars().take_while(|c| c.is_whitespace()).count();
            out.kept.push(Some(Line { number, text, indent }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_told_from_heading_numbers() {
        assert!(is_page_number("Page 3"));
        assert!(is_page_number("3 of 12"));
        assert!(is_page_number("- 3 -"));
        assert!(!is_page_number("3"));
        assert!(!is_page_number("5."));
        assert!(is_trailer("Item 5  - 200303 Business Plan 2020-21  - final"));
        assert!(is_trailer("Item 5  -Appendix A - Business Plan Portfolio Holder Priorities final"));
        assert!(!is_trailer("Item no: 9"));
    }

    #[test]
    fn every_line_is_kept_or_set_aside() {
        let text = "Cover\n\nItem 9 — Appendix One\n1. Finance\n\nPage 2\n1 Funding\n";
        let lines = read(text);
        let kept = lines.kept.iter().flatten().count();
        assert_eq!(kept + lines.unused.len(), text.lines().count());
        assert_eq!(lines.unused[0], (1, Unused::FrontMatter));
        assert!(lines.unused.contains(&(6, Unused::PageFurniture)));
    }
}
