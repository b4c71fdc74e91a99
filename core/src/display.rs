//! Numbers as people read them, shared by explanations and reports.

/// A fraction as a percentage: `62.5%`, `100%`, `-` for none.
pub fn percent(value: Option<f64>) -> String {
    match value {
        None => "-".to_owned(),
        Some(v) => {
            let p = v * 100.0;
            if (p - p.round()).abs() < 0.05 {
                format!("{}%", p.round())
            } else {
                format!("{p:.1}%")
            }
        }
    }
}
