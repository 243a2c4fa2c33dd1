"""The engine: question -> claim, evidence, attribution, stance, verdict, template answer.

Imports nothing from ``bot.llm`` or ``bot.web`` (checked by import-linter).
"""
