//! The pins of the project's tools, read from pins.toml at the repository root: the Rust toolchain
//! (with its components and targets), the Python packages of the test venv, in groups by what
//! they are for, and those of the Spark venv. (Crates are pinned by Cargo.lock: see
//! [`crate::lockfile`].)

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::run::{Failure, Outcome};

/// The name of the pins file, at the repository root.
pub const FILE: &str = "pins.toml";

/// Everything pins.toml pins.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pins {
    /// The Rust toolchain.
    pub rust: RustPins,
    /// The Python packages of the test venv: group name (what they are for) to package name to
    /// exact version.
    pub python: BTreeMap<String, BTreeMap<String, String>>,
    /// The Python packages of the Spark venv (`.venv-spark`) that the test venv does not have:
    /// package name to exact version.
    pub spark: BTreeMap<String, String>,
}

/// The pinned Rust toolchain.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RustPins {
    /// The toolchain's name for rustup (`1.95.0`): every cargo child runs with it.
    pub toolchain: String,
    /// The rustup components installed with it (`rustfmt`, `clippy`).
    pub components: Vec<String>,
    /// The extra targets installed with it (`wasm32-unknown-unknown`).
    pub targets: Vec<String>,
}

impl Pins {
    /// Reads and checks pins.toml in `root`.
    pub fn read(root: &Path) -> Outcome<Pins> {
        let path = root.join(FILE);
        let text =
            std::fs::read_to_string(&path).map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?;
        Pins::parse(&text)
    }

    /// Parses and checks the text of pins.toml: every version is a plain version (no range, no
    /// blank), and no package is pinned in two groups.
    pub fn parse(text: &str) -> Outcome<Pins> {
        let pins: Pins = toml::from_str(text).map_err(|e| Failure::new(format!("{FILE}: {e}")))?;
        check_word(&pins.rust.toolchain, "[rust] toolchain")?;
        for name in pins.rust.components.iter().chain(&pins.rust.targets) {
            check_word(name, "a [rust] component or target")?;
        }
        let mut seen = BTreeMap::new();
        for (group, packages) in &pins.python {
            if packages.is_empty() {
                return Err(Failure::new(format!("{FILE}: [python.{group}] pins no package")));
            }
            for (name, version) in packages {
                check_word(name, &format!("a package name in [python.{group}]"))?;
                check_word(version, &format!("[python.{group}] {name}"))?;
                if let Some(other) = seen.insert(name.as_str(), format!("[python.{group}]")) {
                    return Err(Failure::new(format!(
                        "{FILE}: {name} is pinned in {other} and in [python.{group}]: pin it once"
                    )));
                }
            }
        }
        for (name, version) in &pins.spark {
            check_word(name, "a package name in [spark]")?;
            check_word(version, &format!("[spark] {name}"))?;
            if let Some(other) = seen.insert(name.as_str(), "[spark]".to_owned()) {
                return Err(Failure::new(format!("{FILE}: {name} is pinned in {other} and in [spark]: pin it once")));
            }
        }
        Ok(pins)
    }

    /// The pinned version of the Python package `name`, whatever its group.
    pub fn python_version(&self, name: &str) -> Outcome<&str> {
        self.python
            .values()
            .find_map(|packages| packages.get(name))
            .map(String::as_str)
            .ok_or_else(|| Failure::new(format!("{FILE} pins no Python package {name}")))
    }
}

/// Fails unless `value` is one plain word (letters, digits, `.`, `-`, `_`, `+`): a version, not a
/// range; a name, not a command line.
fn check_word(value: &str, what: &str) -> Outcome {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+');
    if !value.is_empty() && value.chars().all(plain) {
        Ok(())
    } else {
        Err(Failure::new(format!("{FILE}: {what} is {value:?}: expected one exact name or version")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[rust]
toolchain = "1.95.0"
components = ["rustfmt", "clippy"]
targets = ["wasm32-unknown-unknown"]

[python.test]
pytest = "9.2.0"
maturin = "1.16.0"

[python.plots]
matplotlib = "3.11.2"

[spark]
pyspark = "4.0.1"
"#;

    #[test]
    fn reads_the_toolchain_and_the_python_groups() -> Outcome {
        let pins = Pins::parse(SAMPLE)?;
        assert_eq!(pins.rust.toolchain, "1.95.0");
        assert_eq!(pins.rust.components, ["rustfmt", "clippy"]);
        assert_eq!(pins.rust.targets, ["wasm32-unknown-unknown"]);
        assert_eq!(pins.python.keys().collect::<Vec<_>>(), ["plots", "test"]);
        assert_eq!(pins.python_version("maturin")?, "1.16.0");
        assert_eq!(pins.python_version("matplotlib")?, "3.11.2");
        assert_eq!(pins.python_version("pandas"), Err(Failure::new("pins.toml pins no Python package pandas")));
        assert_eq!(pins.spark.get("pyspark").map(String::as_str), Some("4.0.1"));
        Ok(())
    }

    #[test]
    fn rejects_what_is_not_an_exact_pin() {
        let range = SAMPLE.replace("\"9.2.0\"", "\">=9\"");
        assert_eq!(
            Pins::parse(&range),
            Err(Failure::new("pins.toml: [python.test] pytest is \">=9\": expected one exact name or version"))
        );
        let twice = SAMPLE.replace("matplotlib", "pytest");
        assert_eq!(
            Pins::parse(&twice),
            Err(Failure::new("pins.toml: pytest is pinned in [python.plots] and in [python.test]: pin it once"))
        );
        assert_eq!(
            Pins::parse(&SAMPLE.replace("pyspark", "matplotlib")),
            Err(Failure::new("pins.toml: matplotlib is pinned in [python.plots] and in [spark]: pin it once"))
        );
        assert_eq!(
            Pins::parse(&SAMPLE.replace("\"4.0.1\"", "\"4.*\"")),
            Err(Failure::new("pins.toml: [spark] pyspark is \"4.*\": expected one exact name or version"))
        );
        assert!(Pins::parse(&SAMPLE.replace("toolchain = \"1.95.0\"", ""))
            .is_err_and(|e| e.to_string().contains("missing field `toolchain`")));
        assert!(Pins::parse(&SAMPLE.replace("[python.plots]", "[pyhton.plots]"))
            .is_err_and(|e| e.to_string().contains("unknown field `pyhton`")));
        assert!(Pins::parse("[rust\n").is_err_and(|e| e.to_string().contains("line 1")));
    }

    #[test]
    fn the_repository_pins_file_is_valid_and_agrees_with_the_readme() -> Outcome {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let pins = Pins::read(&root)?;
        assert!(pins.rust.targets.iter().any(|t| t == "wasm32-unknown-unknown"));
        assert!(pins.spark.contains_key("pyspark"), "examples/spark needs pyspark pinned in [spark]");
        // The README's Python quick start installs maturin by version: the pinned one.
        let readme = std::fs::read_to_string(root.join("README.md")).map_err(|e| Failure::new(e.to_string()))?;
        let maturin = format!("maturin=={}", pins.python_version("maturin")?);
        assert!(readme.contains(&maturin), "README.md does not install {maturin}");
        assert!(
            !readme.contains("maturin==") || readme.matches("maturin==").count() == readme.matches(&maturin).count()
        );
        Ok(())
    }
}
