#!/usr/bin/env python3
"""Runs a command several times and prints what Benchmarks/bench.sh reports of it, from the kernel's own account
of each run (wait4's resource usage, to the microsecond), not from /usr/bin/time's printout (hundredths of a second:
a step of 3% at the parse benchmark's 0.35 s of CPU):

    runs.py RUNS ALLOWED_STATUS COMMAND...

prints "WALL CPU PEAK_KB FAULTS": the least wall time of the runs, the median CPU time (user and system) of the
runs, and the peak resident memory and the minor page faults of the run with the least wall time. The command's
standard output goes to /dev/null; a run whose exit status is above ALLOWED_STATUS stops it, with the end of the
command's standard error, and exit status 1.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(command, allowed_status):
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        try:
            child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        except OSError as error:
            sys.stderr.write(f"runs.py: cannot run {command[0]}: {error.strerror}\n")
            sys.exit(1)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)  # (negative: the signal that ended it)
        child.returncode = code  # (reaped here: Popen is told, so that it does not wait for it again)
        if code < 0 or code > allowed_status:
            errors.seek(0)
            tail = errors.read().decode(errors="replace").splitlines()[-3:]
            sys.stderr.write("\n".join(tail) + f"\nfailed ({code}): {' '.join(command)}\n")
            sys.exit(1)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, usage.ru_minflt


def main():
    if len(sys.argv) < 4:
        sys.stderr.write("usage: runs.py RUNS ALLOWED_STATUS COMMAND...\n")
        sys.exit(2)
    count, allowed_status, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    runs = [run_once(command, allowed_status) for _ in range(count)]
    fastest = min(runs, key=lambda run: run[0])
    cpu = statistics.median(run[1] for run in runs)
    print(f"{fastest[0]:.3f} {cpu:.3f} {fastest[2]} {fastest[3]}")


if __name__ == "__main__":
    main()
