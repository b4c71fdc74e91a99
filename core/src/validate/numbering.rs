//! Numbering: the printed labels of siblings run in sequence (1, 2, 3; a, b, c; i, ii, iii) with
//! no gaps and no repeats. Unlabelled items are passed over.

use super::context::{Findings, Index, ItemInfo};
use super::DiagnosticCode;
use crate::io::Pointer;
use crate::model::Item;

/// The kinds of numbering a list of siblings can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Lower,
    Upper,
    RomanLower,
    RomanUpper,
}

/// A label without decoration: `a.` and `(a)` are `a`.
fn bare(label: &str) -> &str {
    label.trim().trim_start_matches('(').trim_end_matches(['.', ')'])
}

fn roman(text: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let values: Option<Vec<u32>> = text.chars().map(digit).collect();
    let values = values?;
    if values.is_empty() {
        return None;
    }
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    let total = u32::try_from(total).ok()?;
    (to_roman(total) == text).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    let table = [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
    let mut out = String::new();
    for (value, text) in table {
        while n >= value {
            out.push_str(text);
            n -= value;
        }
    }
    out
}

fn kind_of(label: &str) -> Option<Kind> {
    if label.parse::<u32>().is_ok() {
        Some(Kind::Number)
    } else if label.starts_with('i') && roman(label).is_some() {
        Some(Kind::RomanLower)
    } else if label.starts_with('I') && roman(&label.to_lowercase()).is_some() {
        Some(Kind::RomanUpper)
    } else if label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase()) {
        Some(Kind::Lower)
    } else if label.len() == 1 && label.chars().all(|c| c.is_ascii_uppercase()) {
        Some(Kind::Upper)
    } else {
        None
    }
}

fn value(kind: Kind, label: &str) -> Option<u32> {
    match kind {
        Kind::Number => label.parse().ok(),
        Kind::Lower | Kind::Upper => {
            let c = label.chars().next()?;
            (label.len() == 1 && c.is_ascii_alphabetic() && (kind == Kind::Lower) == c.is_ascii_lowercase())
                .then(|| u32::from(c.to_ascii_lowercase()) - u32::from('a') + 1)
        }
        Kind::RomanLower => roman(label),
        Kind::RomanUpper => {
            label.chars().all(|c| c.is_ascii_uppercase()).then(|| roman(&label.to_lowercase())).flatten()
        }
    }
}

fn label_of(kind: Kind, n: u32) -> String {
    match kind {
        Kind::Number => n.to_string(),
        Kind::Lower => char::from_u32(u32::from('a') + n - 1).map_or_else(String::new, String::from),
        Kind::Upper => char::from_u32(u32::from('A') + n - 1).map_or_else(String::new, String::from),
        Kind::RomanLower => to_roman(n),
        Kind::RomanUpper => to_roman(n).to_uppercase(),
    }
}

/// Checks the labels of one group of siblings (`parent` is `None` for the top level).
pub(crate) fn check_siblings(
    index: &Index<'_>,
    parent: Option<&ItemInfo<'_>>,
    children: &[Item],
    findings: &mut Findings,
) {
    let base = || match parent {
        Some(info) => index.path(info).join("children"),
        None => Pointer::root().join("items"),
    };
    let depth = parent.map_or(0, |p| p.depth + 1);
    let level = || index.level_names.get(depth).cloned().unwrap_or_else(|| "Item".to_owned());
    let mut kind: Option<Kind> = None;
    let mut previous: Option<(u32, &str)> = None;
    for (i, child) in children.iter().enumerate() {
        let Some(label) = child.label.as_deref().map(bare).filter(|l| !l.is_empty()) else { continue };
        let kind = match kind {
            Some(kind) => kind,
            None => match kind_of(label) {
                Some(found) => *kind.insert(found),
                None => return,
            },
        };
        let Some(n) = value(kind, label) else { continue };
        let path = || base().join(i).join("label");
        let id = Some(child.id.as_str());
        let expected = previous.map_or(1, |(p, _)| p + 1);
        match previous {
            Some((p, before)) if n == p => {
                findings.add(
                    DiagnosticCode::LabelRepeated,
                    path(),
                    id,
                    format!("{} `{}` repeats the label `{before}` of the item before it.", level(), child.id),
                );
            }
            _ if n != expected => {
                let missing = if n > expected {
                    let gap: Vec<String> = (expected..n).map(|m| format!("`{}`", label_of(kind, m))).collect();
                    match gap.as_slice() {
                        [one] => format!(": {one} is missing"),
                        [first, second] => format!(": {first} and {second} are missing"),
                        [first, .., last] => format!(": {first} to {last} are missing"),
                        [] => String::new(),
                    }
                } else {
                    String::new()
                };
                let after = match previous {
                    Some((_, before)) => format!("comes after `{before}`"),
                    None => "is the first label".to_owned(),
                };
                findings
                    .add(
                        DiagnosticCode::LabelOutOfSequence,
                        path(),
                        id,
                        format!("{} `{}` is labelled `{label}`, but it {after}{missing}.", level(), child.id),
                    )
                    .hint("check the numbering against the printed document");
            }
            _ => {}
        }
        previous = Some((n, label));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::{codes_at, plan};

    #[test]
    fn gaps_and_repeats_among_siblings() {
        let plan = plan(
            "items:\n- id: a\n  label: '1'\n  title: A\n  children:\n\
             \x20 - {id: a.a, label: a, title: x}\n  - {id: a.b, label: b., title: x}\n  - {id: a.d, label: d, title: x}\n\
             \x20 - {id: a.d2, label: d, title: x}\n  - {id: a.x, title: unlabelled}\n  - {id: a.e, label: e, title: x}\n\
             - {id: b, label: '3', title: B, children: [{id: b.i, label: i, title: x}, {id: b.ii, label: ii, title: x}, {id: b.iv, label: iv, title: x}]}\n",
        );
        assert_eq!(
            codes_at(&plan),
            vec![
                ("label_out_of_sequence", "/items/0/children/2/label", Some(12)),
                ("label_repeated", "/items/0/children/3/label", Some(13)),
                ("label_out_of_sequence", "/items/1/label", Some(16)),
                ("label_out_of_sequence", "/items/1/children/2/label", Some(16)),
            ]
        );
        let report = plan.validate();
        let gap = report.with_code(crate::DiagnosticCode::LabelOutOfSequence).next().expect("finding");
        assert_eq!(gap.message, "Objective `a.d` is labelled `d`, but it comes after `b`: `c` is missing.");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(super::roman("iv"), Some(4));
        assert_eq!(super::roman("xii"), Some(12));
        assert_eq!(super::roman("iiii"), None);
        assert_eq!(super::to_roman(9), "ix");
    }
}
