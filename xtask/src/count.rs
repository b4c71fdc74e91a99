//! Counting the tests a runner ran, from its output. A runner that ran no tests (a wrong path, a
//! filter that matches nothing, a harness that found no files) FAILS: a green run of nothing is
//! the quietest wrong result.

use crate::run::{Failure, Outcome};

/// The tests `cargo test` ran: the sum of "N passed" over its `test result: ok.` lines (unit
/// tests, integration tests and doc tests of every crate).
pub fn cargo_test(log: &str) -> Outcome<u64> {
    let passed = log
        .lines()
        .filter_map(|line| line.strip_prefix("test result: ok. "))
        .filter_map(|rest| rest.split(' ').next()?.parse::<u64>().ok())
        .sum();
    at_least_one(passed, "cargo test")
}

/// The tests `node --test` passed, from the summary of its TAP output (`# pass N`; the last one
/// when there are several).
pub fn node_test(log: &str) -> Outcome<u64> {
    let passed = log.lines().rev().find_map(|line| line.strip_prefix("# pass ")?.trim().parse::<u64>().ok());
    at_least_one(passed.unwrap_or(0), "node --test")
}

/// The tests pytest passed, from its summary line (`12 passed, 1 skipped in 3.40s`; with `-q`
/// or without, whose line is framed with `=`).
pub fn pytest(log: &str) -> Outcome<u64> {
    let passed = log.lines().rev().find_map(|line| {
        let words: Vec<&str> = line.split([' ', ',', '=']).filter(|word| !word.is_empty()).collect();
        // "... in 3.40s", or "in 62.12s (0:01:02)"
        let is_summary = words
            .windows(2)
            .any(|pair| pair[0] == "in" && pair[1].ends_with('s') && pair[1].starts_with(|c: char| c.is_ascii_digit()));
        is_summary.then(|| words.windows(2).find(|pair| pair[1] == "passed")?.first()?.parse::<u64>().ok()).flatten()
    });
    at_least_one(passed.unwrap_or(0), "pytest")
}

/// `count` when it is at least one, else the failure "`runner` ran no tests".
fn at_least_one(count: u64, runner: &str) -> Outcome<u64> {
    if count == 0 {
        Err(Failure::new(format!("{runner} ran no tests: a runner that runs none fails")))
    } else {
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_test_sums_every_crate_and_the_doc_tests() {
        let log = "running 3 tests\n...\ntest result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out\n\
                   running 0 tests\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n\
                   Doc-tests workplan\ntest result: ok. 40 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; \
                   finished in 2.1s\n";
        assert_eq!(cargo_test(log), Ok(43));
    }

    #[test]
    fn cargo_test_that_ran_nothing_fails() {
        let log = "running 0 tests\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 3 filtered out\n";
        assert_eq!(cargo_test(log), Err(Failure::new("cargo test ran no tests: a runner that runs none fails")));
        assert!(cargo_test("").is_err());
    }

    #[test]
    fn node_test_reads_the_tap_summary() {
        let log = "TAP version 13\n# Subtest: loads\nok 1 - loads\n  ---\n  ...\n1..2\n\
                   # tests 2\n# suites 0\n# pass 2\n# fail 0\n# cancelled 0\n# skipped 0\n";
        assert_eq!(node_test(log), Ok(2));
    }

    #[test]
    fn node_test_that_ran_nothing_fails() {
        let log = "TAP version 13\n1..0\n# tests 0\n# suites 0\n# pass 0\n# fail 0\n# duration_ms 41.2\n";
        assert_eq!(node_test(log), Err(Failure::new("node --test ran no tests: a runner that runs none fails")));
        // Skipped tests are not passed ones.
        assert!(node_test("# tests 3\n# pass 0\n# skipped 3\n").is_err());
        assert!(node_test("no summary at all\n").is_err());
    }

    #[test]
    fn pytest_reads_the_summary_line() {
        assert_eq!(pytest("....s.\n5 passed, 1 skipped in 3.40s\n"), Ok(5));
        assert_eq!(pytest("==== 1 failed, 12 passed, 2 warnings in 62.12s (0:01:02) ====\n"), Ok(12));
        // A test's own output saying "passed" is not the summary.
        assert_eq!(pytest("3 passed the check\n..\n2 passed in 0.10s\n"), Ok(2));
    }

    #[test]
    fn pytest_that_ran_nothing_fails() {
        assert!(pytest("\nno tests ran in 0.01s\n").is_err());
        assert!(pytest("4 skipped in 0.02s\n").is_err());
    }
}
