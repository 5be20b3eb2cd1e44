"""CPU time, memory and disk figures of processes and folders, read from /proc (Linux).

In-process peers are measured on their own worker process (VmHWM, getrusage); server
peers (PostgreSQL, Groonga) also on the server's process tree: CPU from /proc/PID/stat
(a server's exited children, such as finished PostgreSQL backends, are in its cutime),
memory as the peak of the tree's summed PSS, sampled every 0.2 s (PSS shares shared
memory out between the processes that map it, so shared buffers are counted once)."""
import os
import threading
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid):
    s = Path(f"/proc/{pid}/stat").read_text()
    return s.rsplit(")", 1)[1].split()


def children(pid):
    """Every descendant process of `pid`."""
    kids = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                kids += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    except OSError:
        return []
    out = list(kids)
    for k in kids:
        out += children(k)
    return out


def tree_cpu_seconds(root):
    """User + system CPU of `root`, its reaped children, and its live descendants."""
    total = 0.0
    for i, pid in enumerate([root] + children(root)):
        try:
            f = _stat_fields(pid)
        except OSError:
            continue
        # fields after the name: utime 11, stime 12, cutime 13, cstime 14 (0-based)
        ticks = int(f[11]) + int(f[12])
        if i == 0:
            ticks += int(f[13]) + int(f[14])
        total += ticks / TICK
    return total


def pss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_pss_mb(root):
    return sum(pss_kb(p) for p in [root] + children(root)) / 1024


def vmhwm_mb(pid="self"):
    """Peak resident set of a process so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def dir_bytes(path):
    """Disk space of the files under `path` (allocated blocks, as `du` counts: Groonga
    creates large sparse files whose apparent size is not what they occupy)."""
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(dirpath, f)).st_blocks * 512
            except OSError:
                pass
    return total


class PeakSampler:
    """Samples the summed PSS of some process trees in a thread; `peak_mb` is the maximum."""

    def __init__(self, roots, every=0.2):
        self.roots = list(roots)
        self.every = every
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.every)

    def sample(self):
        mb = sum(tree_pss_mb(r) for r in self.roots)
        self.peak_mb = max(self.peak_mb, mb)

    def __enter__(self):
        if self.roots:
            self._thread.start()
        return self

    def __exit__(self, *exc):
        if self.roots:
            self._stop.set()
            self._thread.join()
            self.sample()
        return False
