//! The hierarchy as the paper shows it: numbered top-level headings (portfolios), numbered
//! second-level headings (priorities) each with its title and outcome statement, the word
//! "Outputs", lettered outputs and their points and bullets (docs/import.md, "Shapes read").

use std::collections::VecDeque;

use super::blocks::Block;
use super::lines::Unused;
use super::numbering::{next_letter, Marker};

/// One item of the draft, before ids are given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Node {
    /// The label as printed or inferred.
    pub label: Option<String>,
    /// The title (for an output, its whole text).
    pub title: String,
    /// The outcome statement printed after a priority's title.
    pub outcome: Option<String>,
    /// Whether the label was inferred (the text lost it).
    pub label_inferred: bool,
    /// The bullet character the text shows, for unlabelled points.
    pub marker: Option<String>,
    /// The unnumbered section heading the item stands under, if any.
    pub section: Option<String>,
    /// The judgements made on this item, with how sure.
    pub notes: Vec<String>,
    /// The numbers of the lines the item was read from.
    pub lines: Vec<usize>,
    /// A note the paper prints on the item ("Note: ..."), kept as `x-document-note`.
    pub document_note: Option<String>,
    /// The indentation of a bullet point's line (a deeper one is its sub-point).
    pub indent: Option<usize>,
    /// The items below.
    pub children: Vec<Node>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Start,
    Portfolio,
    Priority,
    Outputs,
}

/// The outline read from the paragraphs.
#[derive(Debug, Default)]
pub struct Outline {
    /// The paper's title, when its first line reads as one (headed lists).
    pub title: Option<String>,
    /// The top-level items.
    pub items: Vec<Node>,
    /// Lines read as structure only (the word "Outputs", section headings).
    pub structure: Vec<usize>,
    /// Lines not used, with why.
    pub unused: Vec<(usize, Unused)>,
}

struct Reader {
    out: Outline,
    phase: Phase,
    portfolio_title_pending: bool,
    priority_title_pending: bool,
    letters: VecDeque<(char, usize)>,
    section: Option<String>,
    note_pending: bool,
}

fn title_case(text: &str) -> bool {
    text.len() <= 80
        && !text.ends_with('.')
        && text.split_whitespace().all(|w| w.len() <= 3 || w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

impl Reader {
    fn portfolio(&mut self) -> Option<&mut Node> {
        self.out.items.last_mut()
    }

    fn priority(&mut self) -> Option<&mut Node> {
        self.portfolio().and_then(|p| p.children.last_mut())
    }

    fn output(&mut self) -> Option<&mut Node> {
        self.priority().and_then(|p| p.children.last_mut())
    }

    /// The letter the next output of the current priority should have.
    fn expected(&mut self) -> char {
        let last = self.priority().and_then(|p| p.children.last()).and_then(|o| o.label.clone());
        match last.and_then(|l| l.chars().next()) {
            Some(letter) => next_letter(letter).unwrap_or('z'),
            None => 'a',
        }
    }

    fn drop_letters(&mut self) {
        while let Some((_, line)) = self.letters.pop_front() {
            self.out.unused.push((line, Unused::StrayMarker));
        }
    }

    fn unplaced(&mut self, block: &Block) {
        for line in &block.lines {
            self.out.unused.push((*line, Unused::Unplaced));
        }
    }

    fn push_output(&mut self, node: Node, block: &Block) {
        if self.priority().is_none() {
            self.unplaced(block);
            return;
        }
        self.phase = Phase::Outputs;
        if let Some(priority) = self.priority() {
            priority.children.push(node);
        }
    }

    /// An output whose letter the paragraph does not print: a bare letter printed on its own line
    /// before it, else the next letter, inferred.
    fn unlabelled_output(&mut self, text: &str, lines: Vec<usize>, notes: Vec<String>, block: &Block) {
        let expected = self.expected();
        let mut node = Node { title: text.to_string(), lines, notes, ..Node::default() };
        match self.letters.front().copied() {
            Some((letter, line)) if letter == expected => {
                self.letters.pop_front();
                node.lines.insert(0, line);
                node.label = Some(letter.to_string());
                if line + 2 < node.lines.get(1).copied().unwrap_or(0) {
                    node.notes.push(format!(
                        "label \"{letter}.\" printed apart from its paragraph, on line {line} (sure: medium)"
                    ));
                }
            }
            _ => {
                node.label = Some(expected.to_string());
                node.label_inferred = true;
                node.notes.push(format!(
                    "label \"{expected}\" inferred: the paragraph follows output \"{}\" with no letter printed \
                     (sure: medium)",
                    (expected as u8).saturating_sub(1) as char
                ));
            }
        }
        self.push_output(node, block);
    }

    /// A priority whose number the text lost: the last two unlabelled paragraphs read as outputs
    /// before a second "Outputs" are its title and outcome.
    fn lost_priority(&mut self) -> bool {
        let Some(priority) = self.priority() else { return false };
        let trailing = priority.children.iter().rev().take_while(|c| c.label_inferred && c.children.is_empty()).count();
        if trailing == 0 {
            return false;
        }
        let take = trailing.min(2);
        let mut taken: Vec<Node> = priority.children.split_off(priority.children.len() - take);
        let number: u32 = priority.label.as_deref().and_then(|l| l.parse().ok()).unwrap_or(0) + 1;
        let section = priority.section.clone();
        let title = taken.remove(0);
        let outcome = taken.pop();
        let mut lines = title.lines.clone();
        lines.extend(outcome.iter().flat_map(|o| o.lines.clone()));
        let node = Node {
            label: Some(number.to_string()),
            title: title.title,
            outcome: outcome.map(|o| o.title),
            label_inferred: true,
            section,
            notes: vec![format!(
                "number \"{number}\" inferred: a second \"Outputs\" follows paragraphs with no number printed; \
                 they are read as the title and outcome of the next priority (sure: medium)"
            )],
            lines,
            ..Node::default()
        };
        if let Some(portfolio) = self.portfolio() {
            portfolio.children.push(node);
        }
        true
    }

    fn letter(&mut self, letter: char, block: &Block) {
        let expected = self.expected();
        if self.letters.front().is_some_and(|(l, _)| *l == letter) {
            self.letters.pop_front();
        }
        let node = Node {
            label: Some(letter.to_string()),
            title: block.text.clone(),
            lines: block.lines.clone(),
            notes: block.notes.clone(),
            ..Node::default()
        };
        if letter == expected || self.output().is_none() {
            self.drop_letters();
            return self.push_output(node, block);
        }
        let Some(output) = self.output() else { return self.push_output(node, block) };
        let nested_last = output.children.last().and_then(|c| c.label.clone());
        let romans = output.children.iter().any(|c| c.label.as_deref().is_some_and(|l| l.len() > 1 || l == "i"));
        if matches!(letter, 'i' | 'v' | 'x') && (letter == 'i' || romans) {
            output.children.push(node);
        } else if (letter == 'a' && !block.after_gap)
            || nested_last.and_then(|l| l.chars().next()).and_then(next_letter) == Some(letter)
        {
            let mut node = node;
            node.notes.push(format!(
                "a list inside output \"{}\": \"{letter}.\" restarts the letters within the paragraph (sure: medium)",
                output.label.clone().unwrap_or_default()
            ));
            output.children.push(node);
        } else {
            let mut node = node;
            node.notes.push(format!("printed label \"{letter}\" out of sequence: \"{expected}\" was next (sure: low)"));
            self.push_output(node, block);
        }
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) {
        match &block.marker {
            Some(Marker::Heading(number)) => {
                self.drop_letters();
                self.out.items.push(Node {
                    label: Some(number.to_string()),
                    title: block.text.clone(),
                    lines: block.lines.clone(),
                    notes: block.notes.clone(),
                    ..Node::default()
                });
                self.portfolio_title_pending = block.text.is_empty();
                self.priority_title_pending = false;
                self.section = None;
                self.phase = Phase::Portfolio;
            }
            Some(Marker::Number(number)) if self.phase != Phase::Start => {
                self.drop_letters();
                // The outcome statement printed on the line after the title, no blank between.
                let (title, outcome) = match block.breaks.first() {
                    Some((offset, _)) => {
                        (block.text[..*offset].trim().to_string(), Some(block.text[*offset..].trim().to_string()))
                    }
                    None => (block.text.clone(), None),
                };
                let mut notes = block.notes.clone();
                if outcome.is_some() {
                    notes.push(
                        "outcome: the lines after the title, which start a new sentence with no blank line \
                         between (sure: medium)"
                            .into(),
                    );
                }
                let node = Node {
                    label: Some(number.to_string()),
                    outcome,
                    title,
                    lines: block.lines.clone(),
                    notes,
                    section: self.section.clone(),
                    ..Node::default()
                };
                if let Some(portfolio) = self.portfolio() {
                    portfolio.children.push(node);
                }
                self.priority_title_pending = block.text.is_empty();
                self.phase = Phase::Priority;
            }
            Some(Marker::Outputs) if self.phase == Phase::Priority || self.phase == Phase::Outputs => {
                if self.phase == Phase::Outputs {
                    self.lost_priority();
                }
                self.drop_letters();
                self.out.structure.extend(&block.lines);
                self.phase = Phase::Outputs;
            }
            Some(Marker::Letter(letter)) if self.priority().is_some() => {
                if block.text.is_empty() {
                    self.letters.push_back((*letter, block.lines[0]));
                } else {
                    self.letter(*letter, block);
                }
            }
            Some(Marker::Roman(label)) if self.output().is_some() => {
                let node = Node {
                    label: Some(label.clone()),
                    title: block.text.clone(),
                    lines: block.lines.clone(),
                    notes: block.notes.clone(),
                    ..Node::default()
                };
                if let Some(output) = self.output() {
                    output.children.push(node);
                }
            }
            Some(Marker::LostLetter) if self.priority().is_some() => {
                let expected = self.expected();
                let mut notes = block.notes.clone();
                notes.push(format!(
                    "label \"{expected}\" inferred: the text shows only \".\" where the letter was (sure: high)"
                ));
                let node = Node {
                    label: Some(expected.to_string()),
                    label_inferred: true,
                    title: block.text.clone(),
                    lines: block.lines.clone(),
                    notes,
                    ..Node::default()
                };
                self.drop_letters();
                self.push_output(node, block);
            }
            Some(Marker::Bullet(_)) if block.text.is_empty() => {
                self.out.unused.push((block.lines[0], Unused::StrayMarker));
            }
            Some(Marker::Bullet(mark)) if self.phase == Phase::Outputs && self.output().is_some() => {
                let mut notes = block.notes.clone();
                notes.push(format!("a bullet point of the output above; the text shows it as \"{mark}\" (sure: high)"));
                let node = Node {
                    title: block.text.clone(),
                    marker: Some(mark.clone()),
                    lines: block.lines.clone(),
                    notes,
                    ..Node::default()
                };
                if let Some(output) = self.output() {
                    output.children.push(node);
                }
            }
            _ => self.plain(block, next),
        }
    }

    fn plain(&mut self, block: &Block, next: Option<&Block>) {
        let text = match &block.marker {
            None => block.text.clone(),
            Some(_) => {
                // A marker out of place (a number before any heading, "Outputs" outside a
                // priority, a bullet outside outputs): listed as not used.
                return self.unplaced(block);
            }
        };
        if self.portfolio_title_pending {
            self.portfolio_title_pending = false;
            if let Some(portfolio) = self.portfolio() {
                portfolio.title = text;
                portfolio.lines.extend(&block.lines);
                portfolio.notes.push("title printed apart from its number (sure: high)".into());
            }
            return;
        }
        if self.note_pending || text.starts_with("Note:") {
            let pending = self.note_pending;
            self.note_pending = text == "Note:";
            if let Some(priority) = self.priority() {
                priority.lines.extend(&block.lines);
                match &mut priority.document_note {
                    Some(note) if pending => {
                        note.push(' ');
                        note.push_str(&text);
                    }
                    _ => {
                        priority.document_note = Some(text);
                        priority.notes.push("a note printed in the paper, kept as x-document-note (sure: high)".into());
                    }
                }
                return;
            }
            return self.unplaced(block);
        }
        if self.priority_title_pending {
            self.priority_title_pending = false;
            if let Some(priority) = self.priority() {
                priority.title = text;
                priority.lines.extend(&block.lines);
                priority.notes.extend(block.notes.clone());
                priority.notes.push("title printed apart from its number (sure: high)".into());
            }
            return;
        }
        let heading_next = next.is_some_and(|n| matches!(n.marker, Some(Marker::Number(_))));
        if heading_next && title_case(&text) && matches!(self.phase, Phase::Outputs | Phase::Portfolio) {
            self.section = Some(text);
            self.out.structure.extend(&block.lines);
            return;
        }
        match self.phase {
            Phase::Start | Phase::Portfolio => self.unplaced(block),
            Phase::Priority => {
                if let Some(priority) = self.priority() {
                    priority.lines.extend(&block.lines);
                    priority.notes.extend(block.notes.clone());
                    match &mut priority.outcome {
                        None => {
                            priority.outcome = Some(text);
                            priority.notes.push("outcome: the paragraph after the title (sure: high)".into());
                        }
                        Some(outcome) => {
                            outcome.push(' ');
                            outcome.push_str(&text);
                            priority.notes.push("outcome: continued in a second paragraph (sure: medium)".into());
                        }
                    }
                }
            }
            Phase::Outputs => {
                // Split where a sentence ends at a line end and the next line starts a new one.
                let mut start = 0;
                let mut first_line = 0;
                let mut parts: Vec<(String, Vec<usize>, Vec<String>)> = Vec::new();
                for (offset, line_index) in &block.breaks {
                    parts.push((
                        block.text[start..*offset].trim().to_string(),
                        block.lines[first_line..*line_index].to_vec(),
                        Vec::new(),
                    ));
                    start = *offset;
                    first_line = *line_index;
                }
                parts.push((block.text[start..].trim().to_string(), block.lines[first_line..].to_vec(), Vec::new()));
                let split = parts.len() > 1;
                for (index, (text, lines, mut notes)) in parts.into_iter().enumerate() {
                    if index == 0 {
                        notes.extend(block.notes.clone());
                    }
                    if split {
                        notes.push(
                            "one of the outputs of a paragraph split where a sentence ends at a line end and the \
                             next line starts another (sure: low)"
                                .into(),
                        );
                    }
                    self.unlabelled_output(&text, lines, notes, block);
                }
            }
        }
    }
}

/// Reads the paragraphs into the outline.
pub fn read(blocks: &[Block]) -> Outline {
    let mut reader = Reader {
        out: Outline::default(),
        phase: Phase::Start,
        portfolio_title_pending: false,
        priority_title_pending: false,
        letters: VecDeque::new(),
        section: None,
        note_pending: false,
    };
    for (index, block) in blocks.iter().enumerate() {
        reader.block(block, blocks.get(index + 1));
    }
    reader.drop_letters();
    reader.out
}
