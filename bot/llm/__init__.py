"""The language-model path: chat client, LLM stance judge, LLM answer writer, schemas, prompts.

Imports nothing from ``bot.web`` (checked by import-linter).
"""

from retrieval.errors import MissingDependencyError

# The runtime install is offline-only; LangChain's OpenAI chat model and the OpenAI client
# come with the extra.
try:
    import langchain_openai  # noqa: F401
except ImportError as exc:
    raise MissingDependencyError(
        "a language model (CROSSCHECK_LLM, CROSSCHECK_STANCE=llm) needs the llm extra: "
        "pip install 'crosscheck[llm]' (in a checkout: .venv/bin/pip install -e '.[llm]')"
    ) from exc
