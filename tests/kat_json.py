"""What the known-answer tests (tests/*_kat.py) share: their checks, counted,
and tlssim's --json output read back.  Each script imports it from its own
folder (Python puts a script's folder first on sys.path)."""
import json
import subprocess

_fails = 0


def check(ok, what):
    """One check: printed as ok or FAIL, a failure counted."""
    global _fails
    print(("ok   " if ok else "FAIL ") + what)
    _fails += 0 if ok else 1


def finish():
    """Print how many checks failed; the exit status (0 when none did)."""
    print(f"{_fails} failed")
    return 1 if _fails else 0


def run_json(tlssim, *args):
    """tlssim --json ARGS, its document parsed (tlssim must exit 0)."""
    out = subprocess.run([tlssim, "--json", *args], stdout=subprocess.PIPE, check=True).stdout
    return json.loads(out)


def value(doc, name, party):
    """The bytes of value NAME as PARTY knows it, or None."""
    for step in doc["steps"]:
        for v in step["values"]:
            if v["name"] == name and v["party"] == party:
                return bytes.fromhex(v["hex"])
    return None
