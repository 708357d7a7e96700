/// Every allocation of the bot goes through mimalloc (docs/performance.md): an answer allocates
/// and frees a few hundred times, and glibc's allocator spent a fifth of the bot's instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    twinbot::cli::main()
}

/// Transparent huge pages off for the bot, before anything is allocated. mimalloc takes its
/// memory in large aligned regions; where the kernel backs such regions with 2 MB pages unasked
/// (`always`, Debian's default), the bot's 4 MB of heap became 11 MB resident. mimalloc itself is
/// built not to ask for them (`no_thp`). Turned off in a constructor that runs before mimalloc's
/// own (the linker runs `.init_array` entries by their number, lowest first, before those with
/// none; mimalloc's is unnumbered, or 101 when built with clang), so that not even its first
/// pages are huge: turned off in `main`, the heap still measured 5.7 MB.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array.00099"]
static NO_HUGE_PAGES: extern "C" fn() = no_huge_pages;

#[cfg(target_os = "linux")]
extern "C" fn no_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes integers and changes one flag of this process; on a
    // kernel without it the call fails and nothing changes.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
