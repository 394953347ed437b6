"""The workbook's own configuration file: ``lifecycle.toml`` in the directory the app or the CLI is started from.

    # lifecycle.toml
    policy_packs = ["policies/org.yaml", "policies/team"]   # files or folders, relative to this file

Why a file of its own: Streamlit warns about every key of ``.streamlit/config.toml`` it does not know
(``"lifecycle.policy_packs" is not a valid config option``), and ``.streamlit/secrets.toml`` is for secrets, not
for settings kept in git. It is looked for where Streamlit looks for its config, the working directory: the
repository root for ``make run``, and the model's repository for a CI job running ``lifecycle check``, so both
see the same settings. Every problem names the file and the key; a misspelt key is reported, never ignored.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .reader.source import TooLarge, read_at_most

CONFIG_FILE = "lifecycle.toml"
POLICY_PACKS = "policy_packs"
KNOWN_KEYS = (POLICY_PACKS,)
EXAMPLE = 'policy_packs = ["policies/org.yaml", "policies/team"]'
# A settings file is a few lines. The limit is a read of at most this many bytes, never the size stat() reports:
# a symlink to /dev/zero or a pipe says 0 and would be read until memory runs out.
MAX_BYTES = 64_000


@dataclass(frozen=True)
class Settings:
    source: str = ""  # the file read; '' when there is none
    policy_packs: tuple[Path, ...] = ()  # files or folders, relative entries taken from the file's folder
    problems: tuple[str, ...] = ()


def config_file() -> Path:
    """Where ``lifecycle.toml`` is looked for (tests point it elsewhere)."""
    return Path.cwd() / CONFIG_FILE


def read_settings(path: Path | None = None) -> Settings:
    """The settings in ``path`` (default: ``config_file()``); none, without a problem, when there is no file.
    Read again only when the file changes, as every check run asks for them."""
    path = config_file() if path is None else path
    try:
        stat = path.stat()
    except OSError:
        return Settings()
    return _read(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _read(name: str, _mtime: int, _size: int) -> Settings:
    path = Path(name)
    try:
        data = tomllib.loads(read_at_most(path, MAX_BYTES).decode("utf-8"))
    except TooLarge:
        return Settings(name, problems=(f"{name}: more than {MAX_BYTES:,} bytes (reading stopped there); a "
                                        f"settings file holds a few lines, e.g. {EXAMPLE}",))
    except (OSError, UnicodeDecodeError) as error:
        return Settings(name, problems=(f"{name}: cannot be read ({getattr(error, 'strerror', None) or error})",))
    except tomllib.TOMLDecodeError as error:  # its message ends with the line and column
        return Settings(name, problems=(f"{name}: not valid TOML: {error}",))
    except RecursionError:  # tomllib parses nested arrays recursively: '[[[[…]]]]' thousands deep
        return Settings(name, problems=(f"{name}: nested too deeply to be a settings file; expected e.g. "
                                        f"{EXAMPLE}",))
    problems = [f"{name}: {key}: not a setting of the workbook{_suggest(key)}; known: {', '.join(KNOWN_KEYS)}"
                for key in data if key not in KNOWN_KEYS]
    entries = data.get(POLICY_PACKS, [])
    if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
        problems.append(f"{name}: {POLICY_PACKS}: expected a list of pack files or folders, e.g. {EXAMPLE}")
        entries = []
    packs = tuple(path.parent / Path(entry.strip()).expanduser() for entry in entries)
    return Settings(name, packs, tuple(problems))


def _suggest(key: str) -> str:
    close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
