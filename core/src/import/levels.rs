//! The names of the draft's levels, from the paper's own words where it names them
//! (docs/import.md, "Levels"): a count such as "46 specific pledges across seven key policy
//! areas", the heading of the outline ("Business Plan Portfolio Holder Priorities"), the word
//! heading a list ("Outputs"), a word two or more headings of a level share ("... DIRECTORATE
//! ..."); a level of points under the points of a named level is its "Sub-" level ("Sub-output");
//! any other is "Level N".

/// The words for levels of a plan: (singular, plural).
const WORDS: [(&str, &str); 16] = [
    ("portfolio", "portfolios"),
    ("directorate", "directorates"),
    ("theme", "themes"),
    ("area", "areas"),
    ("priority", "priorities"),
    ("pledge", "pledges"),
    ("objective", "objectives"),
    ("output", "outputs"),
    ("action", "actions"),
    ("programme", "programmes"),
    ("project", "projects"),
    ("commitment", "commitments"),
    ("workstream", "workstreams"),
    ("goal", "goals"),
    ("deliverable", "deliverables"),
    ("milestone", "milestones"),
];

/// Number words a count may be written in.
const NUMBER_WORDS: [&str; 20] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
];

/// Words joining the two halves of a count ("pledges across seven areas").
const JOINS: [&str; 5] = ["across", "in", "under", "into", "within"];

/// How many words may stand between a count's number and its noun ("46 specific pledges").
const ADJECTIVES: usize = 4;

/// One level's name and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelName {
    /// The name ("Pledge").
    pub name: String,
    /// Where it came from, in words, for the summary and the draft's `x-import`.
    pub from: String,
}

/// A word's level noun, singular, when the word is that noun (in the plural only, with
/// `plural_only`): "Pledges," gives `pledge`.
fn noun(word: &str, plural_only: bool) -> Option<&'static str> {
    let bare: String = word.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    WORDS.iter().find(|(one, many)| bare == *many || (!plural_only && bare == *one)).map(|(one, _)| *one)
}

fn level_word(word: &str) -> Option<&'static str> {
    noun(word, false)
}

fn plural_word(word: &str) -> Option<&'static str> {
    noun(word, true)
}

fn is_count(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    (!bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit() || c == ','))
        || NUMBER_WORDS.contains(&bare.to_lowercase().as_str())
}

/// The plural noun within `ADJECTIVES` words after `words[at]`: its index and singular.
fn noun_after(words: &[&str], at: usize) -> Option<(usize, &'static str)> {
    (at + 1..words.len().min(at + 2 + ADJECTIVES)).find_map(|j| plural_word(words[j]).map(|one| (j, one)))
}

/// A count naming two levels, outer first: "46 specific pledges across seven key policy areas"
/// gives (area, pledge) and the words.
fn count_phrase(text: &str) -> Option<(&'static str, &'static str, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for i in 0..words.len() {
        if !is_count(words[i]) {
            continue;
        }
        let Some((j, inner)) = noun_after(&words, i) else { continue };
        let Some(join) = words.get(j + 1) else { continue };
        if !JOINS.contains(join) || !words.get(j + 2).is_some_and(|w| is_count(w)) {
            continue;
        }
        let Some((k, outer)) = noun_after(&words, j + 2) else { continue };
        if outer != inner {
            return Some((outer, inner, words[i..=k].join(" ")));
        }
    }
    None
}

/// Names the level at `depth` unless it has a name or another level has this one.
fn set(names: &mut [Option<LevelName>], depth: usize, word: &str, from: String) {
    let name = crate::text::capitalise(word);
    let taken = names.iter().flatten().any(|n| n.name.eq_ignore_ascii_case(&name));
    if let Some(slot @ None) = names.get_mut(depth) {
        if !taken {
            *slot = Some(LevelName { name, from });
        }
    }
}

/// What the paper gives to name its levels.
#[derive(Debug, Default)]
pub struct Evidence<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The line heading the outline ("Business Plan Portfolio Holder Priorities") and its number.
    pub outline_heading: Option<(&'a str, usize)>,
    /// The depth of the items listed under a structure word ("Outputs"), with the word.
    pub structure_word: Option<(usize, &'a str)>,
    /// The titles of the items at each depth.
    pub titles: Vec<Vec<&'a str>>,
    /// Whether the items at each depth are points under points (an indented bullet, a point of a
    /// lettered output), which makes the level the "Sub-" level of the one above.
    pub sub_points: Vec<bool>,
}

/// Names `depths` levels from the evidence; `given` names (the caller's) come first.
pub fn name(depths: usize, given: &[String], evidence: &Evidence<'_>) -> Vec<LevelName> {
    let mut names: Vec<Option<LevelName>> = vec![None; depths];
    for (depth, word) in given.iter().enumerate() {
        set(&mut names, depth, word, "given by the caller".into());
    }
    if let Some((outer, inner, words)) = count_phrase(evidence.text) {
        set(&mut names, 0, outer, format!("named from the paper's words \"{words}\""));
        set(&mut names, 1, inner, format!("named from the paper's words \"{words}\""));
    }
    if let Some((heading, line)) = evidence.outline_heading {
        let found: Vec<&str> = heading.split_whitespace().filter_map(level_word).collect();
        if found.len() >= 2 {
            for (depth, word) in found.iter().enumerate() {
                set(&mut names, depth, word, format!("named from the outline's heading \"{heading}\" (line {line})"));
            }
        }
    }
    if let Some((depth, word)) = evidence.structure_word {
        if let Some(one) = level_word(word) {
            set(&mut names, depth, one, format!("named from the word \"{word}\" heading the lists"));
        }
    }
    for (depth, titles) in evidence.titles.iter().enumerate() {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for title in titles {
            if let Some(word) = title.split_whitespace().find_map(level_word) {
                match counts.iter_mut().find(|(w, _)| *w == word) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((word, 1)),
                }
            }
        }
        // A word shared by two headings or more, a third of the level or more.
        let shared = counts.iter().filter(|(_, n)| *n >= 2 && *n * 3 >= titles.len()).max_by_key(|(_, n)| *n);
        if let Some((word, n)) = shared {
            set(
                &mut names,
                depth,
                word,
                format!("named from the headings of this level ({n} of {} say it)", titles.len()),
            );
        }
    }
    let mut out: Vec<LevelName> = Vec::with_capacity(depths);
    for (depth, slot) in names.into_iter().enumerate() {
        let level = match slot {
            Some(level) => level,
            None => match out.last() {
                Some(above)
                    if evidence.sub_points.get(depth) == Some(&true)
                        && !above.name.starts_with("Sub-")
                        && !above.name.starts_with("Level ") =>
                {
                    LevelName {
                        name: format!("Sub-{}", above.name.to_lowercase()),
                        from: format!("points under the points of the level {}", above.name),
                    }
                }
                _ => LevelName { name: format!("Level {}", depth + 1), from: "no word of the paper names it".into() },
            },
        };
        out.push(level);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(levels: &[LevelName]) -> Vec<&str> {
        levels.iter().map(|l| l.name.as_str()).collect()
    }

    #[test]
    fn a_count_names_two_levels_and_the_one_below_is_their_sub_level() {
        let text = "listed below are 46 specific pledges across seven key policy areas that leaders agreed";
        let evidence = Evidence { text, sub_points: vec![false, false, true], ..Evidence::default() };
        let levels = name(3, &[], &evidence);
        assert_eq!(names(&levels), ["Area", "Pledge", "Sub-pledge"]);
        let evidence = Evidence { text, ..Evidence::default() };
        assert_eq!(names(&name(3, &[], &evidence)), ["Area", "Pledge", "Level 3"]);
        assert!(levels[0].from.contains("46 specific pledges across seven key policy areas"));
    }

    #[test]
    fn the_outline_heading_and_the_structure_word_name_the_numbered_levels() {
        let evidence = Evidence {
            text: "",
            outline_heading: Some(("Business Plan Portfolio Holder Priorities", 74)),
            structure_word: Some((2, "Outputs")),
            titles: Vec::new(),
            sub_points: vec![false, false, false, true],
        };
        assert_eq!(names(&name(4, &[], &evidence)), ["Portfolio", "Priority", "Output", "Sub-output"]);
    }

    #[test]
    fn headings_name_their_level_and_given_names_come_first() {
        let evidence = Evidence {
            text: "",
            titles: vec![
                vec!["Themes", "POLICY DIRECTORATE PRIORITIES", "SERVICES DIRECTORATE PRIORITIES", "Equalities"],
                vec!["Cross Cutting", "Housing", "Transport and Mobility", "Project Board"],
            ],
            sub_points: vec![false, false, true],
            ..Evidence::default()
        };
        assert_eq!(names(&name(2, &[], &evidence)), ["Directorate", "Level 2"]);
        assert_eq!(names(&name(3, &["Team".into()], &evidence)), ["Team", "Level 2", "Level 3"]);
        assert_eq!(names(&name(2, &["Team".into(), "Unit".into()], &evidence)), ["Team", "Unit"]);
        assert_eq!(names(&name(1, &[], &Evidence::default())), ["Level 1"]);
    }
}
