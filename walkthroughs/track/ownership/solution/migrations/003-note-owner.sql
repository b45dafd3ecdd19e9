-- Notes written before accounts existed have no owner (NULL) and are visible to nobody.
ALTER TABLE notes ADD COLUMN owner_id INTEGER REFERENCES users (id);
CREATE INDEX notes_owner ON notes (owner_id);
