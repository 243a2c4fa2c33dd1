"""The language-model path: chat client, LLM stance judge, LLM answer writer, schemas, prompts.

Imports nothing from ``bot.web`` (checked by import-linter).
"""
