//! The `privaudit` binary: parses the command line and hands over to the library.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = privaudit::cli::Cli::parse();
    match privaudit::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // Messages quote files (names, field names, values): no escape reaches the terminal.
            let message = format!("{err:#}");
            eprintln!(
                "privaudit: {}",
                privaudit::sanitize::terminal_lines(&message)
            );
            ExitCode::FAILURE
        }
    }
}
