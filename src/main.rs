//! The `privaudit` binary: parses the command line and hands over to the library.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = privaudit::cli::Cli::parse();
    match privaudit::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("privaudit: {err:#}");
            ExitCode::FAILURE
        }
    }
}
