//! Running the commands of a task: the context every command runs in (the repository root, the
//! pins, the pinned toolchain in every child's environment), each step announced (`==> step`), each
//! command echoed before it runs, and a [`Failure`] that names the command and its exit status.

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;

use crate::pins::Pins;

/// Why a task stopped: a command that failed, a runner that ran no tests, a file that could not be
/// read. The message says what and where; `main` prints it and exits non-zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure(String);

impl Failure {
    /// A failure with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Failure(message.into())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The result of a step of a task.
pub type Outcome<T = ()> = Result<T, Failure>;

/// Announces a step, as every step of a task is announced: a blank line, then `==> title`.
pub fn step(title: &str) {
    println!("\n==> {title}");
}

/// What a run of `cargo xtask` shares between its commands: where the repository is, its pins,
/// what this run has already installed or built (so `ci` does each once), and the tests counted.
#[derive(Debug)]
pub struct Context {
    root: PathBuf,
    pins: Pins,
    done: BTreeSet<&'static str>,
    totals: Vec<(u64, &'static str)>,
}

impl Context {
    /// The context of the repository this xtask belongs to, with its pins.toml read.
    pub fn new() -> Outcome<Self> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .ok_or_else(|| Failure::new("the xtask crate is not inside a repository"))?
            .to_path_buf();
        let pins = Pins::read(&root)?;
        Ok(Context { root, pins, done: BTreeSet::new(), totals: Vec::new() })
    }

    /// The repository root: every command runs there unless it says otherwise.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The pins of pins.toml.
    pub fn pins(&self) -> &Pins {
        &self.pins
    }

    /// True the first time it is asked about `what` in this run, false after: installing and
    /// building steps use it so that `ci` runs each of them once.
    pub fn first_time(&mut self, what: &'static str) -> bool {
        self.done.insert(what)
    }

    /// Whether `what` has been done in this run (see [`Context::first_time`]).
    pub fn has_done(&self, what: &'static str) -> bool {
        self.done.contains(what)
    }

    /// Records that a runner ran `count` tests (`what`: "Rust tests", ...), and says so.
    pub fn record(&mut self, count: u64, what: &'static str) {
        println!("==> {count} {what} ran");
        self.totals.push((count, what));
    }

    /// The tests counted in this run, in the order they ran.
    pub fn totals(&self) -> &[(u64, &'static str)] {
        &self.totals
    }

    /// A command that runs in the repository root, with the pinned toolchain for every cargo it
    /// starts (`RUSTUP_TOOLCHAIN`) and cargo's bin folder (where `cargo install` puts
    /// wasm-bindgen) first on its `PATH`.
    pub fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let mut command = Command::new(program);
        command.current_dir(&self.root).env("RUSTUP_TOOLCHAIN", &self.pins.rust.toolchain);
        if let Some(path) = search_path(&[]) {
            command.env("PATH", path);
        }
        command
    }

    /// A command for a script of the repository (`scripts/build-wasm`), by its full path.
    pub fn script(&self, relative: &str) -> Command {
        self.command(self.root.join(relative))
    }

    /// A program of the test venv, `.venv/bin/NAME` (`.venv\Scripts\NAME` on Windows).
    pub fn venv(&self, name: &str) -> PathBuf {
        venv_program(&self.root.join(".venv"), name)
    }
}

/// A program of the Python venv at `venv`: `bin/NAME`, or `Scripts\NAME` on Windows.
pub fn venv_program(venv: &Path, name: &str) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join(format!("{name}.exe"))
    } else {
        venv.join("bin").join(name)
    }
}

/// `PATH` with `first` in front, then cargo's bin folder (`$CARGO_HOME/bin`, else `~/.cargo/bin`).
pub fn search_path(first: &[PathBuf]) -> Option<OsString> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    let cargo_home =
        std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| Some(Path::new(&home?).join(".cargo")));
    let mut folders = first.to_vec();
    folders.extend(cargo_home.map(|cargo_home| cargo_home.join("bin")));
    if let Some(path) = std::env::var_os("PATH") {
        folders.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(folders).ok()
}

/// Whether `path` is a file this user may run.
pub fn is_executable(path: &Path) -> bool {
    match std::fs::metadata(path) {
        #[cfg(unix)]
        Ok(meta) => {
            use std::os::unix::fs::PermissionsExt;
            meta.is_file() && meta.permissions().mode() & 0o111 != 0
        }
        #[cfg(not(unix))]
        Ok(meta) => meta.is_file(),
        Err(_) => false,
    }
}

/// The command as a reader would type it: `(in DIR) program arg...`, paths inside `root` shown
/// relative to it.
pub fn describe(command: &Command, root: &Path) -> String {
    let show = |text: &OsStr| {
        let path = Path::new(text);
        let shown = match path.strip_prefix(root) {
            Ok(inside) if inside.as_os_str().is_empty() => ".".to_owned(),
            Ok(inside) => inside.to_string_lossy().into_owned(),
            Err(_) => text.to_string_lossy().into_owned(),
        };
        if shown.contains('\'') {
            format!("\"{shown}\"")
        } else if shown.is_empty() || shown.contains([' ', '"']) {
            format!("'{shown}'")
        } else {
            shown
        }
    };
    let mut words = vec![show(command.get_program())];
    words.extend(command.get_args().map(show));
    let line = words.join(" ");
    match command.get_current_dir() {
        Some(dir) if dir != root => format!("(in {}) {line}", show(dir.as_os_str())),
        _ => line,
    }
}

/// Runs `command` in the open (its output goes to ours), after echoing it; fails, naming it, when
/// it cannot start or exits non-zero.
pub fn run(ctx: &Context, command: &mut Command) -> Outcome {
    let line = describe(command, ctx.root());
    println!("$ {line}");
    let status = command.status().map_err(|e| Failure::new(format!("could not start `{line}`: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::new(format!("`{line}` failed ({status})")))
    }
}

/// Runs `command` like [`run`], its output shown as it comes, and returns that output (standard
/// output, then standard error) for counting the tests it ran.
pub fn run_logged(ctx: &Context, command: &mut Command) -> Outcome<String> {
    let line = describe(command, ctx.root());
    println!("$ {line}");
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::new(format!("could not start `{line}`: {e}")))?;
    let stdout = child.stdout.take().map(|out| thread::spawn(move || echo(out, std::io::stdout())));
    let stderr = child.stderr.take().map(|err| thread::spawn(move || echo(err, std::io::stderr())));
    let mut log = String::new();
    for reader in [stdout, stderr].into_iter().flatten() {
        let text = reader.join().map_err(|_| Failure::new(format!("reading the output of `{line}` failed")))?;
        log.push_str(&text);
    }
    let status = child.wait().map_err(|e| Failure::new(format!("waiting for `{line}` failed: {e}")))?;
    if status.success() {
        Ok(log)
    } else {
        Err(Failure::new(format!("`{line}` failed ({status})")))
    }
}

/// Copies `from` to `to` line by line as it comes, and returns what was copied.
fn echo(from: impl Read, mut to: impl Write) -> String {
    let mut reader = BufReader::new(from);
    let mut text = String::new();
    let mut line = Vec::new();
    while matches!(reader.read_until(b'\n', &mut line), Ok(n) if n > 0) {
        // An echo that cannot be written (a closed terminal) must not stop the command.
        let _ = to.write_all(&line).and_then(|()| to.flush());
        text.push_str(&String::from_utf8_lossy(&line));
        line.clear();
    }
    text
}

/// The standard output of `command`, run quietly (a probe: a version, a list), or `None` when it
/// cannot start or fails.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_is_described_relative_to_the_root() {
        let root = Path::new("/repo");
        let mut command = Command::new("/repo/scripts/build-wasm");
        command.arg("--probe").arg("two words").arg("/repo").arg("").current_dir("/repo/bindings-wasm");
        assert_eq!(describe(&command, root), "(in bindings-wasm) scripts/build-wasm --probe 'two words' . ''");
        let mut command = Command::new("cargo");
        command.args(["fmt", "--all", "--config", "a.path='/x y'"]).current_dir(root);
        assert_eq!(describe(&command, root), "cargo fmt --all --config \"a.path='/x y'\"");
    }

    #[test]
    fn a_failing_command_is_named_with_its_exit_status() -> Outcome {
        let ctx = Context::new()?;
        let mut command = ctx.command(std::env::current_exe().map_err(|e| Failure::new(e.to_string()))?);
        command.arg("--no-such-flag-for-the-test-harness");
        let failure = run_logged(&ctx, &mut command).err().ok_or_else(|| Failure::new("it did not fail"))?;
        assert!(
            failure.to_string().contains("--no-such-flag-for-the-test-harness` failed (exit status: "),
            "{failure}"
        );
        Ok(())
    }
}
