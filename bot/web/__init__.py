"""The web app: server, JSON API, Gradio UI, HTML rendering, access control, static files."""
