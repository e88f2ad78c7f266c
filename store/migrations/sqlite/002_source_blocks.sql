-- A citation covers a block of adjacent passages (passage..last_passage)
-- and, when a claim citing it was verified, the model's quote from it:
-- "Show passage" shows the whole block with the quote emphasised.
ALTER TABLE answer_sources ADD COLUMN last_passage INTEGER;
ALTER TABLE answer_sources ADD COLUMN quote TEXT NOT NULL DEFAULT '';
