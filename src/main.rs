use std::process::ExitCode;

fn main() -> ExitCode {
    lockstep::cli::run()
}
