//! A progress bar on stderr for long runs: only on a terminal, only after about half a second,
//! never on stdout (which may be piped into another tool).

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    total: usize,
    done: AtomicUsize,
    started: Instant,
    bar: Mutex<Option<ProgressBar>>,
    enabled: bool,
    /// What is counted ("pages"), in the user's language.
    unit: String,
}

const DELAY: Duration = Duration::from_millis(500);

impl Progress {
    pub fn new(total: usize, messages: &crate::ui::Messages) -> Self {
        let enabled = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let unit = messages.text("progress-pages");
        Progress { total, done: AtomicUsize::new(0), started: Instant::now(), bar: Mutex::new(None), enabled, unit }
    }

    /// One more unit done.
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.enabled || self.started.elapsed() < DELAY {
            return;
        }
        let Ok(mut bar) = self.bar.lock() else { return };
        let bar = bar.get_or_insert_with(|| {
            let b = ProgressBar::with_draw_target(Some(self.total as u64), ProgressDrawTarget::stderr());
            // Braces would be read as placeholders of the template.
            let unit = self.unit.replace(['{', '}'], "");
            if let Ok(style) = ProgressStyle::with_template(&format!("{{bar:30}} {{pos}}/{{len}} {unit}")) {
                b.set_style(style);
            }
            b
        });
        bar.set_position(done as u64);
    }

    pub fn finish(&self) {
        if let Ok(mut bar) = self.bar.lock() {
            if let Some(b) = bar.take() {
                b.finish_and_clear();
            }
        }
    }
}
