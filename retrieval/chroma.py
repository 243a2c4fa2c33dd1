"""Chroma, imported without the parts of its import that check or serve nothing here.

A cold ``crosscheck ask`` spent about 0.36 s of ``import chromadb`` on four things this app
never runs:
- the ``overrides`` package's ``@override``, which checks each of Chroma's ~50 overriding
  methods against its base class when the class is built (disassembling the module's code
  each time, ~0.15 s); a checker at import, not behaviour;
- httpx's command line (rich and pygments, ~0.09 s);
- OpenTelemetry's gRPC span exporter (grpc, ~0.09 s), built only when Chroma's settings
  name an OTLP endpoint;
- jsonschema (~0.03 s), which checks an embedding function's settings when Chroma builds
  one from them; the store passes its own vectors and builds none.
While Chroma imports (with the modules it imports when it opens a local store), these are
stand-ins: ``@override`` marks the method as the real one does and checks nothing; httpx's
command line is missing (httpx then defines a stub ``main``, as when its CLI extra is not
installed); the exporter, and the module of schema checks, import the real ones when first
called. Afterwards all of them import as usual. Should a Chroma release need more of them
than the stand-ins give, Chroma is imported again the plain way.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys
import types
import typing
from typing import Any

log = logging.getLogger(__name__)

_EXPORTER = "opentelemetry.exporter.otlp.proto.grpc.trace_exporter"
_SCHEMAS = "chromadb.utils.embedding_functions.schemas.schema_utils"


def _span_exporter(*args: Any, **kwargs: Any) -> Any:
    """OpenTelemetry's ``OTLPSpanExporter``, imported when Chroma first builds one."""
    from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

    return OTLPSpanExporter(*args, **kwargs)


def _schemas() -> Any:
    """Chroma's real module of schema checks (and with it jsonschema), imported on first use."""
    return importlib.import_module(_SCHEMAS)


def _schema_checks() -> types.ModuleType | None:
    """A stand-in for Chroma's schema checks: each function calls the real one (None where
    Chroma is not installed: its import then fails as it would)."""
    spec = importlib.util.find_spec("chromadb")  # found, not imported
    if spec is None or spec.origin is None:
        return None
    module = types.ModuleType(_SCHEMAS)
    # Where the real module finds its schemas: beside the chromadb package, as installed.
    module.SCHEMAS_DIR = os.path.join(  # type: ignore[attr-defined]
        os.path.dirname(os.path.dirname(spec.origin)), "schemas", "embedding_functions")
    for name in ("load_schema", "validate_config_schema", "get_schema_version"):
        def call(*args: Any, _name: str = name, **kwargs: Any) -> Any:
            return getattr(_schemas(), _name)(*args, **kwargs)

        call.__name__ = name
        setattr(module, name, call)
    return module


def _override(method: Any = None, *, check_signature: bool = True,
              check_at_runtime: bool = False) -> Any:
    """``overrides.override`` without its checks: marks the method, returns it unchanged."""
    if method is None:
        return _override
    method.__override__ = True
    return method


class _EnforceOverrides:
    """``overrides.EnforceOverrides`` without its metaclass (which only checks)."""


def _stand_ins() -> dict[str, Any]:
    stand_ins: dict[str, Any] = {}
    if "overrides" not in sys.modules:
        overrides = types.ModuleType("overrides")
        overrides.override = overrides.overrides = _override  # type: ignore[attr-defined]
        overrides.EnforceOverrides = _EnforceOverrides  # type: ignore[attr-defined]
        overrides.final = typing.final  # type: ignore[attr-defined]
        stand_ins["overrides"] = overrides
    if "httpx" not in sys.modules:
        stand_ins["httpx._main"] = None  # makes httpx's `from ._main import main` fail
    checks = None if _SCHEMAS in sys.modules else _schema_checks()
    if checks is not None:
        stand_ins[_SCHEMAS] = checks
    if _EXPORTER not in sys.modules:
        exporter = types.ModuleType(_EXPORTER)
        exporter.OTLPSpanExporter = _span_exporter  # type: ignore[attr-defined]
        stand_ins[_EXPORTER] = exporter
    return stand_ins


def import_chromadb() -> Any:
    """The ``chromadb`` module (imported once)."""
    if "chromadb" not in sys.modules:
        stand_ins = _stand_ins()
        sys.modules.update(stand_ins)
        try:
            import chromadb

            # Modules Chroma imports when it opens a local store: imported beside them too.
            import chromadb.api.rust
            import chromadb.telemetry.product.posthog
        except Exception:
            log.debug("Chroma did not import beside stand-ins; importing it plainly",
                      exc_info=True)
            for name in [n for n in sys.modules if n == "chromadb" or n.startswith("chromadb.")]:
                del sys.modules[name]
        finally:
            for name, module in stand_ins.items():  # later imports find the real modules
                if name in sys.modules and sys.modules[name] is module:
                    del sys.modules[name]
    import chromadb

    return chromadb
