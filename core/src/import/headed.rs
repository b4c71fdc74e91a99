//! The hierarchy of a paper with no numbering: headings (a line in capitals heads a directorate or
//! the like, a short line in title case an area or a theme), paragraphs that introduce a list
//! ("We will:", "Resourcing London. ... we will work to:"), and bullet points with indented
//! bullets below them (docs/import.md, "Shapes read").

use super::blocks::join;
use super::lines::{Line, Unused};
use super::numbering::{self, Marker};
use super::outline::{Node, Outline};

/// Characters a bullet point starts with in text that kept its dashes (the characters PDF text
/// shows for bullets are read by `numbering`).
const DASHES: [&str; 4] = ["-", "–", "*", "·"];

/// The most words a heading has, and the most a list's title sentence has ("Resourcing London.").
const HEADING_WORDS: usize = 12;
const TITLE_SENTENCE_WORDS: usize = 6;

/// A paragraph: a bullet point (its lines joined) or text.
#[derive(Debug, Clone)]
struct Paragraph {
    /// The bullet character and the indentation of its line, for a bullet point.
    bullet: Option<(String, usize)>,
    text: String,
    lines: Vec<usize>,
}

/// How far up the hierarchy a node stands: a heading in capitals above a heading in title case
/// above a titled list above a bullet above an indented bullet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    CapitalHeading,
    Heading,
    List,
    Bullet,
    SubBullet,
}

/// The bullet a trimmed line starts with and the text after it.
fn bullet(text: &str) -> Option<(String, &str)> {
    for mark in DASHES {
        if let Some(rest) = text.strip_prefix(mark) {
            if rest.starts_with(char::is_whitespace) && !rest.trim().is_empty() {
                return Some((mark.to_string(), rest.trim()));
            }
        }
    }
    match numbering::read(text) {
        Some((Marker::Bullet(mark), rest)) if !rest.is_empty() => Some((mark, rest)),
        _ => None,
    }
}

/// Whether a line reads as a heading: short, not ending a sentence or a clause, starting with a
/// capital.
fn heading_like(text: &str) -> bool {
    text.split_whitespace().count() <= HEADING_WORDS
        && text.chars().count() <= 100
        && !text.ends_with(['.', ',', ':', ';', '?', '!'])
        && text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a heading is printed in capitals (three words or more: "SERVICES DIRECTORATE 2013/14
/// ..."); a single word in capitals ("PATAS") is a name, not a higher heading.
fn in_capitals(text: &str) -> bool {
    text.split_whitespace().count() >= 3
        && text.chars().any(char::is_alphabetic)
        && text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// The paragraphs of the kept lines: a bullet starts one, a blank line ends one, a wrapped line
/// continues the paragraph before it.
fn paragraphs(kept: &[Option<Line>]) -> Vec<Paragraph> {
    let width = kept.iter().flatten().map(|l| l.text.chars().count()).max().unwrap_or(0);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut gap = true;
    for entry in kept {
        let Some(line) = entry else {
            gap = true;
            continue;
        };
        if let Some((mark, rest)) = bullet(&line.text) {
            out.push(Paragraph { bullet: Some((mark, line.indent)), text: rest.to_string(), lines: vec![line.number] });
        } else {
            let continues = !gap
                && out.last().is_some_and(|last| match &last.bullet {
                    // A bullet's wrapped line: the point is not finished, or the line runs on in
                    // lower case.
                    Some(_) => {
                        !last.text.ends_with(['.', ';', ':', '!', '?'])
                            || line.text.chars().next().is_some_and(char::is_lowercase)
                    }
                    // A heading printed with no blank line after it does not take the next line.
                    None => {
                        !(last.lines.len() == 1
                            && heading_like(&last.text)
                            && last.text.chars().count() * 3 < width * 2)
                    }
                });
            match out.last_mut() {
                Some(last) if continues => {
                    join(&mut last.text, &line.text);
                    last.lines.push(line.number);
                }
                _ => out.push(Paragraph { bullet: None, text: line.text.clone(), lines: vec![line.number] }),
            }
        }
        gap = false;
    }
    out
}

/// Words a sentence of prose starts with and a title does not ("We need homes.").
const PROSE_STARTS: [&str; 14] =
    ["We", "It", "This", "The", "Our", "They", "These", "There", "A", "An", "In", "As", "All", "Most"];

/// A list's title sentence: "Resourcing London. In a period ... to:" gives "Resourcing London"
/// and the rest.
fn title_sentence(text: &str) -> Option<(&str, &str)> {
    let (first, rest) = text.split_once(". ")?;
    let words = first.split_whitespace().count();
    let prose = first.split_whitespace().next().is_some_and(|w| PROSE_STARTS.contains(&w));
    (words <= TITLE_SENTENCE_WORDS && heading_like(first) && !prose && !rest.trim().is_empty())
        .then(|| (first, rest.trim()))
}

struct Reader {
    out: Outline,
    /// The open nodes, outermost first.
    open: Vec<(Rank, Node)>,
}

impl Reader {
    /// Closes the open nodes of rank `rank` and below, each handed to the node above it; a
    /// heading with no list under it is prose, its lines not used.
    fn close_to(&mut self, rank: Rank) {
        while self.open.last().is_some_and(|(r, _)| *r >= rank) {
            let Some((r, node)) = self.open.pop() else { break };
            if r <= Rank::Heading && node.children.is_empty() {
                self.out.unused.extend(node.lines.iter().map(|l| (*l, Unused::Prose)));
                continue;
            }
            match self.open.last_mut() {
                Some((_, parent)) => parent.children.push(node),
                None => self.out.items.push(node),
            }
        }
    }

    /// Whether the innermost open node is the heading read from `paragraph`.
    fn open_heading_is(&self, paragraph: &Paragraph) -> bool {
        self.open.last().is_some_and(|(rank, node)| *rank <= Rank::Heading && node.lines == paragraph.lines)
    }

    fn open(&mut self, rank: Rank, node: Node) {
        self.close_to(rank);
        self.open.push((rank, node));
    }

    fn heading(&mut self, paragraph: &Paragraph) {
        let rank = if in_capitals(&paragraph.text) { Rank::CapitalHeading } else { Rank::Heading };
        let node = Node {
            title: paragraph.text.clone(),
            lines: paragraph.lines.clone(),
            notes: vec![format!(
                "a heading{}: a short line with no full stop before a list (sure: medium)",
                if rank == Rank::CapitalHeading { " in capitals, above the headings in title case" } else { "" }
            )],
            ..Node::default()
        };
        self.open(rank, node);
    }

    /// A paragraph that introduces a list: printed right after a heading, the heading's outcome;
    /// else the list's title sentence and the rest as its outcome; else the outcome of the heading
    /// above, should it have none; else the list's title.
    fn lead_in(&mut self, paragraph: &Paragraph, after_heading: bool) {
        let titled = if after_heading { None } else { title_sentence(&paragraph.text) };
        if let Some((title, rest)) = titled {
            let node = Node {
                title: title.to_string(),
                outcome: Some(rest.to_string()),
                lines: paragraph.lines.clone(),
                notes: vec![
                    "a list's title: the short first sentence of the paragraph introducing it; the rest is its \
                     outcome (sure: medium)"
                        .into(),
                ],
                ..Node::default()
            };
            return self.open(Rank::List, node);
        }
        self.close_to(Rank::List);
        if let Some((_, heading)) = self.open.last_mut().filter(|(_, h)| h.children.is_empty() && h.outcome.is_none()) {
            heading.outcome = Some(paragraph.text.clone());
            heading.lines.extend(&paragraph.lines);
            heading.notes.push("outcome: the paragraph introducing the heading's list (sure: medium)".into());
            return;
        }
        let node = Node {
            title: paragraph.text.clone(),
            lines: paragraph.lines.clone(),
            notes: vec![
                "a list introduced by a paragraph with no heading of its own: the paragraph is its title (sure: low)"
                    .into(),
            ],
            ..Node::default()
        };
        self.open(Rank::List, node);
    }

    fn bullet(&mut self, paragraph: &Paragraph, mark: &str, indent: usize) {
        let under_bullet = self.open.iter().rev().find(|(r, _)| *r == Rank::Bullet).map(|(_, n)| n);
        let indented = under_bullet.is_some_and(|b| b.indent.is_some_and(|i| indent > i));
        let rank = if indented { Rank::SubBullet } else { Rank::Bullet };
        let mut notes = vec![format!(
            "a bullet point{}; the text shows it as \"{mark}\" (sure: high)",
            if indented { " indented under the one above" } else { "" }
        )];
        if paragraph.lines.len() > 1 {
            notes.push("lines joined: the point runs on over them (sure: high)".into());
        }
        let node = Node {
            title: paragraph.text.clone(),
            marker: Some(mark.to_string()),
            lines: paragraph.lines.clone(),
            notes,
            indent: Some(indent),
            ..Node::default()
        };
        self.open(rank, node);
    }
}

/// Reads the kept lines of a paper with headed lists into the outline. The first line, when it
/// reads as a heading, is the paper's title (read as structure, not an item).
pub fn read(kept: &[Option<Line>]) -> Outline {
    let paragraphs = paragraphs(kept);
    let mut reader = Reader { out: Outline::default(), open: Vec::new() };
    let mut rest = &paragraphs[..];
    if let Some((first, after)) = paragraphs.split_first() {
        if first.bullet.is_none() && first.lines.len() == 1 && heading_like(&first.text) {
            reader.out.title = Some(first.text.clone());
            reader.out.structure.extend(&first.lines);
            rest = after;
        }
    }
    for (index, paragraph) in rest.iter().enumerate() {
        let next = rest.get(index + 1);
        let list_next = next.is_some_and(|n| n.bullet.is_some());
        match &paragraph.bullet {
            Some((mark, indent)) => reader.bullet(paragraph, mark, *indent),
            None if paragraph.lines.len() == 1 && heading_like(&paragraph.text) && next.is_some() => {
                reader.heading(paragraph)
            }
            None if list_next => {
                let after_heading =
                    index > 0 && rest[index - 1].bullet.is_none() && reader.open_heading_is(&rest[index - 1]);
                reader.lead_in(paragraph, after_heading)
            }
            None => reader.out.unused.extend(paragraph.lines.iter().map(|l| (*l, Unused::Prose))),
        }
    }
    reader.close_to(Rank::CapitalHeading);
    reader.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<Option<Line>> {
        text.lines()
            .enumerate()
            .map(|(i, t)| {
                let indent = t.chars().take_while(|c| c.is_whitespace()).count();
                (!t.trim().is_empty()).then(|| Line { number: i + 1, text: t.trim().to_string(), indent })
            })
            .collect()
    }

    #[test]
    fn headings_lists_and_indented_bullets_make_the_tree() {
        let text = "Our Pledges\n\nIntro prose.\n\nHousing\n\nHomes needed. We will:\n\n- Build.\n- Share services, such as\n  wider ones:\n - Platform.\n - Apprentices.\n\nCONTEXT OF THE PLAN\n\nTransport\n\nSome prose.\n\nThemes\n\nOur themes are as follows:\n\nResourcing London. We will work to:\n\n- Fund.\n";
        let outline = read(&kept(text));
        assert_eq!(outline.title.as_deref(), Some("Our Pledges"));
        let titles: Vec<_> = outline.items.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(titles, ["Housing", "CONTEXT OF THE PLAN"]);
        let housing = &outline.items[0];
        // Printed right after its heading, the paragraph is the heading's outcome, though its first
        // sentence is short enough to be a list's title.
        assert_eq!(housing.outcome.as_deref(), Some("Homes needed. We will:"));
        assert_eq!(housing.children.len(), 2);
        assert_eq!(housing.children[1].title, "Share services, such as wider ones:");
        let subs: Vec<_> = housing.children[1].children.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(subs, ["Platform.", "Apprentices."]);
        let context = &outline.items[1];
        assert_eq!(context.children.len(), 1, "Transport has prose only and is dropped");
        let theme = &context.children[0].children[0];
        assert_eq!((theme.title.as_str(), theme.outcome.as_deref()), ("Resourcing London", Some("We will work to:")));
        let prose: Vec<_> = outline.unused.iter().filter(|(_, why)| *why == Unused::Prose).map(|(l, _)| *l).collect();
        assert_eq!(prose, [3, 19, 17, 23]);
    }
}
