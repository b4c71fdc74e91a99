//! Paragraphs of the outline: lines joined across wraps, page breaks and end-of-line hyphens, each
//! starting at a label or after a blank line (docs/import.md, "Lines and paragraphs").

use super::lines::Line;
use super::numbering::{self, Marker};

/// One paragraph of the outline, with the marker it starts with.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The marker the first line starts with, if any.
    pub marker: Option<Marker>,
    /// The text after the marker, its lines joined.
    pub text: String,
    /// The numbers of the lines it was read from.
    pub lines: Vec<usize>,
    /// Whether a blank line (or a page break) comes before it.
    pub after_gap: bool,
    /// Judgements made while joining (a page break bridged).
    pub notes: Vec<String>,
    /// Where a line ending a sentence is followed by a line starting another (byte offset in
    /// `text`, index in `lines`): the outline may split unlabelled outputs there.
    pub breaks: Vec<(usize, usize)>,
}

/// Words a sentence does not end on: a paragraph ending on one continues after the page break.
const OPEN_WORDS: [&str; 22] = [
    "the", "a", "an", "of", "to", "and", "or", "for", "in", "on", "with", "by", "at", "from", "both", "their", "its",
    "our", "as", "that", "which", "into",
];

/// Capitalised words that continue the sentence before rather than start a new output.
const CONTINUING: [&str; 8] = ["We", "This", "It", "The", "These", "They", "Including", "There"];

/// Appends a line to a paragraph's text: an end-of-line hyphen joins without a space (and stays:
/// "on-going", "pan-London"), otherwise one space.
pub fn join(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let hyphenated = text.ends_with('-') && text.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic());
    if hyphenated && line.chars().next().is_some_and(|c| c.is_alphabetic()) {
        text.push_str(line);
    } else {
        text.push(' ');
        text.push_str(line);
    }
}

/// Whether a paragraph that ends with `text` is cut off (so the next, after a gap, continues it):
/// the next starts in lower case or with a parenthesis, or this one ends on a hyphen, a comma or a
/// word a sentence does not end on, or it is a labelled point whose sentence is not finished.
fn cut_off(marker: Option<&Marker>, text: &str, next: &str) -> bool {
    if text.is_empty() {
        return false;
    }
    if next.chars().next().is_some_and(|c| c.is_lowercase() || c == '(') {
        return true;
    }
    let labelled =
        matches!(marker, Some(Marker::Letter(_) | Marker::Roman(_) | Marker::LostLetter | Marker::Bullet(_)));
    if labelled && !text.ends_with(['.', ':', ';', '?', '!']) {
        return true;
    }
    if text.ends_with('-') || text.ends_with(',') {
        return true;
    }
    let last = text.rsplit(' ').next().unwrap_or("");
    OPEN_WORDS.contains(&last)
}

/// Whether a plain line starts a new sentence that is a new output: the line before ends a
/// sentence and this one starts with a capitalised word that does not continue it.
fn new_sentence(before: &str, line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    before.ends_with('.')
        && first.chars().next().is_some_and(|c| c.is_uppercase())
        && first.chars().all(|c| c.is_alphabetic())
        && !CONTINUING.contains(&first)
}

/// Whether a numbered heading's title ends at the line before: the line before is short (under
/// two thirds of the widest line: the title ended there) and not cut off, and the next starts with
/// a capital (the outcome statement printed with no blank line between).
fn heading_ends(block: &Block, before: &str, line: &str, width: usize) -> bool {
    matches!(block.marker, Some(Marker::Number(_)))
        && before.chars().count() * 3 < width * 2
        && line.chars().next().is_some_and(char::is_uppercase)
        && !cut_off(None, before, line)
}

/// Reads the kept lines (`None` = a gap) into paragraphs.
pub fn read(kept: &[Option<Line>]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut gap = true;
    let mut last_line = String::new();
    let width = kept.iter().flatten().map(|l| l.text.chars().count()).max().unwrap_or(0);
    for entry in kept {
        let Some(line) = entry else {
            gap = true;
            continue;
        };
        match numbering::read(&line.text) {
            Some((marker, rest)) => {
                blocks.push(Block {
                    marker: Some(marker),
                    text: rest.to_string(),
                    lines: vec![line.number],
                    after_gap: gap,
                    notes: Vec::new(),
                    breaks: Vec::new(),
                });
            }
            None => {
                let joinable =
                    blocks.last().is_some_and(|b| !matches!(b.marker, Some(Marker::Outputs)) && !b.text.is_empty());
                let last = blocks.last_mut().filter(|_| joinable);
                match last {
                    Some(block) if !gap || cut_off(block.marker.as_ref(), &block.text, &line.text) => {
                        if gap {
                            block.notes.push(format!(
                                "continued after a blank line or page break at line {} (sure: medium)",
                                line.number
                            ));
                        } else if new_sentence(&last_line, &line.text)
                            || heading_ends(block, &last_line, &line.text, width)
                        {
                            block.breaks.push((block.text.len() + 1, block.lines.len()));
                        }
                        join(&mut block.text, &line.text);
                        block.lines.push(line.number);
                    }
                    _ => blocks.push(Block {
                        marker: None,
                        text: line.text.clone(),
                        lines: vec![line.number],
                        after_gap: gap,
                        notes: Vec::new(),
                        breaks: Vec::new(),
                    }),
                }
            }
        }
        last_line = line.text.clone();
        gap = false;
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Option<Line>> {
        text.lines()
            .enumerate()
            .map(|(i, t)| (!t.trim().is_empty()).then(|| Line { number: i + 1, text: t.trim().to_string(), indent: 0 }))
            .collect()
    }

    #[test]
    fn wraps_hyphens_and_page_breaks_are_joined() {
        let blocks = read(&lines("a. Shape the plan, working through the\n\nLCRB and on-\ngoing work.\n\nNext one."));
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, "Shape the plan, working through the LCRB and on-going work.");
        assert_eq!(blocks[0].lines, vec![1, 3, 4]);
        assert_eq!(blocks[1].text, "Next one.");
    }

    #[test]
    fn a_sentence_ending_at_a_line_end_is_a_possible_break() {
        let blocks = read(&lines("Negotiate the settlements.\nComplete the renewal.\nWe will also."));
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].breaks, vec![(27, 1)]);
        assert_eq!(&blocks[0].text[27..], "Complete the renewal. We will also.");
    }
}
