"""Storage: SQLAlchemy 2 models, sessions, repositories (which never commit), migrations."""
