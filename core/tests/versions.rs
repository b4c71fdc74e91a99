//! One version for every package of workplan: the crates (library, CLI, Python and wasm bindings),
//! the Python package (its version comes from `bindings-python/Cargo.toml` through maturin) and the
//! npm package (`bindings-wasm/package.json` and its lock file). A release bumps them together;
//! this test fails, naming the file, when one of them differs.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(relative: &str) -> String {
    let path = repo().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(relative: &str) -> Value {
    serde_json::from_str(&read(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The workspace as cargo resolves it (inherited `version.workspace = true` included).
fn cargo_metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["metadata", "--no-deps", "--format-version", "1", "--offline", "--manifest-path"])
        .arg(repo().join("Cargo.toml"))
        .output()
        .unwrap_or_else(|e| panic!("cargo metadata could not start: {e}"));
    assert!(output.status.success(), "cargo metadata failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("cargo metadata wrote no JSON: {e}"))
}

/// The version of the library crate, which every other package must carry.
fn library_version(metadata: &Value) -> String {
    let packages = metadata["packages"].as_array().expect("cargo metadata lists packages");
    let library = packages.iter().find(|p| p["name"] == "workplan").expect("the workspace has the `workplan` crate");
    library["version"].as_str().expect("a version string").to_owned()
}

/// The `version = "..."` of the `[project]` table of a pyproject.toml, when it has one (it should
/// not: the version is dynamic, taken from Cargo.toml).
fn pyproject_static_version(text: &str) -> Option<String> {
    let mut in_project = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_project = line == "[project]";
        } else if in_project {
            if let Some((key, value)) = line.split_once('=') {
                if key.trim() == "version" {
                    return Some(value.trim().trim_matches('"').to_owned());
                }
            }
        }
    }
    None
}

/// Whether the `[project]` table says its version is dynamic.
fn pyproject_version_is_dynamic(text: &str) -> bool {
    let mut in_project = false;
    text.lines().map(str::trim).any(|line| {
        if line.starts_with('[') {
            in_project = line == "[project]";
            return false;
        }
        in_project
            && line.split_once('=').is_some_and(|(key, value)| key.trim() == "dynamic" && value.contains("\"version\""))
    })
}

#[test]
fn every_crate_of_the_workspace_has_the_library_version() {
    let metadata = cargo_metadata();
    let version = library_version(&metadata);
    let packages = metadata["packages"].as_array().expect("cargo metadata lists packages");
    let names: Vec<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    for expected in ["workplan", "workplan-cli", "workplan-python", "workplan-wasm"] {
        assert!(names.contains(&expected), "the workspace has no `{expected}` crate (it has {names:?})");
    }
    for package in packages {
        assert_eq!(
            package["version"].as_str(),
            Some(version.as_str()),
            "{} has version {}, the library {version}",
            package["manifest_path"],
            package["version"]
        );
    }
}

#[test]
fn crates_depend_on_the_library_at_its_own_version() {
    let metadata = cargo_metadata();
    let version = library_version(&metadata);
    let mut dependents = 0;
    for package in metadata["packages"].as_array().expect("cargo metadata lists packages") {
        let dependencies = package["dependencies"].as_array().expect("a dependency list");
        for dependency in dependencies.iter().filter(|d| d["name"] == "workplan") {
            dependents += 1;
            assert_eq!(
                dependency["req"].as_str(),
                Some(format!("^{version}").as_str()),
                "{} depends on workplan {}, not on {version} (a published crate needs the version of its path dependency)",
                package["manifest_path"],
                dependency["req"]
            );
        }
    }
    assert!(dependents >= 3, "the CLI and both bindings depend on the library; found {dependents} dependents");
}

#[test]
fn the_python_package_takes_its_version_from_cargo() {
    let pyproject = read("bindings-python/pyproject.toml");
    assert_eq!(
        pyproject_static_version(&pyproject),
        None,
        "bindings-python/pyproject.toml sets a version: it must be dynamic (from bindings-python/Cargo.toml)"
    );
    assert!(
        pyproject_version_is_dynamic(&pyproject),
        "bindings-python/pyproject.toml: [project] must list \"version\" in `dynamic` (maturin takes it from Cargo.toml)"
    );
}

#[test]
fn the_npm_package_and_its_lock_file_have_the_library_version() {
    let version = library_version(&cargo_metadata());
    let package = json("bindings-wasm/package.json");
    assert_eq!(package["version"].as_str(), Some(version.as_str()), "bindings-wasm/package.json");
    let lock = json("bindings-wasm/package-lock.json");
    assert_eq!(lock["version"].as_str(), Some(version.as_str()), "bindings-wasm/package-lock.json");
    assert_eq!(
        lock["packages"][""]["version"].as_str(),
        Some(version.as_str()),
        "bindings-wasm/package-lock.json, packages[\"\"]"
    );
}

#[test]
fn the_pyproject_reader_finds_a_static_version_only_in_the_project_table() {
    let dynamic = "[project]\nname = \"workplan\"\ndynamic = [\"version\"]\n\n[tool.maturin]\nversion = \"9\"\n";
    assert_eq!(pyproject_static_version(dynamic), None);
    assert!(pyproject_version_is_dynamic(dynamic));
    let fixed = "[build-system]\nrequires = []\n[project]\nname = \"workplan\"\nversion = \"0.2.0\"\n";
    assert_eq!(pyproject_static_version(fixed).as_deref(), Some("0.2.0"));
    assert!(!pyproject_version_is_dynamic(fixed));
}
