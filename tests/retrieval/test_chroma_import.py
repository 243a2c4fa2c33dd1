"""Chroma imported beside stand-ins works as imported plainly, and leaves nothing behind.

Each check runs in a new interpreter: this one has imported Chroma already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_chroma_stores_and_finds_and_the_real_modules_import_afterwards() -> None:
    out = _run(
        "import sys\n"
        "from retrieval.chroma import import_chromadb, _span_exporter\n"
        "chromadb = import_chromadb()\n"
        "col = chromadb.EphemeralClient().create_collection('probe', embedding_function=None)\n"
        "col.upsert(ids=['a', 'b'], embeddings=[[1.0, 0.0], [0.0, 1.0]],\n"
        "           metadatas=[{'text': 'x'}, {'text': 'y'}])\n"
        "print(col.query(query_embeddings=[[0.9, 0.1]], n_results=1)['ids'])\n"
        "# what Chroma skipped, even opening a store, is not left standing in\n"
        "print(sorted(n for n in ('overrides', 'httpx._main') if n in sys.modules))\n"
        "import overrides, httpx._main\n"
        "print(overrides.override.__module__, bool(getattr(overrides, '__file__', None)))\n"
        "from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter\n"
        "print(type(_span_exporter(endpoint='http://127.0.0.1:9')) is OTLPSpanExporter)\n")
    assert out.splitlines() == ["[['a']]", "[]", "overrides.overrides True", "True"]


def test_a_chroma_that_needs_more_than_the_stand_ins_is_imported_plainly() -> None:
    out = _run(
        "import retrieval.chroma as c\n"
        "plain = c._stand_ins\n"
        "c._stand_ins = lambda: {**plain(), 'chromadb.api': None}  # breaks the first try\n"
        "chromadb = c.import_chromadb()\n"
        "print(chromadb.PersistentClient.__name__, 'chromadb.api' in __import__('sys').modules)\n")
    assert out == "PersistentClient True"


def test_schema_checks_are_the_real_ones_when_called() -> None:
    """jsonschema is left out of the import, and Chroma's schema checks still check."""
    out = _run(
        "import sys\n"
        "from retrieval.chroma import import_chromadb\n"
        "import_chromadb()\n"
        "print('jsonschema' in sys.modules)\n"
        "from chromadb.utils.embedding_functions.schemas import validate_config_schema\n"
        "from chromadb.utils.embedding_functions.schemas.registry import SCHEMAS_DIR\n"
        "try:\n"
        "    validate_config_schema({'model_name': 1}, 'openai')\n"
        "except Exception as exc:\n"
        "    print(type(exc).__module__, type(exc).__name__)\n"
        "import chromadb.utils.embedding_functions.schemas.schema_utils as real\n"
        "print(SCHEMAS_DIR == real.SCHEMAS_DIR, real.__file__.endswith('schema_utils.py'))\n")
    assert out.splitlines() == ["False", "jsonschema.exceptions ValidationError", "True True"]
