-- A rotated token keeps its successor's value sealed under its own value (AES-GCM under a key
-- derived from it), so a retry by the same client whose first answer was lost gets the same
-- successor again. Only the holder of the old token can open it; purge clears it after the window.
ALTER TABLE refresh_tokens ADD COLUMN successor_sealed VARCHAR(128);
