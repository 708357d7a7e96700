fn main() -> std::process::ExitCode {
    twinbot::cli::main()
}
