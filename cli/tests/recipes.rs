//! `workplan generate --recipes DIR --out OUT` and `--recipe CASE_JSON --out OUT`: the inputs of
//! test cases written from their recipes (tests/fixtures/hostile/README.md), run as the Python
//! and JS runners run it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_workplan")).args(args).output().expect("runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh scratch folder for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("workplan-recipes-{test}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// Writes a case folder `name` in `dir` with this `case.json`.
fn case(dir: &Path, name: &str, case_json: &str) -> PathBuf {
    let folder = dir.join(name);
    fs::create_dir_all(&folder).expect("a case folder");
    fs::write(folder.join("case.json"), case_json).expect("case.json written");
    folder.join("case.json")
}

fn text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn recipes_writes_the_inputs_of_every_case_with_a_recipe() {
    let dir = scratch("folder");
    let cases = dir.join("cases");
    case(
        &cases,
        "numbered",
        r#"{"description": "d", "generate": {"plan.json": ["[", {"repeat": "{\"id\": \"a{i}\"}", "times": 12, "join": ", "}, "]"]}}"#,
    );
    case(
        &cases,
        "two-files",
        r#"{"generate": {"plan.yaml": ["x-deep: ", {"repeat": "[", "times": 3}, {"repeat": "]", "times": 3}, "\n"],
                         "updates.csv": ["item,date\n", {"repeat": "i{i},2020-04-01\n", "times": 2}]}}"#,
    );
    case(&cases, "stored", r#"{"description": "inputs kept as files", "ok": {}}"#);
    fs::write(cases.join("README.md"), "not a case").expect("a file beside the cases");
    let out = dir.join("out");
    let output = workplan(&["generate", "--recipes", &cases.to_string_lossy(), "--out", &out.to_string_lossy()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).ends_with(": 2 cases, 3 files, 223 bytes\n"), "{}", stderr(&output));
    let numbered: Vec<String> = (0..12).map(|i| format!("{{\"id\": \"a{i}\"}}")).collect();
    assert_eq!(text(&out.join("numbered/plan.json")), format!("[{}]", numbered.join(", ")));
    assert_eq!(text(&out.join("two-files/plan.yaml")), "x-deep: [[[]]]\n");
    assert_eq!(text(&out.join("two-files/updates.csv")), "item,date\ni0,2020-04-01\ni1,2020-04-01\n");
    let mut written: Vec<String> = fs::read_dir(&out)
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["numbered", "two-files"], "a case without a recipe gets no folder");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn recipe_writes_one_case_into_the_folder() {
    let dir = scratch("one");
    let case_json = case(&dir, "case", r#"{"generate": {"plan.json": ["{", {"repeat": " ", "times": 100000}, "}"]}}"#);
    let out = dir.join("out");
    let output = workplan(&["generate", "--recipe", &case_json.to_string_lossy(), "-o", &out.to_string_lossy()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(text(&out.join("plan.json")), format!("{{{}}}", " ".repeat(100_000)));
    let plain = case(&dir, "plain", r#"{"description": "no recipe"}"#);
    let refused = workplan(&["generate", "--recipe", &plain.to_string_lossy(), "-o", &out.to_string_lossy()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("plain/case.json: the case has no `generate` recipe"), "{}", stderr(&refused));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_malformed_recipe_is_reported_with_its_place_and_nothing_is_written() {
    let dir = scratch("malformed");
    let cases = dir.join("cases");
    case(&cases, "good", r#"{"generate": {"plan.json": ["{}"]}}"#);
    case(&cases, "negative", r#"{"generate": {"plan.json": ["[", {"repeat": "[", "times": -3}]}}"#);
    case(&cases, "huge", r#"{"generate": {"plan.json": [{"repeat": "[", "times": 1000000000000}]}}"#);
    case(&cases, "broken", "{\"generate\": {\"plan.json\": [\"[\"]\n");
    let out = dir.join("out");
    let output = workplan(&["generate", "--recipes", &cases.to_string_lossy(), "--out", &out.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let said = stderr(&output);
    for expected in [
        "negative/case.json: /generate/plan.json/1/times: `times` is a whole number from 0, not -3\n",
        "huge/case.json: /generate: the recipes write 1000000000000 bytes, more than the 268435456 a case may generate\n",
        "broken/case.json: line 2, column 0: EOF while parsing an object\n",
        "nothing written: 3 case files with errors\n",
    ] {
        assert!(said.contains(expected), "{expected:?} not in:\n{said}");
    }
    assert!(!out.exists(), "nothing is written when a recipe is wrong");
    let empty = scratch("empty");
    let output = workplan(&["generate", "--recipes", &empty.to_string_lossy(), "--out", &out.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no case folder has a `case.json` with a `generate` recipe"),
        "{}",
        stderr(&output)
    );
    let _ = fs::remove_dir_all(&dir);
    let _ = fs::remove_dir_all(&empty);
}

#[test]
fn recipes_do_not_take_the_options_of_a_synthetic_plan() {
    for args in [
        ["generate", "--recipes", "cases", "--out", "out", "--items", "5"],
        ["generate", "--recipe", "case.json", "--out", "out", "--seed", "2"],
        ["generate", "--recipes", "cases", "--out", "out", "--recipe", "case.json"],
    ] {
        let output = workplan(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("cannot be used with"), "{}", stderr(&output));
    }
}
