-- Trigram indexes make "any part of a name" searches fast on large directories.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
