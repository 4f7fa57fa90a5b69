"""The clinic server's start figures: the peak RSS is the started program's own, not the bench's.

Linux carries a process's peak resident memory (ru_maxrss) over fork and exec, so a program
started by the bench, after the bench itself had grown, reported the bench's peak (558 MB
for both server starts, to a tenth, where the program held ~200 MB).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from bench import server

# A stand-in for the program: prints the bench hook's three lines (its ru_maxrss as the
# program's hook reports it) after touching 20 MB of its own.
PROGRAM = textwrap.dedent(
    """
    import resource, time
    own = bytearray(20 * 1024 * 1024)
    for i in range(0, len(own), 4096):
        own[i] = 1
    now = time.time()
    print(f"MOBILEATHLETE_SIGNIN {now:.6f} cpu_s=0.1", flush=True)
    print(f"MOBILEATHLETE_ENTER {now:.6f} clinic_open={now:.6f} max_stall_ms=1.0", flush=True)
    inherited = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"MOBILEATHLETE_READY {time.time():.6f} clients=1 peak_rss_mb={inherited:.1f}",
          flush=True)
    time.sleep(0.2)
    """
)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="Linux /proc only")
def test_a_started_program_s_peak_rss_is_its_own(tmp_path: Path) -> None:
    script = tmp_path / "program.py"
    script.write_text(PROGRAM)
    grown = bytearray(300 * 1024 * 1024)  # the bench, grown before it starts the program
    for i in range(0, len(grown), 4096):
        grown[i] = 1
    run = server.program_start([sys.executable, str(script)], {})
    del grown
    said = server._start_run([sys.executable, str(script)], {})
    assert said.rss_mb is not None and said.rss_mb >= 300  # what the hook's figure was
    assert run.rss_mb is not None and 20 <= run.rss_mb < 100
    assert run.signin_to_main_ms >= 0 and run.max_stall_ms == 1.0


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="Linux /proc only")
def test_the_program_s_own_ready_line_says_its_own_peak_not_its_starter_s(
    tmp_path: Path,
) -> None:
    """The program's bench hook (commands.bench_hook.peak_rss_mb) reports the program's own peak, as
    the large clinic's child does: a bench that built the 50,000-client clinic (~1 GB) and
    then started the measuring child had it report 1,029 MB."""
    import subprocess

    grown = bytearray(300 * 1024 * 1024)
    for i in range(0, len(grown), 4096):
        grown[i] = 1
    said = subprocess.run(
        [
            sys.executable,
            "-c",
            "from mobileathlete_desktop.commands.bench_hook import peak_rss_mb\n"
            "print(peak_rss_mb())",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    del grown
    assert 5 < float(said) < 200, said
